"""The address prefixes written once (sitewide.serving.paths) are the ones the URLs answer at."""

from django.conf import settings
from django.urls import reverse

from sitewide.serving import paths


def test_each_prefix_is_where_the_site_answers():
    assert reverse("wagtailadmin_home") == paths.ADMIN
    assert reverse("health") == paths.HEALTH
    assert settings.STATIC_URL == paths.STATIC
    assert reverse("rendition", args=["x.jpg"]).startswith(paths.MEDIA)
    assert reverse("wagtaildocs_serve", args=[1, "f.pdf"]).startswith(paths.DOCUMENTS)
    assert reverse("wagtailapi_schema").startswith(paths.API)


def test_no_prefix_names_an_address_the_site_does_not_have():
    named = {
        value for value in vars(paths).values() if isinstance(value, str) and value.startswith("/")
    }
    groups = {
        prefix for group in (paths.STAFF, paths.UNPREFIXED, paths.NOT_CACHED) for prefix in group
    }
    assert groups <= named
