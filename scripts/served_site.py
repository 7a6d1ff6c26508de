"""The one harness for a throwaway served site: the seeded demo site on a database of its own,
its environment, gunicorn on a free loopback port, and teardown.

Used by the load test (scripts/load_test.py), the bench (bench/run.py), the browser tests
(tests/browser/conftest.py) and the serving tests (tests/serving/test_faults.py,
tests/serving/test_scale_out.py); what differs between them is a parameter: the database URL
and extra variables (`site_environment`), the workers, gunicorn's configuration, the port, the
address that tells the server is up and how long to wait (`Server`).

The site gets none of the caller's configuration variables (`PROJECT_VARIABLES`, the one list):
a DATABASE_URL or REDIS_URL in the environment must never receive demo content. With a
PostgreSQL DATABASE_URL, a throwaway database is created next to the named one (the role needs
CREATEDB) and dropped afterwards; otherwise the site runs on a SQLite file in its own folder.
"""

import fcntl
import hashlib
import os
import secrets
import shutil
import socket
import sqlite3
import string
import subprocess  # noqa: S404 - runs this project's own commands
import sys
import time
import urllib.error
import urllib.request
from contextlib import closing, contextmanager
from pathlib import Path
from urllib.parse import urlsplit

from sitewide.environment import VARIABLES

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent  # the virtualenv's bin/, not the resolved interpreter
# gunicorn's production settings (`make run`): preload, the task worker beside gunicorn when
# TASK_WORKER=embedded, an access log without addresses.
GUNICORN_CONFIG = REPO / "site" / "gunicorn.conf.py"

# The project's configuration variables (the one schema, sitewide.environment), plus what would
# redirect Django or gunicorn: dropped from the caller's environment before a served site gets
# its own. The one list of every harness (load test, bench, browser and serving tests).
PROJECT_VARIABLES = set(VARIABLES) | {"DJANGO_SETTINGS_MODULE", "GUNICORN_CMD_ARGS", "PORT"}
COMMAND_TIMEOUT = 600  # seconds, per manage.py command
START_TIMEOUT = 120  # seconds for gunicorn to answer (a parallel run shares the cores)


class SiteError(RuntimeError):
    """A step of building or serving the site failed; the message carries its output."""


def is_postgres(url: str | None) -> bool:
    return bool(url) and urlsplit(url).scheme in {"postgres", "postgresql", "pgsql"}


def site_environment(
    root: Path, database_url: str | None = None, extra: dict[str, str] | None = None
) -> dict[str, str]:
    """Production settings on the loopback: DEBUG off, a random SECRET_KEY, state under root;
    `extra` variables last (a caller's own settings, or overrides of these)."""
    alphabet = string.ascii_letters + string.digits + "!#%&()*+-=^_"
    env = {name: value for name, value in os.environ.items() if name not in PROJECT_VARIABLES}
    env.update(
        SECRET_KEY="".join(secrets.choice(alphabet) for _ in range(50)),
        SITE_HTTPS="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        VAR_DIR=str(root / "var"),
        MEDIA_ROOT=str(root / "media"),
        STATIC_ROOT=str(root / "static"),
        DJANGO_SETTINGS_MODULE="sitewide.settings",
        LOG_LEVEL="WARNING",
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    env.update(extra or {})
    return env


def sqlite_path(env: dict[str, str]) -> Path:
    """The SQLite file of a site without DATABASE_URL (the embedded default's name)."""
    return Path(env["VAR_DIR"]) / "db.sqlite3"


def _start(command: list[str], env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603 - fixed commands of this project
        command,
        cwd=REPO,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def _finish(process: subprocess.Popen, command: list[str]) -> str:
    try:
        output, _ = process.communicate(timeout=COMMAND_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        output, _ = process.communicate()
    if process.returncode != 0:
        raise SiteError(f"`{' '.join(command)}` failed ({process.returncode}):\n{output[-4000:]}")
    return output


def manage(env: dict[str, str], *args: str) -> str:
    command = [sys.executable, "manage.py", *args]
    return _finish(_start(command, env), command)


# A run that builds many SQLite sites (the test suite) names a folder here. The first build
# keeps a copy of what it made (database, media, static files) in it; later builds with the same
# configuration copy that instead of running the same commands again. Processes of one run (the
# suite's parallel workers, the load test it starts) share the folder and take turns with a lock.
TEMPLATE_VARIABLE = "SERVED_SITE_TEMPLATE"
# Variables that differ between sites of one run without changing what a build makes.
PER_SITE_VARIABLES = {
    "SECRET_KEY",
    "VAR_DIR",
    "MEDIA_ROOT",
    "STATIC_ROOT",
    "CACHE_DIR",
    "PORT",
    "GUNICORN_CMD_ARGS",
    "ADMIN_PASSWORD",
    "LOG_LEVEL",
    "TASK_WORKER",
    # Read while serving only: they do not change what a build makes.
    "PAGE_CACHE",
    "PAGE_CACHE_SECONDS",
    "PAGE_CACHE_BYPASS_TOKEN",
    "REACH_FLUSH_SECONDS",
    "FRONTEND_CACHE_PURGE_URL",
    "CLOUDFLARE_BEARER_TOKEN",
    "CLOUDFLARE_ZONE_ID",
    "DEEPL_API_KEY",
    "DEEPL_FREE_API",
    "LIBRETRANSLATE_API_KEY",
    "LIBRETRANSLATE_URL",
    "VIDEO_HOSTS",
}


def build(env: dict[str, str]) -> None:
    """Migrate, seed the demo content, work off the task queue and collect static files, as
    `make run` does (or copy what an earlier build of this run made: TEMPLATE_VARIABLE)."""
    folder = os.environ.get(TEMPLATE_VARIABLE)
    if not folder or env.get("DATABASE_URL") or env.get("MEDIA_S3_BUCKET"):
        _build(env)
        return
    shaping = sorted(
        (name, value)
        for name, value in env.items()
        if name in PROJECT_VARIABLES - PER_SITE_VARIABLES or name.startswith("SITE_")
    )
    template = Path(folder) / hashlib.sha256(repr(shaping).encode()).hexdigest()[:16]
    template.mkdir(parents=True, exist_ok=True)
    with (template / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not (template / "complete").exists():
            _build(env)
            _copy_site(env, _paths(template))
            (template / "complete").touch()
            return
    _copy_site(_paths(template), env)


def _paths(root: Path) -> dict[str, str]:
    return {
        "VAR_DIR": str(root / "var"),
        "MEDIA_ROOT": str(root / "media"),
        "STATIC_ROOT": str(root / "static"),
    }


def _copy_site(source: dict[str, str], target: dict[str, str]) -> None:
    """The database (with SQLite's backup, consistent even with a WAL beside it), media and
    static files from one site's folders to another's."""
    target_db = sqlite_path(target)
    target_db.parent.mkdir(parents=True, exist_ok=True)
    with (
        closing(sqlite3.connect(sqlite_path(source))) as reading,
        closing(sqlite3.connect(target_db)) as writing,
    ):
        reading.backup(writing)
    for name in ("MEDIA_ROOT", "STATIC_ROOT"):
        if Path(source[name]).exists():
            shutil.copytree(source[name], target[name], dirs_exist_ok=True)


def _build(env: dict[str, str]) -> None:
    collectstatic = [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"]
    collecting = _start(collectstatic, env)  # needs no database: runs alongside
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "seed_demo")
        # The tasks publishing queued (renditions), run as `make run`'s worker runs them.
        manage(env, "db_worker", "--batch", "--no-reload", "--no-startup-delay")
        _finish(collecting, collectstatic)
    finally:
        if collecting.poll() is None:
            collecting.kill()
            collecting.communicate()


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn serving the site on a loopback port (a free one unless given); its output goes to
    `log`, its control socket lives beside it (gunicorn 27's default is one shared by every
    gunicorn of the user).

    `config`: a gunicorn configuration file (GUNICORN_CONFIG: as `make run` serves); none by
    default. `start(probe)` waits until `probe` answers over HTTP (any status), or, with
    `probe=None`, until the port accepts connections (with preload_app the application has loaded
    by then), for at most `start_timeout` seconds.
    """

    def __init__(
        self,
        env: dict[str, str],
        root: Path,
        workers: int = 2,
        name: str = "gunicorn",
        *,
        port: int | None = None,
        config: Path | None = None,
        start_timeout: float = START_TIMEOUT,
    ):
        self.env = env
        self.root = root
        self.workers = workers
        self.config = config
        self.start_timeout = start_timeout
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = root / f"{name}.log"
        self.control_socket = root / f"{name}.ctl"
        self.process: subprocess.Popen | None = None

    def command(self) -> list[str]:
        return [
            str(BIN / "gunicorn"),
            "sitewide.wsgi",
            *(["--config", str(self.config)] if self.config else []),
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--control-socket",
            str(self.control_socket),
        ]

    def start(self, probe: str | None = "/robots.txt") -> "Server":
        with self.log.open("w") as log:
            self.process = subprocess.Popen(  # noqa: S603 - fixed command
                self.command(),
                cwd=REPO,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        try:
            self._wait_until_answering(probe)
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_until_answering(self, probe: str | None) -> None:
        url = self.url + (probe or "")
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise SiteError(f"gunicorn exited ({self.process.returncode}):\n{self.log_text()}")
            try:
                if probe is None:
                    with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                        return
                with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our loopback URL
                    return
            except urllib.error.HTTPError:
                return  # it answers; what it answers is for the caller to judge
            except OSError:
                time.sleep(0.1)
        raise SiteError(
            f"gunicorn did not answer {url} in {self.start_timeout}s:\n{self.log_text()}"
        )

    def worker_pids(self) -> set[int]:
        """The arbiter's worker processes (Linux): the same set means no worker was restarted."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        try:
            return {int(pid) for pid in children.read_text().split()}
        except OSError:
            return set()

    def log_text(self) -> str:
        try:
            return self.log.read_text(errors="replace")
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def __enter__(self) -> "Server":
        if self.process is not None and self.process.poll() is None:
            return self  # started already: `with Server(...).start(probe) as server:`
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _connection_settings(url: str) -> dict:
    import dj_database_url

    config = dj_database_url.parse(url)
    return {
        "host": config.get("HOST") or None,
        "port": config.get("PORT") or None,
        "user": config.get("USER") or None,
        "password": config.get("PASSWORD") or None,
        "dbname": config.get("NAME"),
    }


@contextmanager
def postgres_admin(url: str):
    """An autocommit connection to the server of `url` (its own database, else `postgres`)."""
    import psycopg

    settings = _connection_settings(url)
    try:
        connection = psycopg.connect(**settings, autocommit=True, connect_timeout=10)
    except psycopg.OperationalError:
        connection = psycopg.connect(
            **{**settings, "dbname": "postgres"}, autocommit=True, connect_timeout=10
        )
    try:
        yield connection
    finally:
        connection.close()


@contextmanager
def throwaway_postgres(url: str, label: str):
    """A new, empty database on the server of `url`; yields its URL and drops it afterwards."""
    from psycopg import sql

    base = _connection_settings(url)["dbname"] or "longread"
    name = f"{base}_{label}_{secrets.token_hex(4)}".lower()[-63:]
    parts = urlsplit(url)
    new_url = parts._replace(path="/" + name).geturl()
    with postgres_admin(url) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield new_url
    finally:
        with postgres_admin(url) as admin:
            admin.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
