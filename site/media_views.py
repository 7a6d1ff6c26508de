"""Serving image renditions in the embedded default (production uses object storage or a proxy).

Only renditions and audio/video files are served. Originals (media/original_images/) and
documents on disk are never reachable by URL: documents go through Wagtail's document view, which
checks privacy.
"""

from django.conf import settings
from django.views.decorators.http import require_GET
from django.views.static import serve

RENDITIONS_FOLDER = "images"
MEDIA_FILES_FOLDER = "media_files"


def _serve_folder(request, path, folder):
    response = serve(request, path, document_root=settings.MEDIA_ROOT / folder)
    # Names are random and never reused: cache for good.
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response


@require_GET
def rendition(request, path):
    return _serve_folder(request, path, RENDITIONS_FOLDER)


@require_GET
def media_file(request, path):
    """Self-hosted audio, video and captions (longread.MediaFile)."""
    return _serve_folder(request, path, MEDIA_FILES_FOLDER)
