"""sitemap.xml: every live page readers may see, with its visible translations as alternates."""

from collections import defaultdict

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.http import require_GET
from wagtail.models import Page, Site

from stories import consent


@require_GET
def sitemap(request):
    site = Site.find_for_request(request)
    pages = (
        consent.visible_pages(Page.objects.filter(depth__gt=1), consent.WEBSITE)
        .select_related("locale")
        .order_by("path")
    )
    by_key = defaultdict(list)
    entries = []
    for page in pages:
        url = request.build_absolute_uri(page.get_url(request))
        if not url or (site and not page.url_path.startswith(tuple(site_roots(site)))):
            continue
        entry = {
            "location": url,
            "lastmod": page.last_published_at,
            "language": page.locale.language_code,
        }
        by_key[page.translation_key].append(entry)
        entries.append((page.translation_key, entry))
    for key, entry in entries:
        entry["alternates"] = by_key[key] if len(by_key[key]) > 1 else []
    xml = render_to_string("sitemap.xml", {"entries": [entry for _key, entry in entries]})
    return HttpResponse(xml, content_type="application/xml; charset=utf-8")


def site_roots(site):
    """url_path prefixes of a site's root page in every language."""
    return [
        root.url_path
        for root in Page.objects.filter(translation_key=site.root_page.translation_key)
    ]
