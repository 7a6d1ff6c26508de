"""Throwaway servers for tests: started on a free loopback port, waited for, stopped. Used by the
scale-out tests (moto's S3 and Redis) and the reach tests (Redis)."""

import contextlib
import shutil
import subprocess  # noqa: S404 - starts moto and redis-server
import time
from pathlib import Path

from scripts.served_site import free_port
from tests.skip_rule import missing_tool

START_TIMEOUT = 120  # seconds (a parallel run shares the cores)


def wait_until(ready, process, what, log: Path):
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited:\n{log.read_text(errors='replace')}")
        if ready():
            return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not start in {START_TIMEOUT}s:\n{log.read_text()}")


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@contextlib.contextmanager
def redis_server(folder: Path):
    """A real redis-server (Debian's) on a free loopback port, persisting nothing: its URL."""
    binary = shutil.which("redis-server")
    if binary is None:
        missing_tool("redis-server", "`make pytest` installs it (Debian's redis-server).")
    import redis

    port = free_port()
    log = folder / "redis.log"
    with log.open("w") as out:
        process = subprocess.Popen(  # noqa: S603 - fixed command
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly"]
            + ["no", "--dir", str(folder)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"redis://127.0.0.1:{port}/0"

    def answers():
        try:
            return redis.Redis.from_url(url, socket_timeout=1).ping()
        except redis.RedisError:
            return False

    try:
        wait_until(answers, process, "redis-server", log)
        yield url
    finally:
        stop(process)
