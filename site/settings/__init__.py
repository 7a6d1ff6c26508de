"""Settings, read from the environment through one schema (`sitewide.environment`).

The embedded default (no variables set) is what `make run` serves: SQLite in WAL mode, media under
media/, static files by whitenoise, Wagtail's database search backend, a file-based cache that all
processes share, and background tasks run in-process. Every variable is listed in
`sitewide.environment` and docs/configuration.md.

One module per concern, gathered here; a module that needs another's value imports it by name:

- `base`: the checkout, local state, DEBUG and the key; apps, middleware, templates, Wagtail.
- `security`: hosts, HTTPS, sign-in, Content-Security-Policy and the other security headers.
- `database`: DATABASE_URL or the SQLite file of the embedded default.
- `caching`: the shared cache, the page cache and a CDN in front.
- `storage`: static and media files (MEDIA_ROOT or a private bucket) and upload limits.
- `mail`: e-mail, sent through the task queue.
- `tasks`: the task queue and reach figures.
- `api`: the content API, its CORS (django-cors-headers) and webhooks.
- `translation`: languages, the admin's language, dates, machine translation.
- `logging`: logs without addresses.
"""

from sitewide.settings.api import *  # noqa: F403
from sitewide.settings.base import *  # noqa: F403
from sitewide.settings.caching import *  # noqa: F403
from sitewide.settings.database import *  # noqa: F403
from sitewide.settings.logging import *  # noqa: F403
from sitewide.settings.mail import *  # noqa: F403
from sitewide.settings.security import *  # noqa: F403
from sitewide.settings.storage import *  # noqa: F403
from sitewide.settings.tasks import *  # noqa: F403
from sitewide.settings.translation import *  # noqa: F403
