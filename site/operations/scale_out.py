"""What a web machine keeps on its own disk, and a deployment check for running several.

Any number of gunicorn machines can serve the site behind a load balancer once the three kinds
of shared state live off the machine: the database (DATABASE_URL, PostgreSQL), the cache
(REDIS_URL) and the media files (MEDIA_S3_BUCKET). Sessions, sign-in lockouts, the task queue of
a database backend and the search index are in the database; logs go to the console. Setting two
of the three says "several machines"; `check --deploy` then names the one still kept locally, as
each machine would otherwise show its own uploads or its own stale cache; likewise a
SECRET_KEY read from the machine's var/secret_key instead of the environment.
"""

from django.conf import settings
from django.core import checks
from django.core.cache.backends.filebased import FileBasedCache
from django.core.cache.backends.locmem import LocMemCache
from django.utils.module_loading import import_string

from sitewide.environment import env

LOCAL_MEDIA = "sitewide.W101"
LOCAL_CACHE = "sitewide.W102"
LOCAL_DATABASE = "sitewide.W103"
KEY_FROM_DISK = "sitewide.W104"


def shared_state() -> dict[str, bool]:
    """Which of the three kinds of state this configuration keeps off the machine."""
    storage = settings.STORAGES["default"]["BACKEND"]
    cache = settings.CACHES["default"]["BACKEND"]
    database = settings.DATABASES["default"]["ENGINE"]
    return {
        "database": database.endswith("postgresql"),
        "cache": not issubclass(import_string(cache), (FileBasedCache, LocMemCache)),
        "media": not storage.endswith("FileSystemStorage"),
    }


@checks.register(checks.Tags.compatibility, deploy=True)
def check_nothing_local_when_scaled_out(app_configs=None, **kwargs):
    shared = shared_state()
    if sum(shared.values()) < 2:
        return []  # one machine: local state is fine
    problems = []
    if not shared["media"]:
        problems.append(
            checks.Warning(
                f"Media files are kept on this machine's disk ({settings.MEDIA_ROOT}) while the "
                "database and cache are shared: other web machines will not have its uploads "
                "and renditions.",
                hint="Set MEDIA_S3_BUCKET (docs/deployment.md, Production topology).",
                id=LOCAL_MEDIA,
            )
        )
    if not shared["cache"]:
        problems.append(
            checks.Warning(
                "The cache is kept on this machine's disk while the database and media are "
                "shared: after an edit, the other web machines keep serving what they cached.",
                hint="Set REDIS_URL (docs/deployment.md, Production topology).",
                id=LOCAL_CACHE,
            )
        )
    if not shared["database"]:
        name = settings.DATABASES["default"].get("NAME", "")
        problems.append(
            checks.Warning(
                f"The database is a SQLite file on this machine ({name}) "
                "while the cache and media are shared: other web machines cannot reach it.",
                hint="Set DATABASE_URL to PostgreSQL (docs/deployment.md, Production topology).",
                id=LOCAL_DATABASE,
            )
        )
    if not env("SECRET_KEY"):
        problems.append(
            checks.Warning(
                "SECRET_KEY comes from this machine's var/secret_key: each web machine would "
                "sign sessions, CSRF tokens and preview links with a key of its own.",
                hint="Give every machine the same SECRET_KEY in its environment.",
                id=KEY_FROM_DISK,
            )
        )
    return problems
