"""Reach without tracking (docs/reach.md): counted views, cached or not; the reading beacon and
its bad input; the figures' bounds; the report, its CSV and the command; the teller's figures.
Nothing about a reader is kept: no cookie, and the new table holds integers per page, language,
day and measure."""

import csv
import datetime
import io
import logging

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.utils import timezone, translation

from scripts.served_site import free_port
from stories.consent.takedown import withdraw
from stories.models import ConsentWithdrawal, TestimonyPage
from stories.reach import counting, periods, report
from stories.reach.models import ReachCounter
from stories.reach.projects import label, projects_of
from stories.reach.views import page_facts
from tests.helpers import (
    FIRST_PSEUDONYM,
    SECOND_PSEUDONYM,
    choose_admin_language,
    demo_story,
    make_user,
)
from tests.servers import redis_server

pytestmark = pytest.mark.django_db

BROWSER = (
    "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120 Mobile Safari/537.36"
)
CRAWLER = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


@pytest.fixture(autouse=True)
def nothing_pending():
    counting.flush()
    ReachCounter.objects.all().delete()
    yield
    with counting._lock:
        counting._pending.clear()


def figures(page) -> dict:
    counting.flush()
    rows = report.per_page(
        page_ids=[page.pk], chapters_of=lambda _pk: len(page.table_of_contents())
    )
    return rows[0] if rows else {"views": 0, "ends": 0, "chapters": []}


def beacon(client, page, **fields):
    data = {"page": str(page.pk), **fields}
    headers = {"HTTP_USER_AGENT": BROWSER, "HTTP_SEC_FETCH_SITE": "same-origin"}
    headers.update({key: value for key, value in fields.items() if key.startswith("HTTP_")})
    data = {key: value for key, value in data.items() if not key.startswith("HTTP_")}
    response = client.post("/reach/", data, **headers)
    assert response.status_code == 204 and response.content == b""
    return response


def test_views_count_cached_or_not_and_only_readers_browsers(client):
    page = demo_story(FIRST_PSEUDONYM, "nl")
    first = client.get(page.url, HTTP_USER_AGENT=BROWSER)
    second = client.get(page.url, HTTP_USER_AGENT=BROWSER)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    client.get(page.url, HTTP_USER_AGENT=CRAWLER)  # a crawler
    client.get(page.url)  # a script that does not name itself
    client.get(page.url, HTTP_USER_AGENT=BROWSER, HTTP_SEC_PURPOSE="prefetch")
    assert figures(page)["views"] == 2
    assert not first.cookies and not second.cookies
    # Staff reading the page with a session are not readers.
    client.force_login(make_user("staff-reader", superuser=True))
    client.get(page.url, HTTP_USER_AGENT=BROWSER)
    assert figures(page)["views"] == 2


def test_the_page_names_the_beacon_and_its_page(client):
    page = demo_story(FIRST_PSEUDONYM, "en")
    html = client.get(page.url, HTTP_USER_AGENT=BROWSER).content.decode()
    assert 'data-reach="/reach/"' in html and f'data-reach-page="{page.pk}"' in html
    assert "data-reach-end" in html


def test_the_beacon_counts_the_furthest_chapter_and_the_end(client):
    page = demo_story(FIRST_PSEUDONYM, "en")
    chapters = len(page.table_of_contents())
    assert chapters >= 2
    for _ in range(12):
        client.get(page.url, HTTP_USER_AGENT=BROWSER)
    for _ in range(10):
        beacon(client, page, chapter="1")
    beacon(client, page, chapter=str(chapters), end="1")
    figure = figures(page)
    assert figure["views"] == 12 and figure["ends"] == 1
    assert figure["chapters"][0] == 11 and figure["chapters"][-1] == 1
    assert figure["completion"] == round(100 / 12)


def test_bad_beacons_change_nothing(client):
    page = demo_story(FIRST_PSEUDONYM, "en")
    chapters = len(page.table_of_contents())
    beacon(client, page, chapter=str(chapters + 1), end="1")  # a chapter out of range
    beacon(client, page, chapter="-1")
    beacon(client, page, chapter="x")
    beacon(client, page, chapter="1", HTTP_SEC_FETCH_SITE="cross-site")  # another site's page
    beacon(client, page, chapter="1", HTTP_USER_AGENT=CRAWLER)
    response = client.post("/reach/", {"page": "999999", "chapter": "1"}, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 204
    assert client.get("/reach/").status_code == 405
    assert counting.pending() == {}
    # A story readers may no longer see: its beacons count nothing.
    withdraw(page.consent, "test", part=ConsentWithdrawal.EVERYTHING)
    cache.clear()
    beacon(client, page, chapter="1", end="1")
    assert counting.pending() == {}
    assert page_facts(page.pk) is None


def test_a_flood_of_beacons_never_takes_a_figure_past_the_views(client):
    page = demo_story(FIRST_PSEUDONYM, "en")
    for _ in range(3):
        client.get(page.url, HTTP_USER_AGENT=BROWSER)
    for _ in range(40):
        beacon(client, page, chapter="1", end="1")
    figure = figures(page)
    assert figure["views"] == 3 and figure["ends"] == 3 and figure["completion"] == 100
    assert max(figure["chapters"]) == 3


def test_only_integers_per_page_language_day_and_measure_are_kept():
    fields = {field.name for field in ReachCounter._meta.get_fields()}
    assert fields == {"id", "page", "language", "day", "measure", "count"}
    page = demo_story(FIRST_PSEUDONYM, "nl")
    assert page_facts(page.pk) == ("nl", len(page.table_of_contents()))
    assert cache.get(f"stories:reach:page:{page.pk}") == ("nl", len(page.table_of_contents()))


def test_a_database_that_cannot_be_written_loses_no_count(monkeypatch):
    page = demo_story(FIRST_PSEUDONYM, "nl")
    counting.count(page.pk, "nl", "view")

    def broken(*args):
        raise RuntimeError("database unavailable")

    monkeypatch.setattr(counting, "_add", broken)
    assert counting.flush() == 0
    assert sum(counting.pending().values()) == 1
    monkeypatch.undo()
    assert counting.flush() == 1
    assert ReachCounter.objects.get(page=page, measure="view").count == 1


def test_counts_of_a_page_deleted_before_they_are_written_are_dropped():
    from tests.factories import TestimonyPageFactory, story_index

    page = TestimonyPageFactory(parent=story_index("en"))
    counting.count(page.pk, "en", "view")
    kept = demo_story(FIRST_PSEUDONYM, "nl")
    counting.count(kept.pk, "nl", "view")
    page.delete()
    assert counting.flush() == 1
    assert list(ReachCounter.objects.values_list("page_id", flat=True)) == [kept.pk]
    assert counting.pending() == {}


def csv_rows(response, separator) -> list[list[str]]:
    assert response["Content-Type"].startswith("text/csv")
    assert response.content.startswith(b"\xef\xbb\xbf")  # UTF-8 with its byte order mark
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=separator))


def test_the_report_and_its_csv_hide_small_figures(client):
    page = demo_story(FIRST_PSEUDONYM, "nl")
    for _ in range(3):
        client.get(page.url, HTTP_USER_AGENT=BROWSER)
    beacon(client, page, chapter="1", end="1")
    counting.flush()
    from bs4 import BeautifulSoup

    from stories.models import NewsPage

    news = NewsPage.objects.live().filter(locale__language_code="nl").first()
    ReachCounter.objects.create(
        page=news, language="nl", day=timezone.localdate(), measure="view", count=12
    )
    client.force_login(choose_admin_language(make_user("reporter", superuser=True), "nl"))
    screen = client.get("/admin/reach/").content.decode()
    assert "Mijn vertrouwen terug" in screen and "minder dan 10" in screen
    # A news page's 0% read to the end says why, at the figure itself.
    row = BeautifulSoup(screen, "html.parser").select_one(f'[data-reach-row="{news.pk}-nl"]')
    completion = row.select("td")[4].get_text(" ", strip=True)
    assert completion.startswith("0%") and "de helft van de leestijd open hield" in completion
    detail = client.get(f"/admin/reach/{page.pk}/").content.decode()
    assert "Te weinig lezers deze maand" in detail
    # In the CSV a hidden figure is an empty cell, and the note says why.
    rows = csv_rows(client.get("/admin/reach/", {"format": "csv"}), ";")
    mine = [row for row in rows if row[1] == page.url]
    assert [row[-4:] for row in mine] == [["", "", "", HIDDEN_BOTH]]


HIDDEN_BOTH = (
    "weergaven: minder dan 10, verborgen; tot het eind gelezen: minder dan 10, verborgen; "
    "geen percentage: dat zou een verborgen getal verraden"
)


def test_the_csv_opens_in_a_dutch_spreadsheet(client):
    """Headers in the admin's language, `;` in Dutch, a BOM, the title beside the path, a row per
    month of the period (per day on request), no title a spreadsheet would run."""
    page = demo_story(FIRST_PSEUDONYM, "nl")
    page.title = '=HYPERLINK("http://example.com";"Één")'
    page.save(update_fields=["title"])
    today = timezone.localdate()
    earlier = (today.replace(day=1) - datetime.timedelta(days=1)).replace(day=3)
    for day, views, ends in [(earlier, 12, 10), (earlier.replace(day=4), 3, 1), (today, 2, 2)]:
        ReachCounter.objects.create(page=page, language="nl", day=day, measure="view", count=views)
        ReachCounter.objects.create(page=page, language="nl", day=day, measure="end", count=ends)
    user = choose_admin_language(make_user("reporter", superuser=True), "nl")
    client.force_login(user)
    period = {"from": earlier.replace(day=2).isoformat(), "to": today.isoformat()}
    exported = client.get("/admin/reach/", {**period, "format": "csv"})
    assert 'filename="reach-' in exported["Content-Disposition"]
    rows = csv_rows(exported, ";")
    assert rows[0] == ["Titel", "Pad", "Project", "Taal", "Eerste dag", "Laatste dag",
                       "Weergaven", "Tot het eind gelezen", "Uitgelezen (%)",
                       "Toelichting"]  # fmt: skip
    title = '\'=HYPERLINK("http://example.com";"Één")'
    projects = " / ".join(projects_of([page.pk]).get(page.pk, []))
    assert rows[1:] == [
        [title, page.url, projects, "Nederlands", period["from"],
         f"{earlier:%Y-%m}-{_last_day(earlier)}", "15", "11", "73", ""],
        [title, page.url, projects, "Nederlands", f"{today:%Y-%m}-01", period["to"], "", "", "",
         HIDDEN_BOTH],
        # The totals: one hidden part would be told by the sum, so at least the others' sum.
        # Its label in the first column, the whole period in its day columns.
        ["Totaal", "", "", "", period["from"], period["to"], "15", "11", "",
         "weergaven: minstens dit aantal; één getal onder de 10 is verborgen; tot het eind "
         "gelezen: minstens dit aantal; één getal onder de 10 is verborgen; geen percentage: dat "
         "zou een verborgen getal verraden"],
    ]  # fmt: skip
    # What a spreadsheet adds up is what the file shows.
    assert sum(int(row[6] or 0) for row in rows[1:-1]) == int(rows[-1][6])
    per_day = csv_rows(client.get("/admin/reach/", {**period, "format": "csv", "per": "day"}), ";")
    assert per_day[0][4] == "Dag" and len(per_day) == 5
    assert per_day[-1][:5] == ["Totaal", "", "", "", ""]  # no period in the "Dag" column
    assert [row[4:9] for row in per_day[1:3]] == [
        [earlier.isoformat(), "12", "10", "83", ""],
        [earlier.replace(day=4).isoformat(), "", "", "", HIDDEN_BOTH],
    ]
    # This month, not over yet: its last day is today, the last day counted so far.
    running = csv_rows(client.get("/admin/reach/", {"format": "csv"}), ";")
    this_month = [f"{today:%Y-%m}-01", today.isoformat()]
    assert [row[4:6] for row in running[1:]] == [this_month, this_month]
    choose_admin_language(user, "en")
    english = csv_rows(client.get("/admin/reach/", {**period, "format": "csv"}), ",")
    assert english[0] == ["Title", "Path", "Project", "Language", "First day", "Last day",
                          "Views", "Read to the end", "Completion (%)", "Note"]  # fmt: skip
    assert english[1][5:] == [f"{earlier:%Y-%m}-{_last_day(earlier)}", "15", "11", "73", ""]
    assert english[2][-1].startswith("views: fewer than 10, hidden; read to the end: fewer")


def _last_day(day) -> str:
    following = (day.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return f"{(following - datetime.timedelta(days=1)).day:02d}"


def test_a_period_of_days_a_year_or_the_last_twelve_months(client):
    page = demo_story(FIRST_PSEUDONYM, "nl")
    today = timezone.localdate()
    long_ago = datetime.date(today.year - 2, 6, 15)
    ReachCounter.objects.create(page=page, language="nl", day=long_ago, measure="view", count=40)
    # The last twelve months: the running month and the eleven before it, up to today.
    first = periods.chosen({"last": "12"}).since
    assert first.day == 1 and first.year * 12 + first.month + 11 == today.year * 12 + today.month
    before = first - datetime.timedelta(days=1)
    for day, count in [(before, 30), (first, 11), (today.replace(day=1), 5)]:
        ReachCounter.objects.create(page=page, language="nl", day=day, measure="view", count=count)
    client.force_login(choose_admin_language(make_user("reporter", superuser=True), "nl"))

    def views(params) -> str:
        from bs4 import BeautifulSoup

        response = client.get("/admin/reach/", params)
        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        row = soup.select_one(f'[data-reach-row="{page.pk}-nl"]')
        alert = soup.select_one('[role="alert"]')
        return (row.select("td")[2].get_text() if row else "", alert.get_text() if alert else "")

    assert views({}) == ("minder dan 10", "")  # this month
    assert views({"year": str(long_ago.year)}) == ("40", "")
    assert views({"from": f"{long_ago.year}-06-15", "to": f"{long_ago.year}-06-15"}) == ("40", "")
    assert views({"from": f"{long_ago.year}-06-16", "to": f"{long_ago.year}-12-31"}) == ("", "")
    assert views({"last": "12"}) == ("16", "")  # the running month too, not the one before
    from bs4 import BeautifulSoup
    from django.utils.formats import date_format

    def screen_of(params):
        return BeautifulSoup(client.get("/admin/reach/", params).content, "html.parser")

    last12 = screen_of({"last": "12"})
    with translation.override("nl"):
        today_named = date_format(today, "j F Y")
        first_named = date_format(first, "j F Y")
    # Said once, inside a sentence without a capital, as a heading with one.
    assert last12.select_one("h2.w-h3").get_text() == (
        f"De laatste 12 maanden: {first_named} tot en met {today_named} (de periode loopt nog)"
    )
    assert last12.select_one("caption").get_text().startswith("Bereik in de laatste 12 maanden: ")
    this_year = {"from": f"{today.year}-01-01", "to": f"{today.year}-12-31"}
    assert screen_of(this_year).select_one("h2.w-h3").get_text() == (
        f"1 januari {today.year} tot en met {today_named} (de periode loopt nog)"
    )

    def years(params) -> list[str]:
        menu = screen_of(params).select("#reach-period option")
        return [option["value"] for option in menu if option["value"].startswith("year:")]

    # The same years to choose on every screen, whatever period it shows.
    assert years({}) == [f"year:{year}" for year in range(today.year, long_ago.year - 1, -1)]
    assert (
        years({})
        == years({"from": "2015-01-01", "to": "2015-01-02"})
        == years({"month": "2014-03"})
    )
    # One compact form chooses the period, with one button (a phone shows the figures soon).
    assert len(last12.select("form.reach-period")) == 1
    assert len(last12.select(".reach-period button")) == 1
    assert last12.select_one("#reach-period option[selected]")["value"] == "last:12"
    assert views({"period": "last:12", "from": "", "to": ""}) == ("16", "")
    assert views({"period": f"year:{long_ago.year}"}) == ("40", "")
    on_the_day = {"from": f"{long_ago.year}-06-15", "to": f"{long_ago.year}-06-15"}
    assert views({"period": "range", **on_the_day}) == ("40", "")
    assert "met dag, maand en jaar" in views({"period": "range", "from": "", "to": ""})[1]
    # Not a period: this month, with a message saying why, never an error page.
    reversed_days = {"from": f"{today.year}-03-10", "to": f"{today.year}-03-01"}
    refused = "De laatste dag ligt vóór de eerste dag. Kies een laatste dag die erna komt."
    assert views(reversed_days) == ("minder dan 10", refused)
    assert "met dag, maand en jaar" in views({"from": "2026-02-30", "to": "2026-03-01"})[1]
    assert views({"year": "twenty"})[1] == "Kies een jaar uit de lijst."
    # The CSV and the links follow the period.
    year = {"year": str(long_ago.year)}
    rows = csv_rows(client.get("/admin/reach/", {**year, "format": "csv"}), ";")
    assert [row[4:] for row in rows[1:-1]] == [[f"{long_ago:%Y-%m}-01", f"{long_ago:%Y-%m}-30",
                                                "40", "0", "0", ""]]  # fmt: skip
    screen = client.get("/admin/reach/", year).content.decode()
    assert f'href="/admin/reach/{page.pk}/?year={long_ago.year}"' in screen
    # The page's own screen: month by month, every month of the period; the year's figure
    # beside them tells no hidden month (at least June's, not 45).
    july = long_ago.replace(month=7, day=1)
    ReachCounter.objects.create(page=page, language="nl", day=july, measure="view", count=5)
    soup = BeautifulSoup(client.get(f"/admin/reach/{page.pk}/", year).content, "html.parser")
    table = soup.select_one('[data-reach-months="nl"]')
    assert table.caption.get_text() == "Per maand: Nederlands"
    assert [th.get_text() for th in table.select("thead th")] == [
        "Maand", "Weergaven", "Tot het eind gelezen", "Uitgelezen"
    ]  # fmt: skip
    months = [[cell.get_text() for cell in row.select("th, td")] for row in table.tbody("tr")]
    assert len(months) == 12
    assert months[5:8] == [
        [f"juni {long_ago.year}", "40", "0", "0%"],
        [f"juli {long_ago.year}", "minder dan 10", "0", "–"],
        [f"augustus {long_ago.year}", "0", "0", "–"],
    ]
    section = soup.select_one('section[aria-labelledby="reach-nl"]').get_text(" ")
    assert "minstens 40" in section and "45" not in section


def test_the_chapter_curve_is_drawn_once_there_are_enough_readers(client):
    page = demo_story(FIRST_PSEUDONYM, "en")
    for _ in range(20):
        client.get(page.url, HTTP_USER_AGENT=BROWSER)
    for _ in range(10):
        beacon(client, page, chapter="2")
    counting.flush()
    client.force_login(choose_admin_language(make_user("reporter", superuser=True), "nl"))
    detail = client.get(f"/admin/reach/{page.pk}/").content.decode()
    assert detail.count("<rect") == len(page.table_of_contents())
    assert 'width="50"' in detail  # half of the readers reached the second chapter


def test_a_projects_reach_adds_up_its_page_and_the_stories_and_news_linked_to_it(client):
    from bs4 import BeautifulSoup

    from stories.models import NewsPage, ProjectPage

    project = ProjectPage.objects.get(acronym="REST", locale__language_code="nl")
    news = NewsPage.objects.get(related_projects=project, locale__language_code="nl")
    story = demo_story(FIRST_PSEUDONYM, "nl")  # linked on its source: every language follows
    TestimonyPage.related_projects.through.objects.create(testimonypage=story, projectpage=project)
    english = demo_story(FIRST_PSEUDONYM, "en")
    other = demo_story(SECOND_PSEUDONYM, "nl")  # not linked: not the project's
    for page, language, views, ends in [
        (project, "nl", 12, 6),
        (story, "nl", 3, 1),
        (news, "nl", 2, 0),
        (english, "en", 20, 10),
        (other, "nl", 50, 50),
    ]:
        for number in range(views):
            counting.count(page.pk, language, "view")
            if number < ends:
                counting.count(page.pk, language, "end")
    client.force_login(choose_admin_language(make_user("reporter", superuser=True), "nl"))

    # Reachable from the report's project row and its Projects tab.
    listing = client.get("/admin/reach/").content.decode()  # writes the counts first
    assert f'href="/admin/reach/projects/{project.pk}/?month=' in listing
    assert 'href="/admin/reach/projects/?month=' in listing and "Projecten" in listing
    projects = BeautifulSoup(client.get("/admin/reach/projects/").content, "html.parser")
    row = projects.select_one(f'[data-reach-project="{project.pk}"]')
    # Dutch readers to the end (7) are hidden: 17 beside English 10 would tell them.
    assert [cell.get_text() for cell in row.select("td")][2:] == ["37", "minstens 10", "–"]

    screen = client.get(f"/admin/reach/projects/{project.pk}/")
    soup = BeautifulSoup(screen.content, "html.parser")

    def cells(selector):
        return [cell.get_text() for cell in soup.select_one(selector).select("td")]

    assert "Per taal" in soup.get_text() and "Bereik: " + project.title in soup.get_text()
    assert soup.select_one("[data-reach-no-story]") is None  # a story is linked
    # Fewer than 10 read to the end in Dutch: no rate either, which would tell how many.
    assert cells('[data-reach-language="nl"]') == ["Nederlands", "17", "minder dan 10", "–"]
    assert cells('[data-reach-language="en"]')[1:] == ["20", "10", "50%"]
    # Beside them, the total of all languages would tell the hidden Dutch 7 (17 less English
    # 10): at least the others' sum, without a rate.
    assert cells('[data-reach-language="all"]') == ["37", "minstens 10", "–"]
    # Each page with its own figures, the project first; small figures not told exactly.
    rows = soup.select("[data-reach-page]")
    listed = [row["data-reach-page"] for row in rows]
    kinds = [row.select("td")[1].get_text() for row in rows]
    assert f"{project.pk}-nl" in listed and kinds[0] == "Project"
    assert kinds == sorted(kinds, key=["Project", "Getuigenis", kinds[-1]].index)
    assert cells(f'[data-reach-page="{story.pk}-nl"]')[1:] == [
        "Getuigenis",
        "Nederlands",
        "minder dan 10",
        "minder dan 10",
        "–",
    ]
    assert cells(f'[data-reach-page="{news.pk}-nl"]')[-2] == "0"  # none is not "fewer than 10"
    month = timezone.localdate()
    assert f"tot en met {month.day} " in soup.select_one("h2.w-h3").get_text()
    assert f"{english.pk}-en" in listed and f"{news.pk}-nl" in listed
    assert not any(row.startswith(f"{other.pk}-") for row in listed)
    # The CSV: the figures of the project's pages, and of no other page.
    exported = client.get(f"/admin/reach/projects/{project.pk}/", {"format": "csv"})
    assert f'filename="reach-{project.slug}-' in exported["Content-Disposition"]
    rows = csv_rows(exported, ";")
    assert sorted(row[6:8] for row in rows[1:-1]) == sorted(
        [["12", ""], ["", ""], ["", "0"], ["20", "10"]]
    )  # fmt: skip
    assert {row[2] for row in rows[1:-1]} == {label(project)}  # the project column
    # The same figures as the screens: two hidden views, exact, saying what they include; the
    # readers to the end at least English 10, as the hidden Dutch sum is the one untold part.
    assert rows[-1][6:9] == ["37", "10", ""]
    assert "inclusief getallen onder de 10" in rows[-1][9] and "minstens" in rows[-1][9]
    assert client.get(f"/admin/reach/projects/{story.pk}/").status_code == 404


def test_the_command_prints_one_row_per_page_language_and_day(client):
    page = demo_story(FIRST_PSEUDONYM, "nl")
    client.get(page.url, HTTP_USER_AGENT=BROWSER)
    out = io.StringIO()
    call_command("reach_report", "--csv", stdout=out)  # writes what this process counted first
    lines = out.getvalue().splitlines()
    assert lines[0] == "path,language,day,views,readers_who_reached_the_end"
    assert any(line.startswith(f"{page.url},nl,") and line.endswith(",1,0") for line in lines)
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("reach_report", "--since", "yesterday")


def test_the_teller_sees_the_figures_of_their_story(client):
    from stories.teller import service

    pages = TestimonyPage.objects.filter(pseudonym=FIRST_PSEUDONYM)
    for page in pages:
        client.get(page.url, HTTP_USER_AGENT=BROWSER)
    counting.flush()
    # Read in English explicitly: "fewer than 10" is translated in every reader language, and a
    # request of an earlier test in the same worker may have left another language active.
    with translation.override("en"):
        facts = service.overview(pages.first().consent)
    assert {item["readers"] for item in facts["translations"]} == {"fewer than 10"}


# --- Through Redis (REDIS_URL): every process's counts meet there, any process writes them ------


@pytest.fixture(scope="module")
def reach_redis_url(tmp_path_factory):
    with redis_server(tmp_path_factory.mktemp("reach-redis")) as url:
        yield url


@pytest.fixture
def reach_redis(reach_redis_url, settings):
    """The counters go through a real, empty Redis; the client to look into it."""
    import redis

    settings.REACH_REDIS_URL = reach_redis_url
    client = redis.Redis.from_url(reach_redis_url)
    client.flushdb()
    yield client
    client.close()


def test_two_processes_counts_meet_in_redis_and_are_written_once(reach_redis, monkeypatch):
    page = demo_story(FIRST_PSEUDONYM, "nl")
    first, second = counting.Tally(), counting.Tally()  # two web processes' memories
    for _ in range(3):
        first.count(page.pk, "nl", "view")
    for _ in range(2):
        second.count(page.pk, "nl", "view")
    write = counting.write

    def second_flushes_meanwhile(batch):
        # While the first process writes what it took from Redis, the second flushes too: it
        # finds only its own counts there, never the first's.
        monkeypatch.setattr(counting, "write", write)
        assert second.flush() == 1
        assert ReachCounter.objects.get(page=page, measure="view").count == 2
        return write(batch)

    monkeypatch.setattr(counting, "write", second_flushes_meanwhile)
    assert first.flush() == 1
    assert ReachCounter.objects.get(page=page, measure="view").count == 5
    assert first.flush() == second.flush() == 0
    assert reach_redis.keys("longread:reach:*") == []
    # Only integers per page, language, day and measure ever sat in Redis.
    third = counting.Tally()
    third.count(page.pk, "nl", "end")
    assert third._push(third.redis(), third.take())
    [(field, amount)] = reach_redis.hgetall(counting.PENDING_KEY).items()
    assert (field.decode().split("|")[::3], amount) == ([str(page.pk), "end"], b"1")
    # The command writes what Redis holds first, whichever process counted it.
    out = io.StringIO()
    call_command("reach_report", "--csv", stdout=out)
    assert any(line.startswith(f"{page.url},nl,") for line in out.getvalue().splitlines())
    assert ReachCounter.objects.get(page=page, measure="end").count == 1


def test_a_flush_that_cannot_write_leaves_the_counts_in_redis(reach_redis, monkeypatch):
    page = demo_story(FIRST_PSEUDONYM, "nl")
    counting.count(page.pk, "nl", "view")
    counting.count(page.pk, "nl", "view")

    def broken(*args):
        raise RuntimeError("database unavailable")

    monkeypatch.setattr(counting, "_add", broken)
    assert counting.flush() == 0
    assert counting.pending() == {}  # pushed to Redis, and put back there
    assert reach_redis.hvals(counting.PENDING_KEY) == [b"2"]
    assert reach_redis.keys(counting.DRAINING_KEY + "*") == []
    monkeypatch.undo()
    assert counting.flush() == 1
    assert ReachCounter.objects.get(page=page, measure="view").count == 2
    assert reach_redis.keys("longread:reach:*") == []


def test_a_redis_that_is_down_breaks_no_page_view(client, settings, caplog):
    settings.REACH_REDIS_URL = f"redis://127.0.0.1:{free_port()}/0"  # nothing listens there
    page = demo_story(FIRST_PSEUDONYM, "nl")
    for _ in range(2):
        assert client.get(page.url, HTTP_USER_AGENT=BROWSER).status_code == 200
    assert sum(counting.pending().values()) == 2  # counted in memory
    with caplog.at_level(logging.WARNING, logger="stories.reach.counting"):
        assert counting.flush() == 1  # straight to the database
        counting.count(page.pk, "nl", "view")
        assert counting.flush() == 1
    assert ReachCounter.objects.get(page=page, measure="view").count == 3
    told = [record for record in caplog.records if "Redis unreachable" in record.message]
    assert len(told) == 1  # once, not at every flush


def test_a_sum_with_one_hidden_part_does_not_tell_it(client):
    """Dutch 42 and English "fewer than 10" with a total of 50 would tell English: 8. A sum of
    which exactly one part is hidden says "at least" the others' sum, without a rate."""
    from bs4 import BeautifulSoup

    from stories.models import ProjectPage

    project = ProjectPage.objects.get(acronym="REST", locale__language_code="nl")
    english = ProjectPage.objects.get(
        translation_key=project.translation_key, locale__language_code="en"
    )
    for page, language, views in [(project, "nl", 42), (english, "en", 8)]:
        for _ in range(views):
            counting.count(page.pk, language, "view")
    client.force_login(choose_admin_language(make_user("reporter", superuser=True), "nl"))
    client.get("/admin/reach/")  # writes the counts
    soup = BeautifulSoup(client.get(f"/admin/reach/projects/{project.pk}/").content, "html.parser")
    total = [
        cell.get_text() for cell in soup.select_one('[data-reach-language="all"]').select("td")
    ]
    assert total == ["minstens 42", "0", "–"]
    assert "50" not in soup.get_text()
    projects = BeautifulSoup(client.get("/admin/reach/projects/").content, "html.parser")
    row = projects.select_one(f'[data-reach-project="{project.pk}"]')
    assert [cell.get_text() for cell in row.select("td")][2:] == ["minstens 42", "0", "–"]
    # The projects' CSV, linked from their screen, keeps the rule: numbers only, and no 50.
    assert "format=csv" in projects.find("a", string="CSV downloaden")["href"]
    rows = csv_rows(client.get("/admin/reach/projects/", {"format": "csv"}), ";")
    assert rows[0][:2] == ["Project", "Pagina's (alle talen)"]
    [mine] = [row for row in rows if row[0].endswith(project.title)]
    assert mine[4:7] == ["42", "0", ""] and mine[7].startswith("weergaven: minstens dit aantal")
    assert rows[-1][0] == "Alle projecten (elke pagina één keer)" and rows[-1][4] == "42"
    assert rows[-1][2:4] == mine[2:4] and all(rows[-1][2:4])  # the period, on every row
    assert "50" not in [cell for row in rows for cell in row]
    # The project's own CSV: its totals name the project and the period.
    own = csv_rows(client.get(f"/admin/reach/projects/{project.pk}/", {"format": "csv"}), ";")
    assert own[-1][0] == "Totaal" and "REST" in own[-1][2] and own[-1][4:6] == mine[2:4]


def test_no_told_figure_lets_a_hidden_one_be_worked_out(client):
    """Two Dutch pages, 15 views and 2 (hidden), and an English page with 5 (hidden): a total
    told from true values ("at least 17", or 22 beside it) would tell both hidden figures
    (17 - 15 and 22 - 17). Every sum is told over its pages per language, from what is shown,
    and the screens and the CSVs tell the same figure for the same sum."""
    import re

    from bs4 import BeautifulSoup

    from stories.models import NewsPage, ProjectPage

    project = ProjectPage.objects.get(acronym="REST", locale__language_code="nl")
    news = NewsPage.objects.get(related_projects=project, locale__language_code="nl")
    english = ProjectPage.objects.get(
        translation_key=project.translation_key, locale__language_code="en"
    )
    for page, language, views in [(news, "nl", 15), (project, "nl", 2), (english, "en", 5)]:
        for _ in range(views):
            counting.count(page.pk, language, "view")
    client.force_login(choose_admin_language(make_user("reporter", superuser=True), "nl"))
    client.get("/admin/reach/")  # writes the counts
    address = f"/admin/reach/projects/{project.pk}/"
    soup = BeautifulSoup(client.get(address).content, "html.parser")

    def views(selector, page=soup):
        return page.select_one(selector).select("td")[-3].get_text()

    assert views('[data-reach-language="nl"]') == "minstens 15"
    assert views('[data-reach-language="en"]') == "minder dan 10"
    assert views('[data-reach-language="all"]') == "22"  # two hidden parts: exact
    assert views(f'[data-reach-page="{project.pk}-nl"]') == "minder dan 10"
    projects = BeautifulSoup(client.get("/admin/reach/projects/").content, "html.parser")
    assert views(f'[data-reach-project="{project.pk}"]', projects) == "22"
    told = [  # views and read to the end: the last cells but the rate, in every row
        cell.get_text()
        for screen in (soup, projects)
        for row in screen.select("tr")
        for cell in row.select("td")[-3:-1]
    ]
    for per in ("month", "day"):
        told += [cell for row in csv_rows(client.get(address, {"format": "csv", "per": per}), ";")
                 for cell in row[6:8]]  # fmt: skip
    told += [cell for row in csv_rows(client.get("/admin/reach/projects/", {"format": "csv"}), ";")
             for cell in row[4:6]]  # fmt: skip
    numbers = {int(found) for text in told for found in re.findall(r"(?:^|minstens )(\d+)$", text)}
    assert numbers and numbers <= {0, 15, 22}
    # No figure told, nor any difference of two, is one of the hidden figures.
    assert not {abs(a - b) for a in numbers for b in numbers} & {2, 5}


def test_a_project_without_a_linked_story_says_how_to_link_one(client):
    from bs4 import BeautifulSoup
    from django.utils import translation
    from django.utils.text import capfirst

    from stories.models import ProjectPage

    project = ProjectPage.objects.filter(locale__language_code="nl").first()
    TestimonyPage.related_projects.through.objects.filter(
        projectpage__translation_key=project.translation_key
    ).delete()
    client.force_login(choose_admin_language(make_user("reporter", superuser=True), "nl"))
    soup = BeautifulSoup(client.get(f"/admin/reach/projects/{project.pk}/").content, "html.parser")
    hint = soup.select_one("[data-reach-no-story]").get_text()
    assert "Er is nog geen verhaal aan dit project gekoppeld" in hint
    # It names the field as the story's edit screen labels it.
    with translation.override("nl"):
        label = capfirst(TestimonyPage._meta.get_field("related_projects").verbose_name)
    assert f"‘{label}’" in hint


def test_days_typed_in_the_form_choose_them_whatever_the_menu_says():
    month = {"period": "month:2026-11", "shown_from": "", "shown_to": ""}
    typed = periods.chosen({**month, "from": "2026-10-01", "to": "2026-10-31"})
    assert (typed.kind, typed.since, typed.until) == (
        "range",
        datetime.date(2026, 10, 1),
        datetime.date(2026, 11, 1),
    )
    # Days the form showed (a range chosen before), left as they were: the menu's month.
    shown = {"from": "2026-10-01", "to": "2026-10-31"}
    again = periods.chosen({**month, **shown, "shown_from": "2026-10-01", "shown_to": "2026-10-31"})
    assert (again.kind, again.since) == ("month", datetime.date(2026, 11, 1))
    # One day typed only: said, never a silent other period.
    half = periods.chosen({**month, "from": "2026-10-01", "to": ""})
    assert half.kind == "month" and half.error and half.entered["from"] == "2026-10-01"
