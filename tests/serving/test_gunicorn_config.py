"""gunicorn loads the application once, in the master, and freezes what it loaded before the
workers fork (site/gunicorn.conf.py), so no request pays for a full garbage collection."""

import gc
import runpy
from pathlib import Path

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
