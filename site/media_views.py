"""Serving image renditions in the embedded default (production uses object storage or a proxy).

Only renditions are served. Originals (media/original_images/) and documents on disk are never
reachable by URL: documents go through Wagtail's document view, which checks privacy.
"""

from django.conf import settings
from django.views.decorators.http import require_GET
from django.views.static import serve

RENDITIONS_FOLDER = "images"


@require_GET
def rendition(request, path):
    response = serve(request, path, document_root=settings.MEDIA_ROOT / RENDITIONS_FOLDER)
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
