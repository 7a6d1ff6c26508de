from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme

from stories.exceptions import PublishRefused


class ConsentRefusalMiddleware:
    """Every admin publish path that ends in a consent refusal shows its message to staff.

    The refusal itself is decided in LongreadPage.publish(); this only turns it into an admin
    message and a redirect back, instead of an error page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, PublishRefused):
            return None
        if request.headers.get("Accept", "").startswith("application/json"):
            return JsonResponse({"success": False, "error": str(exception)}, status=400)
        messages.error(request, str(exception))
        back = request.META.get("HTTP_REFERER", "")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            back = "/admin/"
        return redirect(back)
