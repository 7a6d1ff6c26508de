"""Unfinished drafts: a page an editor started and never published is offered back on their
dashboard (continue or delete), so the same page is not started twice (sitewide.staff.drafts)."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from tests.factories import InformationPageFactory
from tests.helpers import make_user

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
