from django.http import Http404
from wagtail import hooks

from stories import consent


@hooks.register("before_serve_page")
def refuse_pages_without_consent(page, request, serve_args, serve_kwargs):
    """A page the consent rule hides answers 404, as if it did not exist."""
    if not consent.page_is_visible(page, consent.WEBSITE):
        raise Http404
