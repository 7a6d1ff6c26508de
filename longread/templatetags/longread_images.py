"""`{% longread_picture %}`: Wagtail's `{% picture %}` for the longread's images, with its markup
kept per process.

A long story shows twenty or more images, each a <picture> of eight renditions: building that
markup (rendition URLs, escaped attributes) took a fifth of the story's time. The markup depends
only on the image's renditions (their files and sizes) and the attributes given, so it is kept
under exactly those: a new rendition file, other attributes or another image make another entry.
"""

import threading
from collections import OrderedDict

from django import template
from django.utils.safestring import mark_safe
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

from longread.blocks import IMAGE_FORMATS, IMAGE_WIDTHS, reader_alt, screen_specs
from longread.models import shown_to_readers

register = template.Library()

# The <picture> sources: WebP, then JPEG for the browsers without it, in every width; and the
# wider ones an image is large enough for (longread.blocks.screen_specs).
PICTURE_SPECS = tuple(
    f"format-{fmt}|width-{width}" for fmt in IMAGE_FORMATS for width in IMAGE_WIDTHS
)
MAX_ENTRIES = 4096
_markup: OrderedDict = OrderedDict()
_lock = threading.Lock()


def _key(image, renditions, attrs):
    return (
        image.pk,
        getattr(image, "default_alt_text", None),
        tuple((spec, r.file.name, r.width, r.height) for spec, r in renditions.items()),
        tuple(attrs.items()),
    )


@register.simple_tag
def longread_picture(image, **attrs):
    """<picture> with WebP and JPEG sources in every width; attributes as `{% picture %}`'s."""
    if not image:
        return ""
    renditions = get_renditions_or_not_found(image, (*PICTURE_SPECS, *screen_specs(image)))
    key = _key(image, renditions, attrs)
    with _lock:
        html = _markup.get(key)
        if html is not None:
            _markup.move_to_end(key)
            return html
    html = mark_safe(Picture(renditions, dict(attrs)).__html__())  # noqa: S308  # nosec B308 B703  # Wagtail escapes it
    with _lock:
        _markup[key] = html
        while len(_markup) > MAX_ENTRIES:
            _markup.popitem(last=False)
    return html


@register.filter(name="reader_alt")
def reader_alt_filter(alt_text, decorative):
    """`alt|reader_alt:decorative`: the alternative text readers get (longread.blocks.reader_alt),
    none for a decorative picture. `longread/includes/picture.html` applies it to every picture."""
    return reader_alt(alt_text, decorative)


def clear():
    """Forget the markup kept (tests, or settings that change it, such as MEDIA_URL)."""
    with _lock:
        _markup.clear()


# --- Photos and the teller's consent ----------------------------------------------------------
# A story hands its templates `media_allowed` (stories.models.TestimonyPage.media_allowed).
# Without the photo permission its photos are left out with what frames them (a figure, a
# gallery item, a comparison); illustrations stay (longread.models.LongreadImage.kind). Pages
# without a teller hand no `media_allowed` and show every image.


@register.simple_tag(takes_context=True)
def shown_image(context, image):
    """`{% shown_image value.image as image %}`: the image, or None where the teller's consent
    keeps it from readers."""
    return image if shown_to_readers(image, context.get("media_allowed")) else None


@register.simple_tag(takes_context=True)
def shown_items(context, items):
    """`{% shown_items value.images as images %}`: the items (gallery images) readers may see."""
    allowed = context.get("media_allowed")
    return [item for item in items if shown_to_readers(item.get("image"), allowed)]
