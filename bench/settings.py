"""The bench's settings: the production settings with the bench's reference page type
(bench.reference), which production never installs. The bench's served site, its gunicorn and
its in-process Django all run on these (DJANGO_SETTINGS_MODULE in bench.run.BENCH_VARIABLES)."""

from sitewide.settings import *  # noqa: F403
from sitewide.settings import INSTALLED_APPS as _SITE_APPS

INSTALLED_APPS = [*_SITE_APPS, "bench.reference"]
