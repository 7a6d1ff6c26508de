"""Unfinished drafts: a page an editor started and never published is offered back on their
dashboard (continue or delete), so the same page is not started twice (sitewide.staff.drafts)."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from wagtail.models import Page

from sitewide.staff.drafts import FORM_ID_FIELD
from tests.factories import InformationPageFactory
from tests.helpers import form_data, make_user

pytestmark = pytest.mark.django_db


def dutch_home():
    return Page.objects.get(depth=2, locale__language_code="nl")


def panel(client):
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    return soup.select_one("#unfinished-drafts-section, [id^=unfinished-drafts]")


def test_an_editors_unfinished_draft_is_offered_back(client):
    editor = make_user("redacteur", "Editors")
    draft = InformationPageFactory(parent=dutch_home(), title="Half af", live=False, owner=editor)
    draft.save_revision(user=editor)
    client.force_login(editor)
    found = panel(client)
    assert found is not None, "no unfinished drafts on the dashboard"
    text = found.get_text(" ", strip=True)
    assert "Half af" in text and "Your unfinished drafts" in text
    links = {a["href"] for a in found.select("a")}
    assert f"/admin/pages/{draft.pk}/edit/" in links
    assert f"/admin/pages/{draft.pk}/delete/" in links

    # Someone else's draft is not theirs to continue; a published page is not unfinished.
    client.force_login(make_user("ander", "Editors"))
    assert panel(client) is None
    draft.save_revision(user=editor).publish()
    client.force_login(editor)
    assert panel(client) is None


def new_page_form(client, parent):
    url = f"/admin/pages/add/sitewide/informationpage/{parent.pk}/"
    response = client.get(url)
    assert response.status_code == 200
    data = form_data(response.content.decode())
    data.setdefault("body-count", ["0"])
    return url, data, response


def test_saving_a_new_page_form_after_its_autosave_saves_that_page_not_a_second(client):
    """Autosave creates the page while the new-page form is open; a click on "Save draft" that
    posts the same form before autosave's answer arrives saves into that page (no slug clash, no
    second copy)."""
    editor = make_user("redacteur", "Editors")
    client.force_login(editor)
    url, data, _response = new_page_form(client, dutch_home())
    assert len(data[FORM_ID_FIELD][0]) == 32
    data.update({"title": ["Nachtdienst"], "slug": ["nachtdienst"]})
    autosave = client.post(url, data, headers={"Accept": "application/json"})
    assert autosave.json()["success"], autosave.content.decode()
    page_id = autosave.json()["pk"]

    data["title"] = ["Nachtdienst in de kas"]
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == f"/admin/pages/{page_id}/edit/"
    pages = Page.objects.filter(slug="nachtdienst")
    assert [page.pk for page in pages] == [page_id]
    assert pages.get().get_latest_revision_as_object().title == "Nachtdienst in de kas"

    # Another form is another page: the address is taken, and the form says so, and who
    # opens a new-page form here is told about the unfinished draft.
    url, other, response = new_page_form(client, dutch_home())
    said = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "You already started “Nachtdienst in de kas” here" in said
    assert other[FORM_ID_FIELD] != data[FORM_ID_FIELD]
    other.update({"title": ["Nachtdienst"], "slug": ["nachtdienst"]})
    assert client.post(url, other).status_code == 200
    assert Page.objects.filter(slug="nachtdienst").count() == 1

    # The form's id is the editor's own: someone else posting it creates their own page.
    client.force_login(make_user("ander", "Editors"))
    data["slug"] = ["ander-adres"]
    assert client.post(url, data).status_code == 302
    assert Page.objects.get(slug="ander-adres").pk != page_id
