"""Publishing makes every rendition readers need; reading a page then encodes no image."""

import pytest
from bs4 import BeautifulSoup

from longread.blocks import screen_specs
from longread.models import LongreadImage, rendition_encoded
from longread.renditions import READER_SPECS, image_ids_of, specs_of
from stories.models import TestimonyPage
from tests.factories import ImageFactory
from tests.helpers import FIRST_PSEUDONYM

pytestmark = pytest.mark.django_db


def test_publishing_prepares_renditions_so_readers_never_wait(
    client, django_capture_on_commit_callbacks, task_worker
):
    page = TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="en")
    ids = image_ids_of(page)
    assert page.hero_image_id in ids and len(ids) > 1  # hero and body images
    images = LongreadImage.objects.filter(pk__in=ids)
    for image in images:
        image.renditions.all().delete()

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    # Publishing only queued the work: the worker encodes, not the editor's request.
    assert all(image.renditions.count() == 0 for image in images)
    assert task_worker() >= 1
    for image in images:
        assert image.renditions.count() >= len(READER_SPECS), image

    encoded = []

    def remember(sender, image, filter, **kwargs):
        encoded.append((image.pk, filter))

    rendition_encoded.connect(remember)
    try:
        assert client.get(page.url).status_code == 200
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 200
    finally:
        rendition_encoded.disconnect(remember)
    assert encoded == []


def test_a_large_image_gets_its_wider_renditions_at_publish_and_on_the_page(
    client, django_capture_on_commit_callbacks, task_worker
):
    """A picture larger than 1600 px also comes in 2400 and 3200 (as wide as it is, when less),
    for the pictures that fill a dense phone's screen; publishing makes them too. The demo's
    pictures, 1600 px wide, get none."""
    page = TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="en")
    assert screen_specs(page.hero_image) == ()
    large = ImageFactory(file__width=2600, file__height=1625, kind=LongreadImage.ILLUSTRATION)
    assert screen_specs(large) == tuple(
        f"format-{fmt}|width-{width}" for fmt in ("webp", "jpeg") for width in (2400, 3200)
    )
    page.hero_image = large
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert large.renditions.count() == 0
    assert task_worker() >= 1
    made = set(large.renditions.values_list("filter_spec", flat=True))
    assert set(specs_of(large)) == set(READER_SPECS) | set(screen_specs(large)) <= made

    encoded = []

    def remember(sender, image, filter, **kwargs):
        encoded.append((image.pk, filter))

    rendition_encoded.connect(remember)
    try:
        html = client.get(page.url).content.decode()
    finally:
        rendition_encoded.disconnect(remember)
    assert encoded == []
    cover = BeautifulSoup(html, "html.parser").select_one(".lr-cover source[type='image/webp']")
    widths = [candidate.split()[-1] for candidate in cover["srcset"].split(",")]
    assert widths == ["480w", "800w", "1200w", "1600w", "2400w", "2600w"], widths


def test_a_rendition_read_from_the_cache_is_not_written_back(monkeypatch):
    """Each picture a page shows is looked up in the rendition cache; what was found there is
    not written again (with the file cache, a write and a scan of its folder each time)."""
    image = LongreadImage.objects.filter(renditions__isnull=False).first()
    specs = list(specs_of(image))[:3]
    first = {spec: image.get_rendition(spec).url for spec in specs}
    image.get_renditions(*specs)  # now every one of them is in the cache
    backend = LongreadImage.get_rendition_model().cache_backend
    writes = []
    for name in ("set", "set_many"):
        real = getattr(backend, name)
        monkeypatch.setattr(backend, name, lambda *a, _r=real, **k: writes.append(a) or _r(*a, **k))
    again = LongreadImage.objects.get(pk=image.pk)
    assert {spec: again.get_rendition(spec).url for spec in specs} == first
    assert [r.url for r in again.get_renditions(*specs).values()] == list(first.values())
    assert writes == []
