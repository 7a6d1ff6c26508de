"""Workflows and tasks are stored under English names and read in the admin's language wherever
Wagtail shows them (stories.workflow.NameInAdminLanguage): the workflow history, the editor's
lock banner and status panel, the dashboard's review panels, the page's history and the workflow
report say "Beoordeling van een getuigenis" to Dutch staff and "Testimony review" to an account
that chose English. What is stored stays English, however the name was shown."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.utils import translation
from wagtail.models import Task, Workflow

from stories import workflow
from tests.factories import TestimonyPageFactory, story_index
from tests.helpers import choose_admin_language, form_data, make_user

pytestmark = pytest.mark.django_db

DUTCH = {
    "workflow": "Beoordeling van een getuigenis",
    "teller": "Goedkeuring van de verteller",
    "second": "Goedkeuring door een tweede persoon",
}
ENGLISH = {
    "workflow": "Testimony review",
    "teller": "Teller's approval",
    "second": "Second person's approval",
}


@pytest.fixture(autouse=True)
def production_default(settings, client):
    """Every staff account works in Dutch unless it chose English, whatever its browser says."""
    settings.ADMIN_DEFAULT_LANGUAGE = "nl"
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en-GB,en;q=0.9"


@pytest.fixture
def in_review():
    """A Dutch testimony an editor submitted: it waits for the teller's approval."""
    writer = make_user("schrijver", "Editors")
    page = TestimonyPageFactory(parent=story_index("nl"), title="Een verhaal ter beoordeling")
    page.save_revision(user=writer)
    workflow.testimony_workflow().start(page, writer)
    return page


def seen(response, selector: str = "body") -> str:
    """What a person reads in the selected part of a screen, tooltips included (scripts and
    templates are not read)."""
    assert response.status_code == 200, response.status_code
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    for hidden in soup.select("script, template"):
        hidden.decompose()
    parts = soup.select(selector)
    assert parts, selector
    tooltips = [
        node["data-w-tooltip-content-value"]
        for part in parts
        for node in part.select("[data-w-tooltip-content-value]")
    ]
    return " ".join([*(part.get_text(" ", strip=True) for part in parts), *tooltips])


def screens(client, page) -> dict[str, str]:
    """Every screen that names the workflow or its tasks, as the signed-in account reads it."""
    state = page.current_workflow_state
    return {
        "workflow history": seen(client.get(f"/admin/pages/{page.pk}/workflow_history/"), "main"),
        "workflow history detail": seen(
            client.get(f"/admin/pages/{page.pk}/workflow_history/detail/{state.pk}/"), "main"
        ),
        "page history": seen(client.get(f"/admin/pages/{page.pk}/history/"), "main"),
        "workflow report": seen(client.get("/admin/reports/workflow/"), "main"),
    }


def assert_names(text: str, names: dict, other: dict, *keys: str) -> None:
    for key in keys:
        assert names[key] in text, (names[key], text[:2000])
    for key in other:
        assert other[key] not in text, (other[key], text[:2000])


@pytest.mark.parametrize(
    ("language", "names", "other"), [("nl", DUTCH, ENGLISH), ("en", ENGLISH, DUTCH)]
)
def test_workflow_screens_name_the_workflow_in_the_admins_language(
    client, in_review, language, names, other
):
    boss = choose_admin_language(make_user("baas", superuser=True), language)
    client.force_login(boss)
    shown = screens(client, in_review)
    assert_names(shown["workflow history"], names, other, "workflow", "teller")
    assert_names(shown["workflow history detail"], names, other, "workflow", "teller", "second")
    # "'Beoordeling van een getuigenis' gestart. Volgende stap 'Goedkeuring van de verteller'"
    assert_names(shown["page history"], names, other, "workflow", "teller")
    assert_names(shown["workflow report"], names, other, "workflow", "teller")


@pytest.mark.parametrize(
    ("language", "names", "other"), [("nl", DUTCH, ENGLISH), ("en", ENGLISH, DUTCH)]
)
def test_the_editor_of_a_testimony_in_review_names_its_step_in_the_admins_language(
    client, in_review, language, names, other
):
    """A moderator opens the story while it waits for the teller: the lock banner and the status
    panel name the step and the workflow."""
    moderator = choose_admin_language(make_user("moderator", "Moderators"), language)
    client.force_login(moderator)
    editor = client.get(f"/admin/pages/{in_review.pk}/edit/")
    banner = seen(editor, ".messages")
    status = seen(editor, "[data-side-panel='status']")
    assert_names(banner + " " + status, names, other, "workflow", "teller")
    if language == "nl":
        # Wagtail's own Dutch sentence ran the name into "workflow ." and began without a capital.
        assert f"wacht op '{names['teller']}' in de workflow '{names['workflow']}'" in banner
        assert "Alleen beoordelaars van deze taak" in banner, banner
        assert f"Verstuurd naar {names['teller']}" in status, status


@pytest.mark.parametrize(
    ("language", "names", "other"), [("nl", DUTCH, ENGLISH), ("en", ENGLISH, DUTCH)]
)
def test_the_dashboards_review_panels_name_the_step_in_the_admins_language(
    client, in_review, language, names, other
):
    officer = choose_admin_language(make_user("officier", "Consent officers"), language)
    client.force_login(officer)
    awaiting = seen(client.get("/admin/"), "#awaiting-review-content, [id^=awaiting-review]")
    assert in_review.title in awaiting
    assert_names(awaiting, names, other, "teller")

    writer = in_review.current_workflow_state.requested_by
    client.force_login(choose_admin_language(writer, language))
    mine = seen(client.get("/admin/"), "[id^=objects-in-workflow]")
    assert in_review.title in mine
    assert_names(mine, names, other, "teller")


def stored(table: str) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT name FROM {table}")  # noqa: S608 - a fixed table name
        return {row[0] for row in cursor.fetchall()}


def test_a_save_stores_the_english_name(in_review):
    """Saved while the admin's language is Dutch (what Wagtail's views do), a workflow, its tasks
    and the log entries of its steps keep the English names, on either database."""
    with translation.override("nl"):
        testimony = Workflow.objects.get(name=workflow.TESTIMONY_WORKFLOW)
        assert str(testimony.name) == DUTCH["workflow"]
        testimony.save()
        for task in Task.objects.filter(workflow_tasks__workflow=testimony):
            assert str(task.specific.name) in (DUTCH["teller"], DUTCH["second"])
            task.specific.save()
        officer = make_user("officier", "Consent officers")
        in_review.current_workflow_task_state.approve(user=officer)
    assert {ENGLISH["workflow"]} <= stored("wagtailcore_workflow")
    assert {ENGLISH["teller"], ENGLISH["second"]} <= stored("wagtailcore_task")
    assert not stored("wagtailcore_workflow") & set(DUTCH.values())
    assert not stored("wagtailcore_task") & set(DUTCH.values())
    # Lookups by name keep working.
    assert workflow.testimony_workflow() == testimony
    assert in_review.current_workflow_task.name == ENGLISH["second"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT data FROM wagtailcore_pagelogentry WHERE page_id = %s AND action LIKE %s",
            [in_review.pk, "wagtail.workflow.%"],
        )
        raw = " ".join(str(row[0]) for row in cursor.fetchall())
    assert ENGLISH["workflow"] in raw and ENGLISH["teller"] in raw and ENGLISH["second"] in raw
    assert not any(name in raw for name in DUTCH.values()), raw


def test_the_workflow_editor_shows_the_name_translated_and_saving_it_keeps_the_stored_name(
    client,
):
    """A Dutch administrator opens the testimony workflow in Settings, Workflows: its name reads
    in Dutch; saving the form unchanged does not rename it (lookups by name would fail)."""
    client.force_login(make_user("baas", superuser=True))
    testimony = workflow.testimony_workflow()
    url = f"/admin/workflows/edit/{testimony.pk}/"
    form = client.get(url)
    name = BeautifulSoup(form.content.decode(), "html.parser").select_one("input[name=name]")
    assert name["value"] == DUTCH["workflow"]
    response = client.post(url, form_data(form.content.decode(), "form[method=post]"))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert stored("wagtailcore_workflow") >= {ENGLISH["workflow"]}
    assert workflow.testimony_workflow() is not None


@pytest.mark.parametrize(("language", "names"), [("nl", DUTCH), ("en", ENGLISH)])
def test_the_e_mail_to_the_reviewers_names_the_step_in_their_language(
    immediate_tasks, mailoutbox, language, names
):
    """The consent officers hear that a story waits for them, in their admin's language."""
    officer = choose_admin_language(make_user("officier", "Consent officers"), language)
    officer.email = "officier@example.org"
    officer.save()
    writer = make_user("schrijver", "Editors")
    page = TestimonyPageFactory(parent=story_index("nl"), title="Een verhaal per e-mail")
    page.save_revision(user=writer)
    workflow.testimony_workflow().start(page, writer)
    sent = [message for message in mailoutbox if officer.email in message.to]
    assert sent, [message.subject for message in mailoutbox]
    text = " ".join(f"{message.subject} {message.body}" for message in sent)
    assert names["teller"] in text, text
    other = ENGLISH if names is DUTCH else DUTCH
    assert other["teller"] not in text, text


def test_a_dump_made_in_dutch_holds_the_stored_names():
    """`dumpdata` writes a field's `value_to_string()`: in a process whose language is Dutch (the
    site's default), the dump still holds the English names the database holds."""
    import io
    import json

    from django.core.management import call_command

    out = io.StringIO()
    with translation.override("nl"):
        call_command("dumpdata", "wagtailcore.workflow", "wagtailcore.task", stdout=out)
    names = {row["fields"]["name"] for row in json.loads(out.getvalue())}
    assert {ENGLISH["workflow"], ENGLISH["teller"], ENGLISH["second"]} <= names
    assert not names & set(DUTCH.values())
