"""Every page in the reader's own language: a catalogue per configured language that translates
every string a reader can see, plural forms for the reading time, a note that a native speaker
still has to review it, and staff's own words for the safety-critical labels."""

import html
import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template import Context, Template
from django.utils import translation
from django.utils.translation import to_locale

from sitewide.models import LanguageSettings
from tests.reader_messages import reader_messages

ROOT = Path(settings.BASE_DIR)
LOCALE = ROOT / "site" / "locale"
SOURCE = "nl"


def catalogue_path(language: str, root: Path = LOCALE) -> Path:
    return root / to_locale(language) / "LC_MESSAGES" / "django.po"


def missing_translations(languages, messages, root: Path = LOCALE) -> dict[str, list[str]]:
    """{language: [msgid, ...]} of reader-visible messages a language's catalogue lacks (or has
    untranslated, or only fuzzy); a missing catalogue lacks them all."""
    missing = {}
    for language in languages:
        path = catalogue_path(language, root)
        translated = set()
        if path.exists():
            translated = {
                (entry.msgctxt, entry.msgid)
                for entry in polib.pofile(str(path)).translated_entries()
            }
        lacking = sorted(msgid for context, msgid in messages if (context, msgid) not in translated)
        if lacking:
            missing[language] = lacking
    return missing


def describe(missing: dict[str, list[str]]) -> str:
    return "Reader-visible strings without a translation:\n" + "\n".join(
        f"  {language} ({catalogue_path(language).relative_to(ROOT)}): "
        + ", ".join(repr(msgid) for msgid in msgids)
        for language, msgids in missing.items()
    )


# --- Completeness ---------------------------------------------------------------------------------


def test_reader_messages_are_found():
    messages = {msgid for _context, msgid in reader_messages()}
    # The chrome, the quick exit, help, blocks' labels, errors and listings' choices.
    for msgid in (
        "Leave this site quickly",
        "Need help?",
        "Help",
        "In an emergency:",
        "%(minutes)s minute read",
        "Chapters",
        "Transcript",
        "Page not found",
        "Netherlands",
        "Shelter",
        "Survivor",
    ):
        assert msgid in messages, msgid
    # Staff-only strings are not asked of every language.
    assert "Withdrawal recorded. Pages taken down: %(count)d." not in messages


def test_every_configured_language_translates_every_reader_string():
    languages = [code for code, _name in settings.LANGUAGES]
    missing = missing_translations(languages, reader_messages())
    assert missing == {}, describe(missing)


def test_the_completeness_check_names_what_is_missing(tmp_path):
    """The check above can fail: a catalogue without a message is reported by language and msgid."""
    path = catalogue_path("de", tmp_path)
    path.parent.mkdir(parents=True)
    path.write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Help"\nmsgstr "Hilfe"\n\n'
        'msgid "Menu"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Search"\nmsgstr "Suchen"\n'
    )
    messages = {(None, "Help"), (None, "Menu"), (None, "Search"), (None, "Chapters")}
    missing = missing_translations(["de", "fr"], messages, tmp_path)
    assert missing == {
        "de": ["Chapters", "Menu", "Search"],
        "fr": ["Chapters", "Help", "Menu", "Search"],
    }
    assert "de (site/locale/de/LC_MESSAGES/django.po): 'Chapters', 'Menu', 'Search'" in (
        describe(missing)
    )


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES if code != SOURCE])
def test_each_catalogue_says_it_needs_a_native_speakers_review(language):
    catalogue = polib.pofile(str(catalogue_path(language)))
    assert "NEEDS REVIEW BY A NATIVE SPEAKER" in catalogue.header
    assert catalogue.metadata["Language"] == language
    assert "charset=UTF-8" in catalogue.metadata["Content-Type"]


@pytest.mark.parametrize("language", [code for code, _ in settings.LANGUAGES if code != "en"])
def test_translations_differ_from_the_english_where_they_must(language):
    """A copied English msgid is no translation: the safety-critical words at least differ."""
    with translation.override(language):
        for msgid in ("Leave this site quickly", "Need help?", "Help", "Skip to content"):
            assert translation.gettext(msgid) != msgid, (language, msgid)


# --- Plural forms -----------------------------------------------------------------------------

READING_TIME = Template(
    "{% load i18n %}{% blocktranslate count minutes=n %}{{ minutes }} minute read"
    "{% plural %}{{ minutes }} minutes read{% endblocktranslate %}"
)


@pytest.mark.parametrize(
    ("language", "minutes", "expected"),
    [
        ("de", 1, "1 Minute Lesezeit"),
        ("de", 4, "4 Minuten Lesezeit"),
        ("fr", 1, "1 minute de lecture"),
        ("fr", 0, "0 minute de lecture"),
        ("fr", 3, "3 minutes de lecture"),
        ("ro", 1, "1 minut de lectură"),
        ("ro", 5, "5 minute de lectură"),
        ("ro", 20, "20 de minute de lectură"),
        ("sr-latn", 1, "1 minut čitanja"),
        ("sr-latn", 3, "3 minuta čitanja"),
        ("sr-latn", 21, "21 minut čitanja"),
        ("bg", 2, "2 минути четене"),
        ("ar", 2, "مدة القراءة: 2 دقيقتان"),
        ("ar", 5, "مدة القراءة: 5 دقائق"),
        ("ar", 12, "مدة القراءة: 12 دقيقة"),
    ],
)
def test_reading_time_uses_each_languages_plural_forms(language, minutes, expected):
    with translation.override(language):
        assert READING_TIME.render(Context({"n": minutes})).strip() == expected


# --- What readers see -------------------------------------------------------------------------


def text_of(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.content.decode())


@pytest.mark.django_db
def test_arabic_pages_show_the_arabic_quick_exit_and_help(client):
    text = text_of(client.get("/ar/"))
    assert "غادر هذا الموقع بسرعة" in text
    assert "هل تحتاج إلى مساعدة؟" in text
    for english in ("Leave this site quickly", "Need help?", "Skip to content", "Main menu"):
        assert english not in text


@pytest.mark.django_db
def test_staff_words_replace_the_quick_exit_label_and_help_title(client):
    arabic = LanguageSettings.objects.get(locale__language_code="ar")
    arabic.quick_exit_label = "اخرج الآن"
    arabic.help_title = "هل تحتاج إلى دعم؟"
    arabic.save()
    text = text_of(client.get("/ar/"))
    assert re.search(r"data-quick-exit-link>اخرج الآن</a>", text)
    assert '<h2 id="footer-help">هل تحتاج إلى دعم؟</h2>' in text
    assert "غادر هذا الموقع بسرعة" not in text
    # Other languages keep their own words.
    dutch = text_of(client.get("/nl/"))
    assert "Snel weg van deze site" in dutch
    assert "اخرج الآن" not in dutch


@pytest.mark.django_db
def test_a_language_using_another_languages_settings_keeps_its_own_labels(client):
    """English without settings of its own falls back to the Dutch record: the Dutch staff's
    override of the quick exit must not put Dutch words on English pages."""
    dutch = LanguageSettings.objects.get(locale__language_code="nl")
    dutch.quick_exit_label = "Weg hier"
    dutch.save()
    LanguageSettings.objects.filter(locale__language_code="en").delete()
    assert "Weg hier" in text_of(client.get("/nl/"))
    english = text_of(client.get("/en/"))
    assert "Weg hier" not in english
    assert "Leave this site quickly" in english
