"""Publishing makes every rendition readers need; reading a page then encodes no image."""

import pytest

from longread.models import LongreadImage, rendition_encoded
from longread.renditions import READER_SPECS, image_ids_of
from stories.models import TestimonyPage
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
