"""The admin's language: Dutch for every staff account whatever its browser says, English for an
account that chooses it, the browser's Dutch or English before sign-in, the two-factor screens
included (sitewide.serving.middleware.AdminLanguageMiddleware)."""

import pytest
from bs4 import BeautifulSoup

from tests.helpers import choose_admin_language, make_user

pytestmark = pytest.mark.django_db

ENGLISH_BROWSER = "en-GB,en;q=0.9"
PASSWORD = "a-long-test-passphrase"  # tests.helpers.make_user


@pytest.fixture(autouse=True)
def production_default(settings):
    settings.ADMIN_DEFAULT_LANGUAGE = "nl"


def dashboard(client, accept_language=ENGLISH_BROWSER):
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.html.get("lang"), soup.get_text(" ", strip=True)


@pytest.mark.parametrize("accept_language", [ENGLISH_BROWSER, "de-DE", "ar", ""])
def test_a_staff_account_works_in_dutch_whatever_its_browser_says(client, accept_language):
    client.force_login(make_user("redacteur", "Editors"))
    lang, text = dashboard(client, accept_language)
    assert lang == "nl"
    assert "Ga naar de inhoud" in text and "Site samenvatting" in text, text[:300]


def test_an_account_that_chose_english_works_in_english_with_a_dutch_browser(client):
    client.force_login(choose_admin_language(make_user("editor", "Editors"), "en"))
    lang, text = dashboard(client, "nl-NL,nl;q=0.9")
    assert lang == "en"
    assert "Skip to main content" in text and "Site summary" in text, text[:300]


def test_the_projects_own_admin_screens_follow_the_account(client):
    """Not only Wagtail's views: the reach report (a view of this project) too."""
    user = make_user("lezer", superuser=True)
    client.force_login(user)
    html = client.get("/admin/reach/", HTTP_ACCEPT_LANGUAGE=ENGLISH_BROWSER).content.decode()
    assert 'lang="nl"' in html and "Bereik" in html
    choose_admin_language(user, "en")
    html = client.get("/admin/reach/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    assert 'lang="en"' in html and "Reach" in html


@pytest.mark.parametrize(
    ("accept_language", "words"),
    [
        ("nl-NL,nl;q=0.9", ["Inloggen", "Wachtwoord"]),
        (ENGLISH_BROWSER, ["Sign in", "Password"]),
        ("de-DE", ["Sign in", "Password"]),
    ],
)
def test_before_sign_in_the_screen_follows_the_browser(client, accept_language, words):
    from bs4 import BeautifulSoup

    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE=accept_language)
    html = response.content.decode()
    for word in words:
        assert word in html
    # Every field's label in the screen's language (Wagtail leaves the password's unnamed).
    labels = [
        label.get_text(" ", strip=True) for label in BeautifulSoup(html, "html.parser")("label")
    ]
    assert any(label.startswith(words[1]) for label in labels), labels
    if words[0] == "Inloggen":
        assert not any(label.startswith("Password") for label in labels), labels


@pytest.mark.parametrize(
    ("accept_language", "heading", "verify", "leave"),
    [
        ("nl-NL,nl;q=0.9", "Inloggen in twee stappen instellen", "Controleren",
         "Nu niet, of niet jouw account? Uitloggen"),
        (ENGLISH_BROWSER, "Set up two-factor sign-in", "Verify",
         "Not now, or not your account? Sign out"),
    ],
)  # fmt: skip
def test_the_two_factor_screens_follow_the_browser_until_signed_in(
    client, accept_language, heading, verify, leave
):
    """After the password, before the code, nobody is signed in yet: the browser's language (the
    account chose none). Signing out is a separate line under the form, not a second button
    beside Verify."""
    make_user("nieuw", "Editors")
    response = client.post(
        "/admin/login/",
        {"username": "nieuw", "password": PASSWORD, "next": "/admin/"},
        follow=True,
        HTTP_ACCEPT_LANGUAGE=accept_language,
    )
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one("main h1").get_text(" ", strip=True) == heading
    code_form, sign_out = soup.select("main form")
    assert [button.get_text(strip=True) for button in code_form("button")] == [verify]
    assert sign_out.get_text(" ", strip=True) == leave
