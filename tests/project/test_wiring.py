"""Each concern folder wires itself: the apps find every concern's `wiring.py` and
`wagtail_hooks.py` by walking their packages (longread/concerns.py), so none is left out."""

import sys
from pathlib import Path

import pytest
from wagtail import hooks

from longread.concerns import concern_packages, import_concern_modules

ROOT = Path(__file__).resolve().parents[2]
APPS = {"sitewide": ROOT / "site", "stories": ROOT / "stories"}


def concern_files(app: str, name: str) -> set[str]:
    folder = APPS[app]
    return {
        f"{app}.{path.parent.name}.{path.stem}"
        for path in folder.glob(f"*/{name}")
        if (path.parent / "__init__.py").exists()
    }


@pytest.mark.parametrize("app", sorted(APPS))
def test_every_concern_wiring_is_found_and_has_ready(app):
    found = import_concern_modules(app, "wiring")
    assert {module.__name__ for module in found} == concern_files(app, "wiring.py")
    assert found, "the walk finds the concerns it is meant to find"
    assert all(callable(getattr(module, "ready", None)) for module in found)


@pytest.mark.parametrize("app", sorted(APPS))
def test_every_concern_hooks_module_is_loaded_with_the_apps_hooks(app):
    hooks.search_for_hooks()
    expected = concern_files(app, "wagtail_hooks.py")
    assert expected
    assert expected <= set(sys.modules)


def test_concerns_are_walked_in_name_order():
    names = concern_packages("sitewide")
    assert names == sorted(names)
    assert {"sitewide.api", "sitewide.staff", "sitewide.translation"} <= set(names)
