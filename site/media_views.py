"""Serving image renditions and audio/video files, from MEDIA_ROOT or the media bucket.

Only renditions and audio/video files are served. Originals (original_images/) and documents are
never reachable by URL: documents go through Wagtail's document view, which checks privacy. With
a bucket (MEDIA_S3_BUCKET) the file is streamed from it through this site, so the reader's
browser fetches from this origin only and the bucket stays private (sitewide.media_storage).
"""

import mimetypes

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import FileResponse, Http404, StreamingHttpResponse
from django.utils.http import http_date
from django.views.decorators.http import require_safe
from django.views.static import serve

from sitewide.byte_ranges import with_byte_ranges

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
    if isinstance(default_storage, FileSystemStorage):
        response = serve(request, path, document_root=settings.MEDIA_ROOT / folder)
    elif hasattr(default_storage, "object_for"):
        response = _stream_from_bucket(f"{folder}/{path}")
    else:
        response = _open_from_storage(f"{folder}/{path}")
    # Names are random and never reused: cache for good.
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


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
