"""gunicorn loads the application once, in the master, and freezes what it loaded before the
workers fork (site/gunicorn.conf.py), so no request pays for a full garbage collection; and it
lets long searches through to the site."""

import gc
import runpy
from pathlib import Path

import pytest

CONFIG = Path(__file__).resolve().parents[2] / "site" / "gunicorn.conf.py"


def test_the_application_is_loaded_before_the_workers_fork():
    config = runpy.run_path(str(CONFIG))
    assert config["preload_app"] is True


def test_what_was_loaded_is_frozen_out_of_the_collectors_reach():
    config = runpy.run_path(str(CONFIG))
    gc.unfreeze()
    try:
        assert gc.get_freeze_count() == 0
        config["when_ready"](None)
        assert gc.get_freeze_count() > 10_000  # Django, Wagtail and the site's modules
    finally:
        gc.unfreeze()


def test_a_search_of_ten_thousand_characters_reaches_the_site():
    """gunicorn's own parser, with the configured limit, reads the request line whole (its
    default answers 414 past 4,094 bytes); the site's answers to it are tested in
    tests/reader/test_search_input.py."""
    from gunicorn.config import Config
    from gunicorn.http.errors import LimitRequestLine
    from gunicorn.http.message import Request
    from gunicorn.http.unreader import IterUnreader

    query = "search=" + "x" * 10_000
    raw = f"GET /api/v2/pages/?{query} HTTP/1.1\r\nHost: example.org\r\n\r\n".encode()
    config = Config()
    config.set("limit_request_line", runpy.run_path(str(CONFIG))["limit_request_line"])
    request = Request(config, IterUnreader([raw]), ("127.0.0.1", 1), 1)
    assert request.path == "/api/v2/pages/" and request.query == query
    default = Config()
    with pytest.raises(LimitRequestLine):
        Request(default, IterUnreader([raw]), ("127.0.0.1", 1), 1)
