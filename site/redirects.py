"""Redirects (wagtail.contrib.redirects) that lead to a page readers may not see answer 404.

A redirect names the page it leads to, or an address. Either way, when that page is one the
consent rule (or Wagtail's live/public state) hides from the website, the redirect is not
followed: the old address answers 404 as the hidden page would, and never reveals where the
story lived (its slug).
"""

from urllib.parse import urlparse

from django.conf import settings
from wagtail.contrib.redirects.middleware import RedirectMiddleware, get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from sitewide import chrome
from stories import consent


def _page_at(request, link: str):
    """The page of this site at an address (`/en/stories/…/` or a full URL), or None."""
    parsed = urlparse(link)
    if parsed.netloc and parsed.netloc != request.get_host():
        return None
    parts = [part for part in parsed.path.split("/") if part]
    codes = {code for code, _name in settings.LANGUAGES}
    if not parts or parts[0] not in codes:
        return None
    root = chrome.root_for_language(request, parts[0])
    if root is None:
        return None
    url_path = root["url_path"] + "".join(f"{part}/" for part in parts[1:])
    return Page.objects.filter(url_path=url_path, path__startswith=root["path"]).first()


def leads_to_hidden_page(request, redirect) -> bool:
    if redirect.redirect_page_id:
        target = Page.objects.filter(pk=redirect.redirect_page_id)
    else:
        page = _page_at(request, redirect.redirect_link or "")
        if page is None:
            return False  # an address elsewhere, or not a page
        target = Page.objects.filter(pk=page.pk)
    return not consent.visible_pages(target, consent.WEBSITE).exists()


class ConsentRedirectMiddleware(RedirectMiddleware):
    def process_response(self, request, response):
        answer = super().process_response(request, response)
        if answer is response:
            return response
        path = Redirect.normalise_path(request.get_full_path(), decode_unicode=False)
        redirect = get_redirect(request, path) or get_redirect(request, urlparse(path).path)
        if redirect is not None and leads_to_hidden_page(request, redirect):
            return response  # the 404 the old address gave
        return answer
