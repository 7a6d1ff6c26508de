"""`check --deploy` refuses the test-only loopback exception for webhooks in a real start-up."""

import os
import secrets
import subprocess
import sys

from scripts.served_site import REPO


def deploy_check(**extra) -> subprocess.CompletedProcess:
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE",)},
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "example.org",
        "DJANGO_SETTINGS_MODULE": "sitewide.settings",
        **extra,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_check_deploy_refuses_loopback_webhooks():
    refused = deploy_check(WEBHOOKS_ALLOW_LOOPBACK="1")
    assert refused.returncode != 0
    assert "sitewide.api.webhook_urls.E001" in refused.stdout + refused.stderr
    allowed = deploy_check()
    assert "sitewide.api.webhook_urls.E001" not in allowed.stdout + allowed.stderr
