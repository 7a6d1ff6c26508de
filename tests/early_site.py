"""The served site's build started early, by the process that starts the parallel workers.

A parallel run begins with one worker seeding the suite's database while the other waits for
it (tests/seeded_database.py), and the browser tests then wait for their own site's build
(migrate, seed, collect static files; tests/browser/conftest.py). Both are minutes of one core.
Here the process that starts the workers builds that site as soon as the workers have collected
the browser tests, on the core that would otherwise wait; the browser fixture's `build()` then
copies what this build left in the run's template folder (scripts/served_site.py,
TEMPLATE_VARIABLE), or waits for it under the folder's lock.

A failed build here changes nothing: the fixture builds again and reports the error. The
PostgreSQL run serves no such site (tests/conftest.py), so nothing is built there.
"""

import shutil
import tempfile
import threading
from pathlib import Path

from scripts.served_site import TEMPLATE_VARIABLE, SiteError, build, site_environment
from tests.skip_rule import suite_on_postgres

_builder: threading.Thread | None = None


def start(collected_ids) -> None:
    """In the process that starts the workers, once a worker has collected `collected_ids`."""
    global _builder
    import os

    if _builder is not None or suite_on_postgres() or not os.environ.get(TEMPLATE_VARIABLE):
        return
    if not any(test_id.startswith("tests/browser/") for test_id in collected_ids):
        return
    _builder = threading.Thread(target=_build, name="early-site", daemon=True)
    _builder.start()


def _build() -> None:
    root = Path(tempfile.mkdtemp(prefix="early-site-"))
    try:
        build(site_environment(root))  # the browser fixture's configuration, less per-site values
    except SiteError:
        pass  # the browser fixture builds again and says what went wrong
    finally:
        shutil.rmtree(root, ignore_errors=True)


def finish() -> None:
    """At the end of the run: let a build still going end, so it leaves no half-made folder."""
    if _builder is not None:
        _builder.join(timeout=600)
