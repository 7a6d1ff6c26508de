"""The documents stay true to the code: the README stays short, ARCHITECTURE.md and
docs/upgrading.md name only modules and tests that exist, links between documents resolve, and
every environment variable the code reads is listed in docs/configuration.md.
"""

import ast
import importlib
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.template import TemplateDoesNotExist
from django.template.loader import get_template

ROOT = Path(__file__).resolve().parents[2]
APPS = ("site", "stories", "longread")
# Folders a path in a document may start with; `sitewide/` is the package name of `site/`.
TOP_FOLDERS = {"site", "sitewide", "stories", "longread", "tests", "templates", "docs"}
TOP_FOLDERS |= {"scripts", "bench"}
# Documents only this layout's maintainers edit; their links are checked with their anchors.
LINKED_DOCUMENTS = ("README.md", "ARCHITECTURE.md", "docs/configuration.md")
LINKED_DOCUMENTS += ("docs/deployment.md", "docs/testing.md", "docs/upgrading.md")
MAPS = ("ARCHITECTURE.md", "docs/upgrading.md")
README_LIMIT = 10 * 1024


def test_readme_is_short_and_names_the_two_commands():
    readme = (ROOT / "README.md").read_text()
    assert len(readme.encode()) <= README_LIMIT, "README.md over 10 KB: move the detail to docs/"
    assert "make run" in readme
    assert "make test" in readme


def test_readme_has_no_dated_bench_table():
    readme = (ROOT / "README.md").read_text()
    assert not re.search(r"\b\d+(\.\d+)? ms\b", readme), "figures belong in var/bench, not here"


# --- paths and modules named by the maps ----------------------------------------------------


def code_spans(text: str) -> set[str]:
    return set(re.findall(r"`([^`\n]+)`", text))


def path_names(text: str) -> set[str]:
    names = set()
    for span in code_spans(text):
        if not re.fullmatch(r"[A-Za-z_][\w./-]*", span):
            continue
        first = span.split("/")[0]
        if "/" in span and first in TOP_FOLDERS and not span.endswith(".html"):
            names.add(span)
    return names


def template_names(text: str) -> set[str]:
    return {
        span for span in code_spans(text) if re.fullmatch(r"[\w/]+\.html", span) and "/" in span
    }


def dotted_names(text: str) -> set[str]:
    return {
        span
        for span in code_spans(text)
        if re.fullmatch(r"(sitewide|stories|longread)(\.[A-Za-z_]\w*)+", span)
    }


def bare_module_names(text: str) -> set[str]:
    return {span for span in code_spans(text) if re.fullmatch(r"\w+\.py", span)}


def resolves(dotted: str) -> bool:
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        try:
            for name in parts[cut:]:
                obj = getattr(obj, name)
        except AttributeError:
            break
        return True
    if len(parts) == 2:  # app_label.Model
        try:
            apps.get_model(*parts)
        except LookupError:
            return False
        return True
    return False


@pytest.mark.parametrize("document", MAPS)
def test_every_path_a_map_names_exists(document):
    text = (ROOT / document).read_text()
    names = path_names(text)
    assert len(names) > 10, "the pattern finds the paths it is meant to check"
    missing = []
    for name in sorted(names):
        relative = re.sub(r"^sitewide/", "site/", name).rstrip("/")
        matches = list(ROOT.glob(relative)) if "*" in relative else [ROOT / relative]
        if not any(path.exists() for path in matches):
            missing.append(name)
    assert not missing, f"{document} names paths that do not exist: {missing}"


@pytest.mark.parametrize("document", MAPS)
def test_every_module_a_map_names_imports(document):
    text = (ROOT / document).read_text()
    missing = [name for name in sorted(dotted_names(text)) if not resolves(name)]
    assert not missing, f"{document} names modules or objects that do not exist: {missing}"
    in_apps = {path.name for app in APPS for path in (ROOT / app).rglob("*.py")}
    stray = sorted(bare_module_names(text) - in_apps)
    assert not stray, f"{document} names modules found in no app: {stray}"


@pytest.mark.parametrize("document", MAPS)
def test_every_template_a_map_names_is_found(document):
    missing = []
    for name in sorted(template_names((ROOT / document).read_text())):
        if any(ROOT.glob(name)) or any(ROOT.glob(f"*/{name}")):
            continue
        try:
            get_template(name)
        except TemplateDoesNotExist:
            missing.append(name)
    assert not missing, f"{document} names templates that do not exist: {missing}"


def test_the_rule_table_names_a_test_for_every_rule():
    text = (ROOT / "ARCHITECTURE.md").read_text()
    section = text.split("## Where each rule lives", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) > 20
    for row in rows[1:]:
        assert "`tests/" in row.split("|")[3], f"no test named for: {row}"


# --- links between documents ------------------------------------------------------------------


def slug(heading: str) -> str:
    """GitHub's anchor for a heading."""
    text = re.sub(r"[`*_]", "", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    lines = path.read_text().splitlines()
    return {slug(line.lstrip("#")) for line in lines if re.match(r"#{1,6} ", line)}


@pytest.mark.parametrize("document", LINKED_DOCUMENTS)
def test_links_between_documents_resolve(document):
    source = ROOT / document
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", source.read_text()):
        if re.match(r"[a-z]+:", target):
            continue
        file_part, _, anchor = target.partition("#")
        path = (source.parent / file_part).resolve() if file_part else source
        missing_anchor = anchor and path.suffix == ".md" and anchor not in anchors(path)
        if not path.exists() or missing_anchor:
            broken.append(target)
    assert not broken, f"{document} links to what does not exist: {broken}"


# --- the environment variables ----------------------------------------------------------------

VARIABLE = re.compile(r"[A-Z][A-Z0-9_]*[A-Z0-9]")
ENVIRON_NAMES = {"environ", "env"}


def is_environ(node: ast.AST) -> bool:
    """os.environ, a parameter called environ, or django-environ's env."""
    if isinstance(node, ast.Name):
        return node.id in ENVIRON_NAMES
    return isinstance(node, ast.Attribute) and node.attr == "environ"


def function_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def constant_names(nodes) -> set[str]:
    return {
        node.value
        for node in nodes
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and VARIABLE.fullmatch(node.value)
    }


def variables_read(tree: ast.AST) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = function_name(node)
            if name == "Env":  # django-environ's schema: Env(NAME=(type, default))
                found |= {kw.arg for kw in node.keywords if kw.arg and VARIABLE.fullmatch(kw.arg)}
            elif isinstance(func, ast.Attribute) and is_environ(func.value):
                if name != "setdefault":  # os.environ.setdefault writes, for Django itself
                    found |= constant_names(node.args[:1])  # environ.get, env.bool, env.str...
            elif isinstance(func, ast.Name) and func.id == "env":
                found |= constant_names(node.args[:1])  # django-environ: env("NAME")
            elif name == "getenv" or name.startswith("env_") or name == "_flag":
                found |= constant_names(node.args)  # env_bool("NAME"), _flag(environ, "NAME")
        elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load):
            if is_environ(node.value):
                found |= constant_names([node.slice])
        elif isinstance(node, ast.Compare) and any(is_environ(c) for c in node.comparators):
            found |= constant_names([node.left])  # "NAME" in os.environ
    return found


def project_modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def variables_the_code_reads() -> dict[str, str]:
    where = {}
    for path in project_modules():
        for name in variables_read(ast.parse(path.read_text(), filename=str(path))):
            where.setdefault(name, str(path.relative_to(ROOT)))
    return where


def test_the_scan_finds_variables_read_every_way():
    read = variables_the_code_reads()
    # The schema's env in the settings, in a helper given a mapping (media storage, machine
    # translation), and outside the settings (ensure_admin).
    for name in ("DATABASE_URL", "DEBUG", "MEDIA_S3_REGION", "DEEPL_FREE_API", "ADMIN_PASSWORD"):
        assert name in read, name
    sample = "import environ, os\nenv = environ.Env(A_FLAG=(bool, False))\n"
    sample += "x = env('B_URL'); y = env.bool('C_ON'); z = os.environ['D_KEY']\n"
    sample += "w = 'E_SET' in os.environ; os.environ.setdefault('NOT_READ', '1')\n"
    assert variables_read(ast.parse(sample)) == {"A_FLAG", "B_URL", "C_ON", "D_KEY", "E_SET"}


def documented_variables() -> set[str]:
    """The variables in the table of docs/configuration.md (first column)."""
    text = (ROOT / "docs/configuration.md").read_text()
    table = text.split("## Variables", 1)[1].split("\n## ", 1)[0]
    listed = set()
    for row in table.splitlines():
        if row.startswith("| `"):
            listed |= set(re.findall(r"`([A-Z][A-Z0-9_]*)`", row.split("|")[1]))
    return listed


def test_the_configuration_table_is_the_schema():
    """docs/configuration.md lists every variable of the schema (sitewide.environment), and
    nothing the schema lacks."""
    from sitewide.environment import VARIABLES

    listed = documented_variables()
    assert len(listed) > 30
    missing = sorted(set(VARIABLES) - listed)
    assert not missing, f"add these to the table in docs/configuration.md: {missing}"
    stale = sorted(listed - set(VARIABLES))
    assert not stale, f"docs/configuration.md lists variables the schema lacks: {stale}"


def test_the_schema_says_what_each_variable_does():
    from sitewide.environment import VARIABLES

    for name, variable in VARIABLES.items():
        assert callable(variable.cast), name
        assert variable.meaning.strip() and "\n" not in variable.meaning, name


def test_every_variable_the_code_reads_is_in_the_schema():
    from sitewide.environment import VARIABLES

    read = variables_the_code_reads()
    missing = {name: path for name, path in read.items() if name not in VARIABLES}
    assert not missing, f"add these to sitewide.environment (and docs/configuration.md): {missing}"


def direct_reads(tree: ast.AST) -> set[str]:
    """Names read from os.environ (or os.getenv) itself rather than through the schema's env."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if function_name(node) == "getenv" or (
                isinstance(func, ast.Attribute)
                and isinstance(func.value, ast.Attribute)
                and func.value.attr == "environ"
                and func.attr != "setdefault"  # writes, for Django itself
            ):
                found |= constant_names(node.args[:1])
        elif isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Load):
            if isinstance(node.value, ast.Attribute) and node.value.attr == "environ":
                found |= constant_names([node.slice])
        elif isinstance(node, ast.Compare) and any(
            isinstance(c, ast.Attribute) and c.attr == "environ" for c in node.comparators
        ):
            found |= constant_names([node.left])
    return found


def test_only_the_schema_reads_the_environment():
    sample = (
        "import os\nx = os.environ.get('A_1'); y = os.environ['B_2']; z = 'C_3' in os.environ\n"
    )
    sample += "w = os.getenv('D_4'); os.environ.setdefault('NOT_READ', '1'); v = env('E_5')\n"
    assert direct_reads(ast.parse(sample)) == {"A_1", "B_2", "C_3", "D_4"}
    schema = ROOT / "site/environment.py"
    direct = {
        str(path.relative_to(ROOT)): sorted(found)
        for path in project_modules()
        if path != schema and (found := direct_reads(ast.parse(path.read_text())))
    }
    assert not direct, f"read these through sitewide.environment's env: {direct}"


def test_the_settings_read_no_variable_at_import_that_the_scan_misses(monkeypatch):
    """The settings read at import time: every name they ask os.environ for is found by the scan
    too (a read through a name the scan does not know would slip past the test above)."""
    import os
    import sys

    asked = set()

    class Recording(type(os.environ)):
        def __getitem__(self, key):
            asked.add(key)
            return super().__getitem__(key)

        def get(self, key, default=None):
            asked.add(key)
            return super().get(key, default)

        def __contains__(self, key):
            asked.add(key)
            return super().__contains__(key)

    monkeypatch.setenv("SECRET_KEY", "x" * 50)
    monkeypatch.setattr(os.environ, "__class__", Recording)
    # The settings are a package: every module of it is read again.
    for module in [name for name in sys.modules if name.split(".")[:2] == ["sitewide", "settings"]]:
        monkeypatch.delitem(sys.modules, module)
    importlib.import_module("sitewide.settings")
    project = {name for name in asked if VARIABLE.fullmatch(name)}
    project -= {"DJANGO_SETTINGS_MODULE"}
    assert "DATABASE_URL" in project
    assert project <= set(variables_the_code_reads()), project - set(variables_the_code_reads())
