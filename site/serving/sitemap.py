"""sitemap.xml: every live page readers may see, with its visible translations as alternates."""

from collections import defaultdict

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe
from wagtail.models import Page

from longread.absolute import absolute_url
from sitewide.pages.homes import language_homes
from stories import consent


@require_safe
def sitemap(request):
    # Pages of this site: below its home page in one of the languages (one query, not per page).
    roots = tuple(home.url_path for home in language_homes(request))
    pages = (
        consent.visible_pages(Page.objects.filter(depth__gt=1), consent.WEBSITE)
        .select_related("locale")
        .order_by("path")
    )
    by_key = defaultdict(list)
    entries = []
    for page in pages:
        relative_url = page.get_url(request) if page.url_path.startswith(roots) else None
        if not relative_url:
            continue
        entry = {
            "location": absolute_url(relative_url, request),
            "lastmod": page.last_published_at,
            "language": page.locale.language_code,
        }
        by_key[page.translation_key].append(entry)
        entries.append((page.translation_key, entry))
    for key, entry in entries:
        entry["alternates"] = by_key[key] if len(by_key[key]) > 1 else []
    xml = render_to_string("sitemap.xml", {"entries": [entry for _key, entry in entries]})
    return HttpResponse(xml, content_type="application/xml; charset=utf-8")
