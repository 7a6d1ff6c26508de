"""Test settings: the project's own settings, with throwaway local state."""

import os
import tempfile

_state = tempfile.mkdtemp(prefix="longread-test-")
# Each process of a parallel run (pytest-xdist) gets its own local state: the SQLite file, the
# file cache, media and static files. Workers inherit the environment of the process that
# started them, so folders that process chose here (named in LONGREAD_TEST_STATE) are chosen
# anew; folders a developer set stay as set.
_inherited = os.environ.get("LONGREAD_TEST_STATE")
for _name, _folder in (("VAR_DIR", "var"), ("MEDIA_ROOT", "media"), ("STATIC_ROOT", "static")):
    if _name not in os.environ or (
        _inherited and os.environ[_name] == os.path.join(_inherited, _folder)
    ):
        os.environ[_name] = os.path.join(_state, _folder)
os.environ["LONGREAD_TEST_STATE"] = _state
# Made once per run and shared by its parallel workers (they inherit these from the process that
# starts them): the seeded test database (tests/seeded_database.py) and the served sites
# (scripts/served_site.py).
os.environ.setdefault("TEST_DATABASE_TEMPLATE", os.path.join(_state, "test-database"))
os.environ.setdefault("SERVED_SITE_TEMPLATE", os.path.join(_state, "served-sites"))
os.environ.setdefault("SECRET_KEY", "test-only-" + "k" * 50)
# The test client speaks plain http; HTTPS settings are tested through `check --deploy`.
os.environ.setdefault("SITE_HTTPS", "0")
os.environ.setdefault("EMAIL_URL", "memory://")

from sitewide.settings import *  # noqa: E402,F403

# Hashing passwords slowly protects real accounts; tests need speed, not protection.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The webhook tests' receivers listen on the loopback over plain http (refused in production by
# `check --deploy`); tests of the address rule switch it off.
WEBHOOKS_ALLOW_LOOPBACK = True

# Reach figures stay in memory until a test writes them (stories.reach.counting.flush).
REACH_FLUSH_SECONDS = 0

# The suite's staff accounts work in the admin in English unless a test has the account choose
# Dutch (tests.helpers.choose_admin_language). The production default, Dutch whatever the browser
# says, is tested in tests/staff/test_admin_language.py and by the Dutch browser journeys, whose
# served site runs the production settings.
ADMIN_DEFAULT_LANGUAGE = "en"

# The bench's reference page type (bench/settings.py installs it for `make bench`), so that
# tests/serving/test_bench.py can build, serve and measure it. Production never installs it; a
# copy of the test database (with its migration) is restored under bench/settings.py, the
# production settings plus this app (tests/consent/test_backup.py).
INSTALLED_APPS = [*INSTALLED_APPS, "bench.reference"]  # noqa: F405
