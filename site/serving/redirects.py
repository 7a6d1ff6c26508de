"""Redirects (wagtail.contrib.redirects) that lead to a page readers may not see answer 404.

A redirect names the page it leads to, or an address. Either way, when that page is one the
consent rule (or Wagtail's live/public state) hides from the website, the redirect is not
followed: the old address answers 404 as the hidden page would, and never reveals where the
story lived (its slug).
"""

from urllib.parse import urlparse

from wagtail.contrib.redirects.middleware import RedirectMiddleware, get_redirect
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page

from longread.addresses import page_at_address
from stories import consent


def leads_to_hidden_page(request, redirect) -> bool:
    if redirect.redirect_page_id:
        target = Page.objects.filter(pk=redirect.redirect_page_id)
    else:
        # However the address is spelled: another of this site's host names, letter case,
        # percent-encoding (longread.addresses).
        page = page_at_address(redirect.redirect_link or "", request.get_host())
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
