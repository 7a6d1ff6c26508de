"""Test settings: the project's own settings, with throwaway local state."""

import os
import tempfile

_state = tempfile.mkdtemp(prefix="longread-test-")
os.environ.setdefault("SECRET_KEY", "test-only-" + "k" * 50)
os.environ.setdefault("VAR_DIR", os.path.join(_state, "var"))
os.environ.setdefault("MEDIA_ROOT", os.path.join(_state, "media"))
os.environ.setdefault("STATIC_ROOT", os.path.join(_state, "static"))
# The test client speaks plain http; HTTPS settings are tested through `check --deploy`.
os.environ.setdefault("SITE_HTTPS", "0")
os.environ.setdefault("EMAIL_URL", "memory://")

from sitewide.settings import *  # noqa: E402,F403

# Hashing passwords slowly protects real accounts; tests need speed, not protection.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# The webhook tests' receivers listen on the loopback over plain http (refused in production by
# `check --deploy`); tests of the address rule switch it off.
WEBHOOKS_ALLOW_LOOPBACK = True
