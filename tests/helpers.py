"""Small helpers shared by tests."""

from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from sitewide.demo.content import STORY_INDEX, TESTIMONIES, story_path

# The demo's stories, read from the demo content: tests name no real story themselves.
# The first testimony is a survivor's story consented for everything (every block type, the
# Arabic demo translation); the second is a survivor's story without permission for photos.
FIRST_TESTIMONY = TESTIMONIES[0]
SECOND_TESTIMONY = TESTIMONIES[1]
FIRST_PSEUDONYM = FIRST_TESTIMONY["pseudonym"]
SECOND_PSEUDONYM = SECOND_TESTIMONY["pseudonym"]
# Slugs per language ({"nl": …, "en": …}).
FIRST_SLUG = FIRST_TESTIMONY["slug"]
SECOND_SLUG = SECOND_TESTIMONY["slug"]


def testimony_path(testimony: dict, language: str = "en", slugs: str | None = None) -> str:
    """The public path of a demo testimony in a language, built as the demo's story_path builds
    it. Other languages than Dutch and English take their slugs (story index and story) from
    `slugs`: English by default (the Arabic demo translation), or Dutch (a translation of the
    Dutch source)."""
    slugs = slugs or (language if language in STORY_INDEX["slug"] else "en")
    return f"/{language}/{STORY_INDEX['slug'][slugs]}/{testimony['slug'][slugs]}/"


def first_story_path(language: str = "en", slugs: str | None = None) -> str:
    """The public path of the first demo testimony (the demo's story_path for Dutch and English)."""
    if slugs is None and language in STORY_INDEX["slug"]:
        return story_path(language)
    return testimony_path(FIRST_TESTIMONY, language, slugs)


def second_story_path(language: str = "en", slugs: str | None = None) -> str:
    """The public path of the second demo testimony."""
    return testimony_path(SECOND_TESTIMONY, language, slugs)


def form_data(html: str, form_selector: str = "form[method=post]") -> dict:
    """The data a browser would send for the first matching form, as the page renders it."""
    soup = BeautifulSoup(html, "html.parser")
    forms = [
        form
        for form in soup.select(form_selector)
        if form.find(["input", "textarea", "select"], attrs={"name": True})
        and form.get("id") != "search-form"
    ]
    form = max(forms, key=lambda f: len(f.find_all(attrs={"name": True})))
    data: dict[str, list[str]] = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("disabled") is not None:
            continue
        kind = field.get("type", "text")
        if field.name == "textarea":
            value = field.text
        elif field.name == "select":
            chosen = field.find_all("option", selected=True) or field.find_all("option")[:1]
            if field.get("multiple") is not None:
                chosen = field.find_all("option", selected=True)
            for option in chosen:
                data.setdefault(name, []).append(option.get("value", option.text))
            continue
        elif kind in ("checkbox", "radio"):
            if field.get("checked") is None:
                continue
            value = field.get("value", "on")
        elif kind in ("submit", "button", "file", "image"):
            continue
        else:
            value = field.get("value", "")
        data.setdefault(name, []).append(value)
    return data


def make_user(username: str, *groups: str, superuser=False):
    User = get_user_model()
    if superuser:
        return User.objects.create_superuser(username, password="a-long-test-passphrase")
    user = User.objects.create_user(username, password="a-long-test-passphrase")
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def choose_admin_language(user, language: str):
    """The account chooses its admin language, as in Account → Preferences → Language."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save(update_fields=["preferred_language"])
    return user


def admin_in(client, language: str):
    """The account signed in on this test client chooses its admin language."""
    user = get_user_model().objects.get(pk=client.session["_auth_user_id"])
    choose_admin_language(user, language)
    return client


def demo_story(pseudonym: str = FIRST_PSEUDONYM, language: str = "en"):
    """A testimony of the demo site in one language. For tests whose subject is the demo itself;
    other tests build their own pages with tests/factories.py (docs/testing.md)."""
    from stories.models import TestimonyPage

    return TestimonyPage.objects.get(pseudonym=pseudonym, locale__language_code=language)


def first_story(language: str = "en"):
    """The first demo testimony in a language (English by default)."""
    return demo_story(FIRST_PSEUDONYM, language)


def second_story(language: str = "en"):
    """The second demo testimony in a language (English by default)."""
    return demo_story(SECOND_PSEUDONYM, language)
