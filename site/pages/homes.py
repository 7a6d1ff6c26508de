from wagtail.models import Page, Site

from stories import consent


def language_homes(request=None):
    """This site's home page in every language readers may see (live, consented)."""
    site = (
        Site.find_for_request(request)
        if request is not None
        else Site.objects.filter(is_default_site=True).first()
    )
    if site is None:
        return Page.objects.none()
    return consent.visible_pages(
        Page.objects.filter(translation_key=site.root_page.translation_key), consent.WEBSITE
    )
