"""The translations dashboard: every Dutch page × every language, in one of five states, each
reached here the way staff reach it; filters, CSV export, and a fixed number of queries."""

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation as django_translation
from wagtail.models import Page
from wagtail_localize.models import Translation

from sitewide.staff.roles import translator_group_name
from sitewide.translation import status
from sitewide.translation.staleness import is_out_of_date, out_of_date_translations
from tests.helpers import choose_admin_language, make_user
from tests.translation_support import (  # noqa: F401 - fixtures
    DUMMY_TRANSLATOR,
    about_page,
    dashboard_cell,
    machine_translate,
    publish_in_editor,
    republish_source,
    romanian_language,
    segments_of,
    signed_in_superuser,
    start_translation,
    translate_by_hand,
)

pytestmark = pytest.mark.django_db


def test_each_state_is_reached_the_way_staff_reach_it(
    client, boss, romanian, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY_TRANSLATOR
    about = about_page()
    with django_translation.override("en"):
        assert dashboard_cell(client, about, "ro") == (status.NOT_TRANSLATED, "Not translated")

        translation = start_translation(about, romanian, boss)
        assert dashboard_cell(client, about, "ro") == (status.IN_PROGRESS, "In progress 0%")

        segments = segments_of(translation)
        half = len(segments) // 2
        translate_by_hand(translation, segments[:half])
        state, text = dashboard_cell(client, about, "ro")
        assert state == status.IN_PROGRESS
        assert text == f"In progress {half * 100 // len(segments)}%"

        assert machine_translate(client, translation).status_code == 302
        state, text = dashboard_cell(client, about, "ro")
        assert state == status.NEEDS_REVIEW
        assert text == f"Needs review ({len(segments) - half})"

        client.post(f"/admin/translations/{translation.pk}/review/confirm/")
        # Every segment is done, but the Romanian page is not published yet.
        assert dashboard_cell(client, about, "ro") == (status.IN_PROGRESS, "In progress 100%")

        publish_in_editor(client, translation, django_capture_on_commit_callbacks)
        assert translation.get_target_instance().live
        assert dashboard_cell(client, about, "ro") == (status.PUBLISHED, "Published")

        republish_source(about, django_capture_on_commit_callbacks)
        assert is_out_of_date(translation)
        assert dashboard_cell(client, about, "ro") == (status.OUT_OF_DATE, "Out of date")
        # English was translated from the same snapshot: out of date too.
        assert dashboard_cell(client, about, "en")[0] == status.OUT_OF_DATE

        # Syncing refreshes the snapshot: the changed title waits for its translation.
        translation.source.update_from_db()
        state, _text = dashboard_cell(client, about, "ro")
        assert state == status.IN_PROGRESS


def test_demo_translations_are_published_and_untouched_languages_not_translated(romanian):
    table = status.status_table()
    assert [code for code, _name in table.languages] == ["en", "ro"]
    assert table.rows, "the demo's Dutch pages are listed"
    english = {row.page_id: row.cells[0].state for row in table.rows}
    stale = {
        page.pk
        for page in Page.objects.filter(
            locale__language_code="nl",
            translation_key__in=out_of_date_translations().values("source__object_id"),
        )
    }
    # The demo changes one news item after translating it; everything else is published.
    assert {pk for pk, state in english.items() if state == status.OUT_OF_DATE} == stale
    assert {state for pk, state in english.items() if pk not in stale} == {status.PUBLISHED}
    assert {row.cells[1].state for row in table.rows} == {status.NOT_TRANSLATED}


def test_a_page_edited_after_publication_is_in_progress_until_published_again(
    client, boss, django_capture_on_commit_callbacks
):
    about = about_page()
    translation = Translation.objects.get(
        source__object_id=about.translation_key, target_locale__language_code="en"
    )
    first = segments_of(translation)[0]
    translate_by_hand(translation, [first])  # a translator edits a published translation
    state, _text = dashboard_cell(client, about, "en")
    assert state == status.IN_PROGRESS
    publish_in_editor(client, translation, django_capture_on_commit_callbacks)
    assert dashboard_cell(client, about, "en")[0] == status.PUBLISHED


def test_filters_by_language_and_section(client, boss, romanian):
    about = about_page()
    stories = Page.objects.get(depth=3, locale__language_code="nl", slug="verhalen")
    response = client.get(f"/admin/translations/?language=ro&section={stories.pk}")
    html = response.content.decode()
    assert 'data-language="ro"' in html
    assert 'data-language="en"' not in html
    story_pages = Page.objects.descendant_of(stories, inclusive=True).filter(depth__gte=3)
    for page in story_pages:
        assert f"/admin/pages/{page.pk}/edit/" in html
    assert f"/admin/pages/{about.pk}/edit/" not in html
    # Nonsense filters show everything rather than failing.
    response = client.get("/admin/translations/?language=xx&section=abc")
    assert response.status_code == 200
    assert 'data-language="ro"' in response.content.decode()


def test_csv_export_is_the_filtered_table(client, boss, romanian):
    stories = Page.objects.get(depth=3, locale__language_code="nl", slug="verhalen")
    with django_translation.override("en"):
        response = client.get(f"/admin/translations/export.csv?language=en&section={stories.pk}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    header, body = rows[0], rows[1:]
    assert header[3:] == ["en", "en %"]
    expected = Page.objects.descendant_of(stories, inclusive=True).filter(
        locale__language_code="nl", alias_of__isnull=True
    )
    assert sorted(int(row[0]) for row in body) == sorted(expected.values_list("pk", flat=True))
    assert {row[3] for row in body} == {"Published"}
    assert {row[2] for row in body} == {stories.title}


def test_csv_cells_never_start_a_spreadsheet_formula(client, boss):
    about = about_page()
    Page.objects.filter(pk=about.pk).update(title="=HYPERLINK(1)")
    response = client.get("/admin/translations/export.csv")
    titles = [row[1] for row in csv.reader(io.StringIO(response.content.decode()))]
    assert "'=HYPERLINK(1)" in titles
    assert "=HYPERLINK(1)" not in titles


def test_a_translator_sees_only_their_language(client, romanian):
    translator = make_user("vertaler", translator_group_name("en"))
    client.force_login(translator)
    html = client.get("/admin/translations/?language=ro").content.decode()
    assert 'data-language="en"' in html
    assert 'data-language="ro"' not in html
    csv_text = client.get("/admin/translations/export.csv?language=ro").content.decode()
    assert "ro %" not in csv_text.splitlines()[0]


def test_menu_item_in_dutch_and_only_for_page_staff(client, boss):
    choose_admin_language(boss, "nl")
    html = client.get("/admin/").content.decode()
    assert "/admin/translations/" in html
    assert "Vertalingen" in html
    officer = make_user("officer", "Consent officers")
    client.force_login(officer)
    # Wagtail answers a refused admin view with a redirect to the dashboard.
    for url in ("/admin/translations/", "/admin/translations/export.csv"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert "Page ID" not in response.content.decode()
    assert "/admin/translations/" not in client.get("/admin/").content.decode()


def test_the_table_takes_a_fixed_number_of_queries(boss, romanian):
    def queries(languages):
        with CaptureQueriesContext(connection) as captured:
            table = status.status_table(languages=languages)
        return len(captured), table

    few, small = queries(["en"])
    # More languages, and more translations with segments, machine-translated ones included.
    for page in Page.objects.filter(locale__language_code="nl", depth=3)[:4]:
        translation = start_translation(page, romanian, boss)
        translate_by_hand(translation, segments_of(translation)[:2])
    many, large = queries(["en", "ro"])
    assert many == few
    assert many <= 7
    assert sum(len(row.cells) for row in large.rows) == 2 * len(small.rows)


def test_dashboard_has_no_inline_script_or_style(client, boss, romanian):
    html = client.get("/admin/translations/").content.decode()
    start = html.index('class="listing translation-status"')
    table = html[start : html.index("</table>", start)]
    assert "style=" not in table
    assert "<script" not in table
    assert "sitewide/translation_status" in html  # the stylesheet


def test_the_dutch_dashboard_names_languages_in_dutch_and_scrolls_in_its_own_region(client):
    from bs4 import BeautifulSoup

    client.force_login(choose_admin_language(make_user("baas", superuser=True), "nl"))
    soup = BeautifulSoup(client.get("/admin/translations/").content, "html.parser")
    headers = [th.get_text(strip=True) for th in soup.select("table.translation-status thead th")]
    assert {"Engels", "Duits", "Arabisch"} <= set(headers), headers
    assert not {"English", "Deutsch", "العربية"} & set(headers), headers
    region = soup.select_one(".translation-status__scroll")
    assert region["tabindex"] == "0" and region["role"] == "region"
    assert region.select_one("table.translation-status")
