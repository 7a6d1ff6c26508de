"""The task queue: django-tasks on its database backend, run by `manage.py db_worker`.

Publishing, e-mail and translators' notices only enqueue; the worker does the slow parts
(partners' endpoints, image encoding, the mail server). `make run` starts the worker next to
gunicorn and it stops with gunicorn (site/gunicorn.conf.py).
"""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail
from django_tasks_db.models import DBTaskResult

from scripts.served_site import REPO, build, free_port, site_environment
from sitewide.api.models import PartnerWebhook, WebhookDelivery
from stories.models import TestimonyPage
from tests.helpers import FIRST_PSEUDONYM
from tests.skip_rule import OWN_SQLITE_SITE

pytestmark = pytest.mark.django_db


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def queued(name: str) -> int:
    return DBTaskResult.objects.ready().filter(task_path__endswith=name).count()


def test_the_default_backend_is_the_database_queue():
    assert settings.TASKS["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert "django_tasks_db" in settings.INSTALLED_APPS


def test_publishing_never_waits_for_dead_partners(django_capture_on_commit_callbacks, task_worker):
    for number in range(3):
        PartnerWebhook.objects.create(
            name=f"Dead {number}", url=f"http://127.0.0.1:{closed_port()}/hook"
        )
    page = TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        page.teaser = "Published without waiting."
        page.save_revision().publish()
    # The request made no attempt: three deliveries wait for the worker.
    deliveries = WebhookDelivery.objects.all()
    assert [d.attempts for d in deliveries] == [0, 0, 0]
    assert queued("deliver_due_webhooks") == 1
    assert queued("prepare_renditions") == 1
    task_worker()
    assert [d.attempts for d in deliveries.all()] == [1, 1, 1]
    assert {d.status for d in deliveries.all()} == {WebhookDelivery.PENDING}  # retried later
    assert queued("deliver_due_webhooks") == 0


def test_email_leaves_through_the_worker(settings, task_worker):
    settings.EMAIL_BACKEND = "sitewide.operations.mail.QueuedEmailBackend"
    settings.QUEUED_EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    from django.core.mail import EmailMultiAlternatives

    message = EmailMultiAlternatives(
        "Wachtwoord opnieuw instellen", "Tekst", "site@example.org", ["staff@example.org"]
    )
    message.attach_alternative("<p>Tekst</p>", "text/html")
    message.attach("note.txt", "bijlage", "text/plain")
    assert message.send() == 1
    assert mail.outbox == []  # the request only queued it
    assert queued("send_queued_email") == 1
    task_worker()
    [sent] = mail.outbox
    assert sent.subject == "Wachtwoord opnieuw instellen"
    assert sent.to == ["staff@example.org"] and sent.from_email == "site@example.org"
    assert sent.alternatives[0][0] == "<p>Tekst</p>"
    assert sent.attachments[0][:2] == ("note.txt", "bijlage")
    # Sent: the queue keeps no copy of it (reset links, addresses).
    assert not DBTaskResult.objects.filter(task_path__endswith="send_queued_email").exists()


def test_translators_notices_are_a_task(django_capture_on_commit_callbacks):
    page = TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="nl")
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert queued("notify_translators_task") == 1


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _alive(pid: int) -> bool:
    status = Path(f"/proc/{pid}/status")
    try:
        return "State:\tZ" not in status.read_text()
    except OSError:
        return False


def _wait(predicate, seconds=30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.1)
    return predicate()


@pytest.fixture(scope="module")
def queue_database(tmp_path_factory):
    root = tmp_path_factory.mktemp("queue-site")
    env = site_environment(root)
    env.update(TASK_WORKER="embedded", LOG_LEVEL="INFO")
    build(env)  # as `make run` leaves it (a copy of the run's first build: served_site)
    return root, env


def _start_gunicorn(root, env):
    log = (root / "gunicorn.log").open("w")
    return subprocess.Popen(  # noqa: S603 - this project's own command
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "sitewide.wsgi",
            "--config",
            "site/gunicorn.conf.py",
            "--bind",
            f"127.0.0.1:{free_port()}",
            "--workers",
            "1",
            "--control-socket",
            str(root / "gunicorn.ctl"),
        ],
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
    )


def _task_worker_of(arbiter) -> int | None:
    for pid in _children(arbiter.pid):
        if "db_worker" in _cmdline(pid):
            return pid
    return None


@OWN_SQLITE_SITE
@pytest.mark.parametrize("stop", ["terminate", "kill"])
def test_gunicorn_starts_the_worker_and_it_stops_with_gunicorn(queue_database, stop):
    root, env = queue_database
    arbiter = _start_gunicorn(root, env)
    try:
        worker = _wait(lambda: _task_worker_of(arbiter))
        assert worker, (root / "gunicorn.log").read_text()
        time.sleep(1)
        assert _alive(worker), (root / "gunicorn.log").read_text()  # working, not crashed
        if stop == "terminate":
            arbiter.terminate()  # a graceful stop: gunicorn stops the worker
        else:
            os.kill(arbiter.pid, signal.SIGKILL)  # no goodbye: the kernel tells the worker
        arbiter.wait(timeout=30)
        assert _wait(lambda: not _alive(worker)), "the task worker outlived gunicorn"
    finally:
        if arbiter.poll() is None:
            arbiter.kill()
            arbiter.wait()
