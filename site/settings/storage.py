"""Static files (whitenoise), media files (MEDIA_ROOT or a private S3-compatible bucket) and the
limits of uploads (docs/security.md, "Uploads")."""

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from sitewide.environment import Environment, env
from sitewide.settings.base import DEBUG, VAR_DIR

# Media files (uploads, renditions, documents, audio and video): MEDIA_ROOT on this machine, or a
# private bucket of an S3-compatible object store shared by every web machine and the worker.
S3_MEDIA_VARIABLES = (
    "MEDIA_S3_BUCKET",
    "MEDIA_S3_ENDPOINT_URL",
    "MEDIA_S3_REGION",
    "MEDIA_S3_PREFIX",
)
FILE_SYSTEM_STORAGE = "django.core.files.storage.FileSystemStorage"
S3_MEDIA_STORAGE = "sitewide.serving.media_storage.PrivateS3Storage"
# Bigger files read through the storage (documents served by Wagtail's view) wait in a temporary
# file, not in memory.
S3_MAX_MEMORY_SIZE = 4 * 1024 * 1024


def media_storage(environ=None) -> dict:
    """STORAGES["default"] from MEDIA_S3_BUCKET and friends (in the environment, or a given
    mapping); the credentials are boto3's own (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or
    the machine's role), never a setting."""
    env = Environment(environ)  # None: the process's environment
    bucket = env("MEDIA_S3_BUCKET")
    if not bucket:
        stray = [name for name in S3_MEDIA_VARIABLES[1:] if env(name)]
        if stray:
            raise ImproperlyConfigured(
                f"{stray[0]} is set but MEDIA_S3_BUCKET is not: set the bucket's name, or unset "
                f"{', '.join(stray)} to keep media files under MEDIA_ROOT."
            )
        return {"BACKEND": FILE_SYSTEM_STORAGE}
    endpoint = env("MEDIA_S3_ENDPOINT_URL") or None
    if endpoint:
        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ImproperlyConfigured(
                f"MEDIA_S3_ENDPOINT_URL must be an http(s) URL such as "
                f"https://s3.example.org; got {endpoint!r}."
            )
    return {
        "BACKEND": S3_MEDIA_STORAGE,
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": endpoint,
            "region_name": env("MEDIA_S3_REGION") or None,
            "location": env("MEDIA_S3_PREFIX").strip("/"),
            # Private: objects get no ACL of their own, so the bucket's (private) policy holds.
            "default_acl": None,
            # Two documents called report.pdf are two files, as on disk.
            "file_overwrite": False,
            "signature_version": "s3v4",
            # Self-hosted stores (MinIO, Ceph, Garage) answer on one host name, not per bucket.
            "addressing_style": "path" if endpoint else None,
            "max_memory_size": S3_MAX_MEMORY_SIZE,
        },
    }


STATIC_URL = "/static/"
STATIC_ROOT = env("STATIC_ROOT") or VAR_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT")
# Media files under MEDIA_ROOT, or in a private S3-compatible bucket when MEDIA_S3_BUCKET is set
# (media_storage above; docs/deployment.md): then no web machine keeps any.
STORAGES = {
    "default": media_storage(),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_MAX_AGE = 3600

FILE_UPLOAD_PERMISSIONS = 0o640
# Uploads (docs/security.md, "Uploads"): documents are PDFs only, checked by name and content
# (longread.forms); images only in the formats longread.imagemeta re-encodes, never SVG, with the
# pixel count read from the header before anything is decoded; audio and video checked by content
# (longread.mediafiles). Uploads over 2.5 MB (Django's default) wait in a temporary file, not in
# memory.
WAGTAILDOCS_EXTENSIONS = ["pdf"]
WAGTAILDOCS_DOCUMENT_FORM_BASE = "longread.forms.LongreadDocumentForm"
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Documents go through Wagtail's view (and its privacy hook) from any storage: never a redirect
# to the bucket, which would hand the reader's browser to another origin.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 15 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
LONGREAD_MAX_MEDIA_UPLOAD_SIZE = 200 * 1024 * 1024
