"""Renditions are made when a page is published, not when a reader asks for them.

Encoding twenty images in several widths and formats takes seconds; a reader on a cheap phone
must never wait for it. Publishing schedules a background task (Wagtail's task framework:
in-process by default, a worker in production) that makes every rendition the reader pages and
the API use for every image the page refers to.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.dispatch import Signal, receiver
from django_tasks import task
from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex
from wagtail.signals import page_published

from longread.blocks import IMAGE_FORMATS, IMAGE_WIDTHS, screen_specs

# Every spec a public page or the API asks for of any image: <picture> sources and API
# renditions, the video poster, and the social preview image. A large image's pictures also ask
# for wider renditions (longread.blocks.screen_specs).
READER_SPECS = (
    *[f"format-{fmt}|width-{width}" for width in IMAGE_WIDTHS for fmt in IMAGE_FORMATS],
    "width-1200|format-jpeg",
    "fill-1200x630|format-jpeg",
)

# Sent once a batch of new renditions is ready: pages kept by a cache with "image not found"
# in place of these images must be rendered again. (Single rendition saves are not announced
# one by one: a story makes a hundred and sixty of them.)
renditions_prepared = Signal()


def image_ids_of(page) -> list[int]:
    """Images a page uses in any field or block, from Wagtail's reference index."""
    image_type = ContentType.objects.get_for_model(get_image_model())
    ids = (
        ReferenceIndex.get_references_for_object(page)
        .filter(to_content_type=image_type)
        .values_list("to_object_id", flat=True)
    )
    return sorted({int(pk) for pk in ids if str(pk).isdigit()})


def specs_of(image) -> tuple[str, ...]:
    """Every spec the pages and the API ask for of this image."""
    return (*READER_SPECS, *screen_specs(image))


@task()
def prepare_renditions(image_ids: list[int]) -> int:
    """Make every reader rendition of these images that does not exist yet."""
    made = 0
    for image in get_image_model().objects.filter(pk__in=image_ids):
        made += len(image.get_renditions(*specs_of(image)))
    if made:
        renditions_prepared.send(sender=prepare_renditions, image_ids=image_ids)
    return made


@receiver(page_published)
def prepare_renditions_of_published_page(sender, instance, **kwargs):
    # After commit: the reference index is updated by then, and a rolled-back publish makes
    # nothing.
    transaction.on_commit(lambda: prepare_renditions.enqueue(image_ids_of(instance)))
