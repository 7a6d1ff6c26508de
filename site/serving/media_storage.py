"""Media files in a private bucket of an S3-compatible object store (MEDIA_S3_BUCKET).

Readers never fetch from the bucket: every URL a page, the API or the admin shows is this site's
own (`/media/...`, `/documents/...`), answered by `sitewide.serving.media_views` and Wagtail's
document view, which read the object with the site's credentials. So the reader's browser talks to
one origin, the Content-Security-Policy stays `'self'`, and what may be served (renditions and audio
or video, never an original; a document only while a public page uses it) is decided by the same
views as with files on disk.
"""

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class PrivateS3Storage(S3Storage):
    def url(self, name, parameters=None, expire=None, http_method=None):
        """The site's own URL for a stored file, as FileSystemStorage gives: never a bucket URL."""
        return settings.MEDIA_URL + filepath_to_uri(clean_name(name)).lstrip("/")

    def object_for(self, name):
        """The bucket object behind a stored name, for streaming it without a local copy."""
        return self.bucket.Object(self._normalize_name(clean_name(name)))
