"""The design card's layout, the `site` name clash, and the layering of the apps."""

import ast
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_design_card_layout_exists():
    for name in ("site", "stories", "longread", "media", "templates", "tests"):
        assert (ROOT / name).is_dir(), name
    for name in ("manage.py", "pyproject.toml", "README.md", "Makefile", "ARCHITECTURE.md"):
        assert (ROOT / name).is_file(), name
    assert (ROOT / ".ci" / "run").is_file()


def test_import_site_is_the_standard_library_and_sitewide_is_the_folder():
    code = (
        "import site, sitewide;"
        "print(site.__file__); print(sitewide.__file__);"
        "print(callable(site.getsitepackages))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd="/"
    ).stdout.split()
    stdlib = Path(sysconfig.get_paths()["stdlib"]).resolve()
    assert Path(out[0]).resolve().parent == stdlib
    assert Path(out[1]).resolve() == ROOT / "site" / "__init__.py"
    assert out[2] == "True"


def test_media_folder_holds_no_committed_uploads():
    tracked = subprocess.run(
        ["git", "ls-files", "media"], capture_output=True, text=True, cwd=ROOT
    ).stdout.split()
    assert set(tracked) <= {"media/.gitkeep", "media/README.md"}


# Layers, bottom up: longread < stories < sitewide. No import runs back up.
FORBIDDEN = {
    "longread": {"stories", "sitewide"},
    "stories": {"sitewide"},
}


def imported_top_level_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_import_runs_up_the_layers(package):
    offenders = []
    for path in (ROOT / package).rglob("*.py"):
        bad = imported_top_level_modules(path) & FORBIDDEN[package]
        if bad:
            offenders.append(f"{path.relative_to(ROOT)} imports {sorted(bad)}")
    assert not offenders


def test_templates_of_lower_layers_use_no_upper_layer_tags():
    for path in (ROOT / "longread" / "templates").rglob("*.html"):
        assert "sitewide_tags" not in path.read_text(), path


def test_make_stops_with_a_clear_message_for_a_missing_or_wrong_python(tmp_path):
    old = tmp_path / "python3.9"
    old.write_text("#!/bin/sh\n[ \"$1\" = --version ] && echo 'Python 3.9.2' && exit 0\nexit 1\n")
    old.chmod(0o755)
    wrong = subprocess.run(
        ["make", "-s", "check-python", f"PYTHON={old}"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert wrong.returncode != 0
    assert "needs Python 3.11" in wrong.stdout and "Python 3.9.2" in wrong.stdout
    missing = subprocess.run(
        ["make", "-s", "check-python", "PYTHON=/nonexistent/python3.11"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert missing.returncode != 0
    assert "needs Python 3.11" in missing.stdout + missing.stderr
    ok = subprocess.run(
        ["make", "-s", "check-python", f"PYTHON={sys.executable}"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
