import json

from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext

from stories.exceptions import PublishRefused


class ConsentRefusalMiddleware:
    """Every admin publish path that ends in a refusal shows its reason to staff.

    The refusal itself is decided in LongreadPage.publish() and the workflow tasks; this only
    turns it into an admin message and a redirect back, instead of an error page. PublishRefused
    is no PermissionDenied, so Wagtail's "no access" never replaces the reason.
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
        comment = typed_comment(request)
        if comment:
            # The editor's approve-with-comment dialog: what the moderator typed is not lost.
            messages.warning(
                request,
                gettext("Your comment was not sent. This is what you wrote: %(comment)s")
                % {"comment": comment},
            )
        back = request.META.get("HTTP_REFERER", "")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            # The admin's home, by its name in the URL conf: its address is the site layer's.
            back = reverse("wagtailadmin_home")
        return redirect(back)


def typed_comment(request) -> str:
    if request.method != "POST":
        return ""
    comment = request.POST.get("comment", "")
    try:
        extra = json.loads(request.POST.get("workflow-action-extra-data") or "{}")
    except ValueError:
        extra = {}
    if isinstance(extra, dict):
        comment = comment or str(extra.get("comment") or "")
    return comment.strip()
