"""Translation files (sitewide.translation.files): one page's translation as PO and XLIFF, and a
language's pages to translate as a zip; imports are checked and apply all or nothing."""

import io
import zipfile

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import resolve, reverse
from translate.storage import pypo, xliff
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from sitewide.models import InformationPage
from sitewide.staff.roles import translator_group_name
from sitewide.translation import files
from stories.models import TestimonyPage
from tests.helpers import FIRST_PSEUDONYM, FIRST_SLUG, make_user

# A new English title for the first demo testimony.
RETOLD = f"{FIRST_PSEUDONYM}, retold"

pytestmark = pytest.mark.django_db


# Fixtures and helpers.


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


def translation_of(page, language_code="en") -> Translation:
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale__language_code=language_code
    )


@pytest.fixture
def first_story():
    story = TestimonyPage.objects.get(locale__language_code="nl", slug=FIRST_SLUG["nl"])
    return translation_of(story)


@pytest.fixture
def about_page():
    return InformationPage.objects.get(locale__language_code="nl", slug="over-comensha")


@pytest.fixture
def about(about_page):
    return translation_of(about_page)


@pytest.fixture
def translator(client_en):
    user = make_user("vertaler", translator_group_name("en"))
    client_en.force_login(user)
    return user


def page_url(translation):
    return reverse("sitewide_translation_files_page", args=[translation.uuid])


def download(client, translation, file_format):
    response = client.get(
        reverse("sitewide_translation_files_download", args=[translation.uuid, file_format])
    )
    assert response.status_code == 200, response.status_code
    assert "attachment" in response["Content-Disposition"]
    return response.content


def upload(client, translation, name, content, follow=True):
    return client.post(
        page_url(translation),
        {"file": SimpleUploadedFile(name, content)},
        follow=follow,
    )


def translations_of(translation):
    """Every string translation of the page in its language, as (id, data, type, user)."""
    return sorted(
        StringTranslation.objects.filter(
            context__object_id=translation.source.object_id, locale=translation.target_locale
        ).values_list("pk", "data", "translation_type", "last_translated_by_id", "updated_at")
    )


def po_with(content: bytes, changes: dict, sources: dict | None = None) -> bytes:
    """The PO file with the targets (and sources) of the units named by context changed."""
    store = pypo.pofile.parsestring(content)
    for unit in store.units:
        if unit.isheader():
            continue
        if unit.getcontext() in changes:
            unit.target = changes[unit.getcontext()]
        if sources and unit.getcontext() in sources:
            unit.source = sources[unit.getcontext()]
    return bytes(store)


def segment(translation, needle: str) -> StringSegment:
    return (
        StringSegment.objects.filter(source=translation.source, string__data__contains=needle)
        .select_related("context", "string")
        .get()
    )


def current_translation(translation, string_segment):
    return StringTranslation.objects.filter(
        translation_of=string_segment.string,
        context=string_segment.context,
        locale=translation.target_locale,
    ).first()


def refused(response) -> bool:
    """Wagtail's admin answers a PermissionDenied with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def publish_new_dutch_version(page, intro: str):
    page.intro = intro
    page.save_revision().publish()


# Round trips.


def test_po_round_trip_updates_the_pages_translation(client_en, translator, first_story):
    content = download(client_en, first_story, files.PO)
    store = pypo.pofile.parsestring(content)
    header = store.parseheader()
    assert header["X-WagtailLocalize-TranslationID"] == str(first_story.uuid)
    assert header["X-Source-Language"] == "nl" and header["Language"] == "en"
    assert first_story.source.object_repr in header["X-Page"] and header["X-Source-Snapshot"]
    units = {unit.getcontext(): unit for unit in store.units if not unit.isheader()}
    assert units["title"].target  # the English title made so far
    segments = StringSegment.objects.filter(source=first_story.source).select_related(
        "context", "string"
    )
    assert len(store.units) - 1 == len({(s.context.path, s.string.data) for s in segments})
    before = translations_of(first_story)

    response = upload(
        client_en, first_story, f"{FIRST_SLUG['nl']}.en.po", po_with(content, {"title": RETOLD})
    )

    assert "Imported: 1 translation(s) changed" in response.content.decode()
    title = current_translation(
        first_story, segment(first_story, first_story.source.get_source_instance().title)
    )
    assert title.data == RETOLD
    assert title.translation_type == "manual" and title.last_translated_by == translator
    english_page = first_story.source.get_translated_instance(first_story.target_locale)
    assert english_page.draft_title == RETOLD
    changed = [row for row in before if row[0] == title.pk]
    assert [row for row in translations_of(first_story) if row[0] != title.pk] == [
        row for row in before if row not in changed
    ]


def test_xliff_round_trip_updates_the_pages_translation(client_en, translator, first_story):
    content = download(client_en, first_story, files.XLIFF)
    assert b'xmlns="urn:oasis:names:tc:xliff:document:1.2"' in content
    assert b"xliff:document:1.1" not in content
    store = xliff.xlifffile.parsestring(content)
    body_unit = next(unit for unit in store.units if unit.getid().split("\x04")[-1] != "title")
    body_segment = StringSegment.objects.get(
        source=first_story.source, string__data=body_unit.source
    )
    body_unit.target = "A sentence the translator rewrote."

    response = upload(client_en, first_story, f"{FIRST_SLUG['nl']}.en.xlf", bytes(store))

    assert "Imported: 1 translation(s) changed" in response.content.decode()
    written = current_translation(first_story, body_segment)
    assert written.data == "A sentence the translator rewrote."
    assert written.last_translated_by == translator


def test_an_unchanged_file_changes_nothing(client_en, translator, first_story):
    before = translations_of(first_story)
    for file_format in (files.PO, files.XLIFF):
        content = download(client_en, first_story, file_format)
        response = upload(client_en, first_story, f"{FIRST_SLUG['nl']}.{file_format}", content)
        assert "Imported: 0 translation(s) changed" in response.content.decode()
    assert translations_of(first_story) == before


# Refusals: the whole import, with every problem listed.


def test_a_file_for_another_page_is_refused_naming_both(client_en, translator, first_story, about):
    before = translations_of(first_story)
    content = po_with(download(client_en, about, files.PO), {"title": "About us"})
    response = upload(client_en, first_story, "about.en.po", content)
    text = response.content.decode()
    assert "Nothing was imported" in text
    assert "This file is for “Over CoMensha" in text
    assert f"not for “{first_story.source.object_repr}" in text
    assert translations_of(first_story) == before


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("broken.po", b'msgid "open string\nmsgstr ""\n', "This is not a readable PO file"),
        ("broken.po", b'msgid "a"\nmsgstr "b"\n', "does not name a translation"),
        ("broken.xlf", b"<xliff><file>", "This is not a readable XLIFF file"),
        ("broken.xlf", b"<html><body>no</body></html>", "This is not a readable XLIFF file"),
    ],
)
def test_a_malformed_file_is_refused_with_a_clear_error(
    client_en, translator, first_story, name, content, expected
):
    before = translations_of(first_story)
    response = upload(client_en, first_story, name, content)
    text = response.content.decode()
    assert "Nothing was imported" in text and expected in text
    assert translations_of(first_story) == before


def test_stale_segments_are_refused_per_segment(client_en, translator, about_page, about):
    old_file = download(client_en, about, files.PO)
    old_intro = about_page.intro
    publish_new_dutch_version(about_page, "Een nieuwe inleiding.")
    client_en.post(reverse("sitewide_translation_files_refresh", args=[about.uuid]))
    about.source.refresh_from_db()
    assert "Een nieuwe inleiding." in about.source.content_json
    before = translations_of(about)

    content = po_with(
        old_file,
        {"intro": "An introduction for the old text.", "title": "About CoMensha, again"},
        sources={"title": "Over CoMensha (oud)"},
    )
    response = upload(client_en, about, "about.en.po", content)

    text = response.content.decode()
    assert "Nothing was imported" in text
    assert "The source text of this segment changed since the file was made" in text
    assert old_intro in text  # the segment's source text, to find it
    assert "Een nieuwe inleiding." in text  # and what it reads now
    assert 'data-segment-problem="title"' in text
    assert translations_of(about) == before


def test_a_segment_unknown_to_the_page_is_refused(client_en, translator, first_story):
    content = download(client_en, first_story, files.PO).replace(
        b'msgctxt "title"', b'msgctxt "no.such.field"'
    )
    response = upload(client_en, first_story, f"{FIRST_SLUG['nl']}.en.po", content)
    assert "This segment is no longer in the page" in response.content.decode()


@pytest.fixture
def contact_page(about_page, about, client_en, translator):
    """The About page's Dutch introduction with what must survive translation."""
    publish_new_dutch_version(
        about_page,
        "Bel 033 448 11 86 of mail info@comensha.nl, of kijk op https://www.comensha.nl/hulp. "
        "In 2019 meldden %s mensen zich bij {naam}.",
    )
    client_en.post(reverse("sitewide_translation_files_refresh", args=[about.uuid]))
    return about


GOOD = (
    "Call +31 33 448 11 86 or e-mail info@comensha.nl, or see https://www.comensha.nl/hulp. "
    "In 2019, %s people contacted {naam}."
)


@pytest.mark.parametrize(
    "translated, expected",
    [
        (GOOD.replace("2019", "2018"), "A number (amount, date, phone number)"),
        (GOOD.replace("+31 33 448 11 86", "us"), "033 448 11 86"),
        (GOOD.replace("info@comensha.nl", "us"), "An e-mail address is missing or changed"),
        (GOOD.replace("info@comensha.nl", "info@comensha.com"), "info@comensha.nl"),
        (GOOD.replace("https://www.comensha.nl/hulp", "our site"), "A web address (URL)"),
        (GOOD.replace("/hulp", "/help"), "https://www.comensha.nl/hulp"),
        (GOOD.replace("%s", "many"), "A placeholder (such as %s"),
        (GOOD.replace("{naam}", "them"), "A placeholder (such as {name})"),
        (GOOD + " <b>Important</b>", "The tags (links, bold, italics)"),
    ],
)
def test_translations_failing_the_checks_are_refused(
    client_en, translator, contact_page, translated, expected
):
    intro = segment(contact_page, "Bel 033")
    content = po_with(download(client_en, contact_page, files.PO), {"intro": translated})
    response = upload(client_en, contact_page, "about.en.po", content)
    text = response.content.decode()
    assert "Nothing was imported" in text and expected in text
    assert 'data-segment-problem="intro"' in text
    assert current_translation(contact_page, intro) is None


def test_a_translation_keeping_everything_passes_the_checks(client_en, translator, contact_page):
    intro = segment(contact_page, "Bel 033")
    content = po_with(download(client_en, contact_page, files.PO), {"intro": GOOD})
    response = upload(client_en, contact_page, "about.en.po", content)
    assert "Imported: 1 translation(s) changed" in response.content.decode()
    assert current_translation(contact_page, intro).data == GOOD.replace("&", "&amp;")


def test_addresses_followed_by_other_punctuation_pass():
    source = "Mail info@comensha.nl. Zie https://www.comensha.nl/hulp."
    translated = "E-mail info@comensha.nl, or see https://www.comensha.nl/hulp for help"
    assert files.check_translation_text(source, translated, files.make_checker_for("en")) == []


@pytest.mark.parametrize(
    "source, translated",
    [
        ("Jaarlijks 5.000 tot 7.500 slachtoffers", "5,000 to 7,500 victims a year"),
        ("€ 346.069", "€346,069"),
        ("Bel 033 448 11 86", "Call +31 33 448 11 86"),
        ("9.00 tot 17.00 uur", "9:00 to 17:00"),
        ("Op 24-11-2026", "On 11/24/2026"),
    ],
)
def test_numbers_written_the_target_languages_way_pass(source, translated):
    assert files.missing_numbers_of(source, translated) == []


@pytest.mark.parametrize(
    "source, translated, missing",
    [
        ("Bel 0800-7000", "Call 0800-7001", ["0800-7000"]),
        ("Bel 033 448 11 86", "Call +31 33 448 11 68", ["033 448 11 86"]),
        ("In 2019 werkten 12 vrouwen", "In 2019 twelve women worked", ["12"]),
    ],
)
def test_changed_or_dropped_numbers_fail(source, translated, missing):
    assert files.missing_numbers_of(source, translated) == missing


def test_one_bad_unit_refuses_the_whole_file(client_en, translator, contact_page):
    before = translations_of(contact_page)
    content = po_with(
        download(client_en, contact_page, files.PO),
        {"title": "About CoMensha, renamed", "intro": GOOD.replace("2019", "2018")},
    )
    response = upload(client_en, contact_page, "about.en.po", content)
    text = response.content.decode()
    assert "Nothing was imported" in text
    assert 'data-segment-problem="intro"' in text
    assert 'data-segment-problem="title"' not in text  # the good unit has no problem...
    assert translations_of(contact_page) == before  # ...and was not written either


def test_empty_and_unfinished_translations_change_nothing(client_en, translator, first_story):
    content = download(client_en, first_story, files.PO)
    store = pypo.pofile.parsestring(content)
    title = next(unit for unit in store.units if unit.getcontext() == "title")
    title.target = "A title still being worked on"
    title.markfuzzy(True)
    for unit in store.units:
        if not unit.isheader() and unit.getcontext() != "title":
            unit.target = ""
    before = translations_of(first_story)
    response = upload(client_en, first_story, f"{FIRST_SLUG['nl']}.en.po", bytes(store))
    text = response.content.decode()
    assert "Imported: 0 translation(s) changed" in text
    assert "Not imported, marked as unfinished in the file" in text
    assert translations_of(first_story) == before


# A language's pages as a zip.


def zip_of(named_contents: dict) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in named_contents.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def language_url(code="en"):
    return reverse("sitewide_translation_files_language", args=[code])


@pytest.mark.parametrize("file_format", [files.PO, files.XLIFF])
def test_bulk_export_and_import_of_a_languages_out_of_date_pages(
    client_en, translator, about_page, about, first_story, file_format
):
    publish_new_dutch_version(about_page, "Een nieuwe inleiding over 2026.")
    assert about in files.pages_to_translate(about.target_locale, translator)
    assert first_story not in files.pages_to_translate(first_story.target_locale, translator)
    page = client_en.get(language_url())
    assert page.status_code == 200 and "Over CoMensha" in page.content.decode()

    response = client_en.post(language_url(), {"action": "export", "file_format": file_format})

    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    about_name = next(name for name in names if name.startswith("over-comensha"))
    assert not any(name.startswith(FIRST_SLUG["nl"]) for name in names)
    content = archive.read(about_name)
    assert b"Een nieuwe inleiding over 2026." in content  # the snapshot was refreshed first
    assert not files.out_of_date_translations(about.target_locale).filter(pk=about.pk).exists()

    if file_format == files.PO:
        translated = po_with(content, {"intro": "A new introduction about 2026."})
    else:
        store = xliff.xlifffile.parsestring(content)
        intro_unit = next(unit for unit in store.units if unit.getid().endswith("\x04intro"))
        intro_unit.target = "A new introduction about 2026."
        translated = bytes(store)
    response = client_en.post(
        language_url(),
        {
            "action": "import",
            "file": SimpleUploadedFile("en.zip", zip_of({about_name: translated})),
        },
        follow=True,
    )

    assert "Imported: 1 translation(s) changed" in response.content.decode()
    written = current_translation(about, segment(about, "Een nieuwe inleiding"))
    assert written.data == "A new introduction about 2026."
    assert about not in files.pages_to_translate(about.target_locale, translator)


def test_bulk_import_is_all_or_nothing_with_errors_per_file(
    client_en, translator, first_story, contact_page
):
    before = translations_of(first_story), translations_of(contact_page)
    good = po_with(download(client_en, first_story, files.PO), {"title": RETOLD})
    bad = po_with(
        download(client_en, contact_page, files.PO), {"intro": GOOD.replace("2019", "2018")}
    )
    response = client_en.post(
        language_url(),
        {
            "action": "import",
            "file": SimpleUploadedFile(
                "en.zip",
                zip_of(
                    {f"{FIRST_SLUG['nl']}.en.po": good, "about.en.po": bad, "notes.txt": b"hello"}
                ),
            ),
        },
    )
    text = response.content.decode()
    assert "Nothing was imported" in text
    assert 'data-file-problems="about.en.po"' in text
    assert 'data-file-problems="notes.txt"' in text
    assert f'data-file-problems="{FIRST_SLUG["nl"]}.en.po"' not in text
    assert (translations_of(first_story), translations_of(contact_page)) == before


def test_bulk_import_refuses_a_file_of_another_language_and_a_bad_zip(client_en, translator):
    german = Locale.objects.filter(language_code="de").first()
    if german is not None:
        response = client_en.post(
            reverse("sitewide_translation_files_language", args=["de"]),
            {"action": "import", "file": SimpleUploadedFile("de.zip", b"x")},
        )
        assert refused(response) or response.status_code == 404
    response = client_en.post(
        language_url(),
        {"action": "import", "file": SimpleUploadedFile("en.zip", b"not a zip")},
    )
    assert "This is not a zip file." in response.content.decode()


def test_a_zip_file_for_another_language_is_refused(client_en, translator, first_story):
    superuser = make_user("chef", superuser=True)
    client_en.force_login(superuser)
    other = (
        Translation.objects.filter(source=first_story.source, enabled=True)
        .exclude(target_locale__language_code="en")
        .first()
    )
    assert other is not None, (
        "the demo translates the first testimony into Arabic as well as English"
    )
    content = download(client_en, other, files.PO)
    response = client_en.post(
        language_url(),
        {"action": "import", "file": SimpleUploadedFile("x.zip", zip_of({"x.po": content}))},
    )
    assert "translation, not for English" in response.content.decode()


# Who may: those who may edit the translated page.


@pytest.fixture
def other_language_translator(client_en):
    group, _ = Group.objects.get_or_create(name=translator_group_name("de"))
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    user = make_user("ubersetzer", translator_group_name("de"))
    client_en.force_login(user)
    return user


def test_a_translator_of_another_language_is_refused(
    client_en, other_language_translator, first_story
):
    before = translations_of(first_story)
    urls = [
        page_url(first_story),
        reverse("sitewide_translation_files_download", args=[first_story.uuid, files.PO]),
        language_url(),
    ]
    for url in urls:
        assert refused(client_en.get(url)), url
    assert refused(
        client_en.post(page_url(first_story), {"file": SimpleUploadedFile("a.po", b"x")})
    )
    assert refused(
        client_en.post(reverse("sitewide_translation_files_refresh", args=[first_story.uuid]))
    )
    assert refused(client_en.post(language_url(), {"action": "export", "file_format": "po"}))
    assert translations_of(first_story) == before


def test_anonymous_visitors_are_sent_to_sign_in(client_en, first_story):
    response = client_en.get(page_url(first_story))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_editors_may_use_the_files_and_the_source_language_has_none(client_en, first_story):
    client_en.force_login(make_user("redacteur", "Editors"))
    assert client_en.get(page_url(first_story)).status_code == 200
    assert client_en.get(language_url("nl")).status_code == 404


def test_the_translation_editor_and_menu_lead_to_the_files(client_en, translator, first_story):
    english_page = first_story.source.get_translated_instance(first_story.target_locale)
    editor = client_en.get(reverse("wagtailadmin_pages:edit", args=[english_page.pk]))
    assert editor.status_code == 200
    assert page_url(first_story) in editor.content.decode()
    home = client_en.get(reverse("wagtailadmin_home"))
    assert reverse("sitewide_translation_files") in home.content.decode()
    index = client_en.get(reverse("sitewide_translation_files"))
    assert index.status_code == 200 and language_url() in index.content.decode()


def test_the_files_pages_have_no_inline_script_or_style(client_en, translator, first_story):
    for url in (page_url(first_story), language_url(), reverse("sitewide_translation_files")):
        html = client_en.get(url).content.decode()
        main = html[html.index('class="nice-padding"') :]
        assert " style=" not in main and "<script" not in main, url


# The translation editor's own "Upload PO file" goes through the same checks.


def editor_upload(client, translation, name, content):
    return client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/",
        {"file": SimpleUploadedFile(name, content)},
    )


def test_the_editors_own_upload_is_checked_all_or_nothing(client_en, translator, contact_page):
    assert (
        resolve(f"/admin/localize/translate/{contact_page.pk}/pofile/upload/").url_name
        == "sitewide_checked_pofile_upload"
    )
    intro = segment(contact_page, "Bel 033")
    bad = po_with(
        download(client_en, contact_page, files.PO), {"intro": GOOD.replace("2019", "2018")}
    )
    response = editor_upload(client_en, contact_page, "about.en.po", bad)
    text = response.content.decode()
    assert "Nothing was imported" in text and "A number (amount, date, phone number)" in text
    assert current_translation(contact_page, intro) is None

    good = po_with(download(client_en, contact_page, files.PO), {"intro": GOOD})
    response = editor_upload(client_en, contact_page, "about.en.po", good)
    assert response.status_code == 302
    assert current_translation(contact_page, intro).data == GOOD


def test_the_editors_own_upload_of_another_language_is_refused(client, contact_page):
    client.force_login(make_user("vertaler-de", translator_group_name("de")))
    good = b"not even a po file"
    response = editor_upload(client, contact_page, "about.en.po", good)
    assert refused(response)
