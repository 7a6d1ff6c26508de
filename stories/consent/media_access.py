"""Files follow their pages: may a rendition, an audio or video file or a caption file be served?

A file is served only while at least one page that uses it may be shown (live, public, and for
a testimony covered by its teller's consent) on a public channel: the website, the API (whose
partners embed the same addresses) or social previews (the share image). For a testimony, the
medium must be allowed too: images need the photo permission, audio and video theirs. A file
that a withdrawn story used alone answers 404 at once; a file another visible page uses stays.

Which pages use a file comes from Wagtail's reference index (hero images, image and media
blocks, documents), kept up to date whenever a page is saved.
"""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from stories import consent

PUBLIC_CHANNELS = (consent.WEBSITE, consent.API, consent.SOCIAL)


def pages_using(obj):
    page_type = ContentType.objects.get_for_model(Page)
    ids = (
        ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return Page.objects.filter(pk__in=[int(pk) for pk in ids])


def may_be_served(obj, medium: str | None) -> bool:
    """Whether a visible page uses `obj` and, if it is a testimony, allows `medium`
    ("photos", "audio" or "video"; None: any testimony may show it)."""
    from stories.models import TestimonyPage

    pages = pages_using(obj)
    if medium is not None:
        without_medium = TestimonyPage.objects.exclude(**{f"consent__allows_{medium}": True})
        pages = pages.exclude(pk__in=without_medium.values("pk"))
    return any(consent.visible_pages(pages, channel).exists() for channel in PUBLIC_CHANNELS)


def image_may_be_served(image) -> bool:
    """A photo needs the photo permission; an illustration shows no one
    (longread.models.LongreadImage.kind)."""
    return may_be_served(image, "photos" if image.is_photo else None)


def media_file_may_be_served(media_file) -> bool:
    return may_be_served(media_file, media_file.kind)


def file_urls_of_pages(page_ids) -> list[str]:
    """The addresses of every rendition and media file the pages use (for a CDN purge)."""
    from wagtail.images import get_image_model

    from longread.mediafiles import MediaFile

    image_type = ContentType.objects.get_for_model(get_image_model())
    media_type = ContentType.objects.get_for_model(MediaFile)
    page_type = ContentType.objects.get_for_model(Page)
    references = ReferenceIndex.objects.filter(
        base_content_type=page_type, object_id__in=[str(pk) for pk in page_ids]
    )
    image_ids = references.filter(to_content_type=image_type).values_list("to_object_id", flat=True)
    media_ids = references.filter(to_content_type=media_type).values_list("to_object_id", flat=True)
    rendition_model = get_image_model().get_rendition_model()
    urls = [
        rendition.url
        for rendition in rendition_model.objects.filter(image_id__in=[int(i) for i in image_ids])
    ]
    for media in MediaFile.objects.filter(pk__in=[int(i) for i in media_ids]):
        urls.append(media.file.url)
        if media.captions:
            urls.append(media.captions.url)
    return urls
