"""The interface speaks the reader's language: the Dutch catalogue, and the command that builds it.

The session compiles the catalogues first (the `compiled_catalogues` fixture in conftest.py), as
`make run`, `make test` and deployments do with `manage.py compile_catalogues`.
"""

import ast
import gettext
import html
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.template import Context, Template
from django.utils import translation
from django.utils.translation.template import templatize

from stories.models import TestimonyPage
from tests.helpers import FIRST_PSEUDONYM, first_story_path

ROOT = Path(settings.BASE_DIR)
DUTCH = ROOT / "site" / "locale" / "nl" / "LC_MESSAGES" / "django.po"
TEMPLATE_FOLDERS = ["templates", "site/templates", "stories/templates", "longread/templates"]
PYTHON_PACKAGES = ["site", "stories", "longread"]
GETTEXT_NAMES = {
    "_",
    "gettext",
    "gettext_lazy",
    "gettext_noop",
    "ngettext",
    "ngettext_lazy",
    "pgettext",
    "pgettext_lazy",
    "npgettext",
    "npgettext_lazy",
}
# %(name)s, %s, %d (not "%%"), and {{ name }} as a template would write it.
PLACEHOLDER = re.compile(r"%\(\w+\)[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]|%[-#0 +]*\d*[sdifr]|\{\{.*?\}\}")

# (interface string in English, in Dutch) that every home page shows.
HOME_PAGE_STRINGS = [
    ("Leave this site quickly", "Snel weg van deze site"),
    ("Skip to content", "Naar de inhoud"),
    ("Main menu", "Hoofdmenu"),
    ("Need help?", "Hulp nodig?"),
]
STORY_PAGE_STRINGS = [
    ("Chapters", "Hoofdstukken"),
    # The help options next to the quick exit (the story's own help box has its own heading).
    ("Need help?", "Hulp nodig?"),
]


def page_text(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def catalogues() -> list[Path]:
    return sorted(path for root in settings.LOCALE_PATHS for path in Path(root).rglob("*.po"))


# --- What readers see -------------------------------------------------------------------------


@pytest.mark.django_db
def test_dutch_home_page_shows_dutch_interface(client):
    text = page_text(client.get("/nl/"))
    for english, dutch in HOME_PAGE_STRINGS:
        assert dutch in text
        assert english not in text
    assert re.search(r'<a class="lr-skip" href="#main">Naar de inhoud</a>', text)
    assert re.search(r"data-quick-exit-link>Snel weg van deze site</a>", text)


@pytest.mark.django_db
def test_english_home_page_shows_english_interface(client):
    text = page_text(client.get("/en/"))
    for english, dutch in HOME_PAGE_STRINGS:
        assert english in text
        assert dutch not in text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "language", "other"),
    [(first_story_path("nl"), 1, 0), (first_story_path("en"), 0, 1)],
)
def test_story_page_chrome_follows_the_page_language(client, url, language, other):
    text = page_text(client.get(url))
    for strings in STORY_PAGE_STRINGS:
        assert strings[language] in text
        assert strings[other] not in text


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "url", "pattern"),
    [
        ("nl", first_story_path("nl"), r"(\d+) (minuut|minuten) leestijd"),
        ("en", first_story_path("en"), r"(\d+)-(minute) read"),
    ],
)
def test_story_page_shows_its_reading_time(client, language, url, pattern):
    page = TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code=language)
    match = re.search(pattern, page_text(client.get(url)))
    assert match, "reading time missing"
    minutes = page.reading_minutes()
    assert int(match.group(1)) == minutes
    if language == "nl":  # English says "4-minute read": one form
        assert (match.group(2) == "minuut") == (minutes == 1)


def reading_time_template() -> str:
    """The reading-time sentence exactly as the testimony's cover writes it."""
    source = (ROOT / "stories/templates/stories/includes/cover.html").read_text()
    match = re.search(r"\{% blocktranslate count .*?\{% endblocktranslate %\}", source, re.S)
    assert match, "the testimony template no longer says how long the story takes to read"
    return "{% load i18n %}" + match.group(0)


@pytest.mark.parametrize(
    ("language", "minutes", "expected"),
    [
        ("nl", 1, "1 minuut leestijd"),
        ("nl", 2, "2 minuten leestijd"),
        ("nl", 12, "12 minuten leestijd"),
        ("en", 1, "1-minute read"),
        ("en", 7, "7-minute read"),
    ],
)
def test_reading_time_has_plural_forms(language, minutes, expected):
    class Page:
        reading_minutes = minutes

    template = Template(reading_time_template())
    with translation.override(language):
        assert template.render(Context({"page": Page()})).strip() == expected


# --- The catalogue itself ---------------------------------------------------------------------


def test_dutch_catalogue_exists_with_dutch_plural_rule():
    assert DUTCH in catalogues()
    catalogue = polib.pofile(str(DUTCH))
    assert catalogue.metadata["Language"] == "nl"
    assert catalogue.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    assert "charset=UTF-8" in catalogue.metadata["Content-Type"]


def test_dutch_catalogue_is_completely_translated():
    catalogue = polib.pofile(str(DUTCH))
    assert len(catalogue) > 0
    assert [entry.msgid for entry in catalogue.untranslated_entries()] == []
    assert [entry.msgid for entry in catalogue.fuzzy_entries()] == []
    assert not catalogue.metadata_is_fuzzy
    assert [entry.msgid for entry in catalogue.obsolete_entries()] == []


@pytest.mark.parametrize("path", catalogues(), ids=lambda path: str(path.relative_to(ROOT)))
def test_every_translation_keeps_its_placeholders(path):
    problems = []
    for entry in polib.pofile(str(path)):
        if entry.obsolete or not entry.translated():
            continue
        if entry.msgid_plural:
            pairs = [
                (entry.msgid if index == 0 else entry.msgid_plural, text)
                for index, text in entry.msgstr_plural.items()
            ]
        else:
            pairs = [(entry.msgid, entry.msgstr)]
        for source, translated in pairs:
            expected = sorted(PLACEHOLDER.findall(source))
            found = sorted(PLACEHOLDER.findall(translated))
            if expected != found:
                problems.append(f"line {entry.linenum}: {source!r} -> {translated!r}")
    assert problems == []


def messages_in_templates() -> set[tuple[str | None, str]]:
    """What makemessages would find in the project's templates, read with Django's templatize."""
    # templatize keeps the template's quotes: single or double.
    quoted = r"""u?(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
    call = re.compile(rf"\b(n?p?gettext)\(((?:{quoted}(?:, )?)+)")
    literal = re.compile(quoted)
    found = set()
    for folder in TEMPLATE_FOLDERS:
        for path in sorted((ROOT / folder).rglob("*")):
            if not path.is_file():
                continue
            source = templatize(path.read_text(), origin=str(path))
            for name, arguments in call.findall(source):
                strings = [
                    ast.literal_eval(text.lstrip("u")) for text in literal.findall(arguments)
                ]
                context = strings.pop(0) if name.startswith(("pgettext", "npgettext")) else None
                found.add((context, strings[0]))
    return found


def messages_in_python() -> set[tuple[str | None, str]]:
    found = set()
    for package in PYTHON_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(), str(path))):
                if not isinstance(node, ast.Call) or not node.args:
                    continue
                function = node.func
                name = getattr(function, "id", None) or getattr(function, "attr", None)
                if name not in GETTEXT_NAMES:
                    continue
                strings = [
                    arg.value
                    for arg in node.args
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                ]
                if not strings:
                    continue
                context = strings.pop(0) if name.startswith(("pgettext", "npgettext")) else None
                if strings:
                    found.add((context, strings[0]))
    return found


def test_dutch_catalogue_covers_every_marked_string():
    """A string marked for translation in code but missing here would show in English."""
    catalogue = {(entry.msgctxt, entry.msgid) for entry in polib.pofile(str(DUTCH))}
    marked = messages_in_templates() | messages_in_python()
    assert len(marked) > 100
    missing = sorted(msgid for context, msgid in marked - catalogue)
    assert missing == [], (
        "Run `python manage.py makemessages -l nl` and translate the new entries in "
        f"{DUTCH.relative_to(ROOT)}"
    )


# --- compile_catalogues -------------------------------------------------------------------------

HEADER = (
    'msgid ""\nmsgstr ""\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
)


def test_compile_catalogues_compiles_the_project_catalogues(tmp_path):
    out = tmp_path / "out.txt"
    with out.open("w") as stream:
        call_command("compile_catalogues", stdout=stream)
    report = out.read_text()
    assert "site/locale/nl/LC_MESSAGES/django.po -> django.mo" in report
    with DUTCH.with_suffix(".mo").open("rb") as compiled:
        dutch = gettext.GNUTranslations(compiled)
    assert dutch.gettext("Skip to content") == "Naar de inhoud"
    assert dutch.ngettext("%(minutes)s minute read", "%(minutes)s minutes read", 3) == (
        "%(minutes)s minuten leestijd"
    )


def test_compile_catalogues_writes_a_mo_for_a_valid_po(tmp_path):
    catalogue = tmp_path / "nl" / "LC_MESSAGES" / "django.po"
    catalogue.parent.mkdir(parents=True)
    catalogue.write_text(
        HEADER + 'msgid "Hello"\nmsgstr "Hallo"\n\n'
        '#, python-format\nmsgid "%(n)s story"\nmsgid_plural "%(n)s stories"\n'
        'msgstr[0] "%(n)s verhaal"\nmsgstr[1] "%(n)s verhalen"\n\n'
        '#, fuzzy\nmsgid "Unsure"\nmsgstr "Onzeker"\n'
    )
    out = tmp_path / "out.txt"
    with out.open("w") as stream:
        call_command("compile_catalogues", "--path", str(tmp_path), stdout=stream)
    assert "2 messages, 1 untranslated or fuzzy skipped" in out.read_text()
    with catalogue.with_suffix(".mo").open("rb") as compiled:
        compiled_catalogue = gettext.GNUTranslations(compiled)
    assert compiled_catalogue.gettext("Hello") == "Hallo"
    assert compiled_catalogue.ngettext("%(n)s story", "%(n)s stories", 1) == "%(n)s verhaal"
    assert compiled_catalogue.ngettext("%(n)s story", "%(n)s stories", 2) == "%(n)s verhalen"
    assert compiled_catalogue.gettext("Unsure") == "Unsure"  # fuzzy: not used, as msgfmt does


@pytest.mark.parametrize(
    ("body", "line", "reason"),
    [
        ('msgid "Hello"\nmsgstr "Hallo\n', 7, "syntax error"),
        ('msgid "Hello"\nmsgstr "Hallo"\nmsgid\n', 8, "syntax error"),
        ('msgid "Hello"\nmsgstr "Hallo"\n\nmsgid "Hello"\nmsgstr "Hoi"\n', 9, "duplicate"),
        (
            '#, python-format\nmsgid "Hello %(name)s"\nmsgstr "Hallo %(naam)s"\n',
            6,
            "placeholders",
        ),
        ('msgid "Hello"\nmsgstr "Hallo"\nmsgstr "Hoi"\n', 8, "Syntax error"),
    ],
    ids=["unterminated string", "keyword without string", "duplicate", "placeholder", "twice"],
)
def test_compile_catalogues_refuses_a_broken_po(tmp_path, body, line, reason):
    broken = tmp_path / "broken.po"
    broken.write_text(HEADER + body)
    with pytest.raises(CommandError, match=rf"broken\.po:{line}: .*{reason}"):
        call_command("compile_catalogues", "--path", str(broken))
    assert not list(tmp_path.glob("*.mo")), "nothing is compiled from a broken catalogue"


def test_compile_catalogues_refuses_a_catalogue_that_is_not_utf8(tmp_path):
    broken = tmp_path / "latin1.po"
    broken.write_bytes((HEADER + 'msgid "Caf\u00e9"\nmsgstr "Caf\u00e9"\n').encode("latin-1"))
    with pytest.raises(CommandError, match=r"latin1\.po:6: not valid UTF-8"):
        call_command("compile_catalogues", "--path", str(broken))


def test_compile_catalogues_names_a_missing_path(tmp_path):
    with pytest.raises(CommandError, match="no such .po file or folder"):
        call_command("compile_catalogues", "--path", str(tmp_path / "nowhere"))
