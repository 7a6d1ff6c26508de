"""A staff member whose browser asks for English while the admin speaks Dutch (no language
chosen) reads on the dashboard, in both languages, where to choose another."""

import pytest
from bs4 import BeautifulSoup

from tests.helpers import choose_admin_language, make_user

pytestmark = pytest.mark.django_db


def hint(client):
    soup = BeautifulSoup(client.get("/admin/").content, "html.parser")
    found = soup.select_one("[data-admin-language-hint]")
    return found.get_text(" ", strip=True) if found else None


def test_an_english_browser_in_the_dutch_admin_is_told_where_to_choose(client, settings):
    settings.ADMIN_DEFAULT_LANGUAGE = "nl"
    translator = make_user("vertaler-en", "Editors")
    client.force_login(translator)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en-GB,en;q=0.9"
    said = hint(client)
    assert said and "spreekt Nederlands" in said and "speaks Dutch" in said, said
    assert "Account, Preferences, Language" in said

    choose_admin_language(translator, "nl")  # a choice made: nothing more to say
    assert hint(client) is None


def test_a_dutch_browser_in_the_dutch_admin_sees_no_hint(client, settings):
    settings.ADMIN_DEFAULT_LANGUAGE = "nl"
    client.force_login(make_user("redacteur", "Editors"))
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "nl-NL,nl;q=0.9"
    assert hint(client) is None
