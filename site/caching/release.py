"""The release: what the code that renders a page is made of (the project's code, templates,
catalogues and static files, and the versions of Django and Wagtail).

Part of every key of the page cache and of the chrome's shared cache, so that what an earlier
release kept is never served by this one (a deploy changes what a page says, the settings a
language falls back to, or what the API refuses). Generations and versions stay shared: a renewal
by any release (during a rolling deploy, say a withdrawal) reaches the entries of all of them.
"""

import functools
import hashlib
from pathlib import Path

from django.conf import settings

RELEASE_FOLDERS = ("site", "stories", "longread", "templates")
RELEASE_SUFFIXES = {".py", ".html", ".txt", ".po", ".js", ".css", ".svg"}


@functools.cache
def release() -> str:
    import django
    import wagtail

    digest = hashlib.sha256(f"{django.get_version()}|{wagtail.__version__}".encode())
    base = Path(settings.BASE_DIR)
    for folder in RELEASE_FOLDERS:
        for path in sorted((base / folder).rglob("*")):
            if path.suffix in RELEASE_SUFFIXES and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(base)).encode() + b"\0")
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
