"""Serving image renditions and audio/video files, from MEDIA_ROOT or the media bucket.

Only renditions and audio/video files are served. Originals (original_images/) and documents are
never reachable by URL: documents go through Wagtail's document view, which checks privacy. With
a bucket (MEDIA_S3_BUCKET) the file is streamed from it through this site, so the reader's
browser fetches from this origin only and the bucket stays private (sitewide.serving.media_storage).
"""

import mimetypes

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.dispatch import receiver
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from django.views.static import serve

from longread.absolute import absolute_url
from longread.mediafiles import MediaFile
from sitewide.serving.byte_ranges import with_byte_ranges
from stories.consent import media_access
from stories.signals import stories_taken_down

RENDITIONS_FOLDER = "images"
MEDIA_FILES_FOLDER = "media_files"
CHUNK = 64 * 1024
MISSING_OBJECT_CODES = {"NoSuchKey", "404", "NotFound"}


def _serve_folder(request, path, folder):
    # Object stores take `..` literally and storages normalise it away: either way a crafted
    # path must not reach outside the folder (to the originals).
    segments = path.split("/")
    if any(
        segment in ("", ".", "..") or "\\" in segment or "\0" in segment for segment in segments
    ):
        raise Http404("No such file.")
    staff = _is_staff(request)
    if not staff and not _may_be_served(folder, path):
        raise Http404("No such file.")
    if isinstance(default_storage, FileSystemStorage):
        response = serve(request, path, document_root=settings.MEDIA_ROOT / folder)
    elif hasattr(default_storage, "object_for"):
        response = _stream_from_bucket(f"{folder}/{path}")
    else:
        response = _open_from_storage(f"{folder}/{path}")
    # Names are random, but a file may stop being public at any moment (a withdrawal): kept
    # by a CDN or a browser for MEDIA_MAX_AGE seconds at most, and purged from a configured
    # CDN when its story is taken down (see purge_files_of_taken_down_pages).
    response["Cache-Control"] = public_file_cache_control()
    if staff:
        # Staff see every file (the image library's thumbnails, drafts): never kept by others.
        response["Cache-Control"] = "private, no-store"
    return response


def _is_staff(request) -> bool:
    """Staff signed in with both factors (sitewide.staff.two_factor): a password alone sees
    what readers see, no more."""
    user = getattr(request, "user", None)
    return bool(
        user is not None
        and user.is_authenticated
        and getattr(user, "is_verified", lambda: False)()
        and user.has_perm("wagtailadmin.access_admin")
    )


def media_max_age() -> int:
    return getattr(settings, "MEDIA_MAX_AGE", 300)


def public_file_cache_control() -> str:
    """Files readers may see (renditions, audio and video, documents): a file may stop being
    public at any moment (a withdrawal), so shared caches and browsers keep it MEDIA_MAX_AGE
    seconds at most."""
    return f"public, max-age={media_max_age()}"


def _may_be_served(folder, path) -> bool:
    """Files follow their pages (stories.consent.media_access): a rendition or media file is served
    only while a page readers or partners may see uses it, with the medium allowed."""
    name = f"{folder}/{path}"
    if folder == RENDITIONS_FOLDER:
        from wagtail.images import get_image_model

        rendition = (
            get_image_model()
            .get_rendition_model()
            .objects.filter(file=name)
            .select_related("image")
            .first()
        )
        return rendition is not None and media_access.image_may_be_served(rendition.image)
    media = MediaFile.objects.filter(file=name).first() or (
        MediaFile.objects.filter(captions=name).first()
    )
    return media is not None and media_access.media_file_may_be_served(media)


@receiver(stories_taken_down, dispatch_uid="sitewide-media-purge-takedown")
def purge_files_of_taken_down_pages(sender, page_ids, **kwargs):
    """With a CDN configured, the files of pages just taken down (or narrowed) are purged
    exactly, in the same renewal as the pages' own addresses."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    urls = media_access.file_urls_of_pages(page_ids)
    if urls:
        # On the public site's address (the one base URL), where readers fetched the files.
        purge_urls_from_cache([absolute_url(url) for url in urls])


def _stream_from_bucket(name):
    """Chunk by chunk from the object store: a large video is never copied whole first."""
    from botocore.exceptions import ClientError  # only installed where a bucket is used

    try:
        found = default_storage.object_for(name).get()
    except ClientError as error:
        if error.response.get("Error", {}).get("Code") in MISSING_OBJECT_CODES:
            raise Http404("No such file.") from None
        raise
    body = found["Body"]

    def chunks():
        try:
            yield from body.iter_chunks(CHUNK)
        finally:
            body.close()

    content_type, encoding = mimetypes.guess_type(name)
    response = StreamingHttpResponse(
        chunks(), content_type=content_type or "application/octet-stream"
    )
    response["Content-Length"] = str(found["ContentLength"])
    response["Last-Modified"] = http_date(found["LastModified"].timestamp())
    if encoding:
        response.headers["Content-Encoding"] = encoding
    return response


def _open_from_storage(name):
    if not default_storage.exists(name):
        raise Http404("No such file.")
    return FileResponse(default_storage.open(name))


@require_safe
def rendition(request, path):
    return _serve_folder(request, path, RENDITIONS_FOLDER)


@require_safe
def media_file(request, path):
    """Self-hosted audio, video and captions (longread.MediaFile)."""
    return with_byte_ranges(request, _serve_folder(request, path, MEDIA_FILES_FOLDER))
