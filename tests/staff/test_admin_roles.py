"""Who opens which admin view: every role × every sensitive admin view, against an explicit
expected matrix. Anything not listed as allowed must not answer 200."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page
from wagtail_localize.models import Translation, TranslationSource

from sitewide.staff.roles import translator_group_name
from stories import workflow
from stories.models import ConsentRecord, TestimonyPage
from tests.helpers import FIRST_PSEUDONYM, FIRST_SLUG, make_user

pytestmark = pytest.mark.django_db

ROLES = {
    "translator": (translator_group_name("en"),),
    "editor": ("Editors",),
    "publisher": ("Moderators",),
    "consent officer": ("Consent officers",),
}

# Views of pages: the Dutch source of the first demo testimony and its English translation.
PAGE_VIEWS = {
    "edit": "/admin/pages/{id}/edit/",
    "history": "/admin/pages/{id}/history/",
    "revisions": "/admin/pages/{id}/revisions/",
    "revision view": "/admin/pages/{id}/revisions/{revision}/view/",
    "revision compare": "/admin/pages/{id}/revisions/compare/earliest...latest/",
    "copy": "/admin/pages/{id}/copy/",
    "preview": "/admin/pages/{id}/edit/preview/",
    "view draft": "/admin/pages/{id}/view_draft/",
    "workflow history": "/admin/pages/{id}/workflow_history/",
    "api preview tokens": "/admin/api-preview/{id}/",
}
OTHER_VIEWS = {
    "page chooser": "/admin/choose-page/",
    "page chooser search": f"/admin/choose-page/search/?q={FIRST_PSEUDONYM.lower()}",
    "image chooser": "/admin/images/chooser/",
    "document chooser": "/admin/documents/chooser/",
    "consent chooser": "/admin/snippets/choose/stories/consentrecord/",
    "language settings chooser": "/admin/snippets/choose/sitewide/languagesettings/",
    "consent records": "/admin/snippets/stories/consentrecord/",
    "consent record edit": "/admin/snippets/stories/consentrecord/edit/{consent}/",
    "consent record history": "/admin/snippets/stories/consentrecord/history/{consent}/",
    "submit translation nl": "/admin/localize/submit/page/{nl}/",
    "update translations nl": "/admin/localize/update/{source}/",
    "translation preview en": "/admin/localize/translate/{translation}/preview/",
    "workflow teller reject form nl": (
        "/admin/pages/workflow/collect_action_data/{nl}/reject/{task_state}/"
    ),
    "workflow report": "/admin/reports/workflow/",
    "site history": "/admin/reports/site-history/",
}

# Open to every admin user: choosers of pages, images and documents (what they list is
# filtered by Wagtail's permissions), the language settings chooser (public contact details),
# and the site history (log entries of what the user may see).
EVERYONE = {
    "page chooser",
    "page chooser search",
    "image chooser",
    "document chooser",
    "language settings chooser",
    "site history",
}


def page_views(language: str, *views: str) -> set[str]:
    return {f"{view} {language}" for view in (views or PAGE_VIEWS)}


EDITING = (
    (
        page_views("nl")
        | page_views("en")
        | {"submit translation nl", "update translations nl", "translation preview en"}
        | {"workflow report"}  # lists workflows of pages the user may edit
    )
    - page_views("nl", "revisions")
    - page_views("en", "revisions")
)

EXPECTED = {
    # The English tree only: no Dutch source page, no consent records, no submitting.
    "translator": EVERYONE
    | page_views(
        "en",
        "edit",
        "history",
        "revision view",
        "revision compare",
        "preview",
        "view draft",
        "workflow history",
        "api preview tokens",
        # Wagtail opens the copy form for any page the user may see; no destination accepts
        # the copy without "add" permission (test_translators_cannot_copy_or_publish).
        "copy",
    )
    | {"translation preview en", "workflow report"},
    "editor": EVERYONE | EDITING,
    "publisher": EVERYONE | EDITING,
    # Consent records, and the Dutch story while its teller's approval is their task (Wagtail
    # lets a task's reviewers open the page).
    "consent officer": EVERYONE
    | {"consent records", "consent record edit", "consent record history", "consent chooser"}
    | {"workflow teller reject form nl"}
    | page_views("nl", "edit", "copy", "view draft", "workflow history", "api preview tokens"),
}


@pytest.fixture
def matrix_objects():
    story = TestimonyPage.objects.get(locale__language_code="nl", slug=FIRST_SLUG["nl"])
    story_en = story.get_translation(story.locale.__class__.objects.get(language_code="en"))
    superuser = make_user("starter", superuser=True)
    workflow_state = workflow.testimony_workflow().start(story, superuser)
    source = TranslationSource.objects.get(object_id=story.translation_key)
    translation = Translation.objects.get(source=source, target_locale__language_code="en")
    return {
        "nl": story.pk,
        "en": story_en.pk,
        "nl revision": story.latest_revision.pk,
        "en revision": story_en.latest_revision.pk,
        "consent": ConsentRecord.objects.get(pk=story.consent_id).pk,
        "source": source.pk,
        "translation": translation.pk,
        "task_state": workflow_state.current_task_state.pk,
    }


def urls(objects) -> dict[str, str]:
    found = {}
    for view, pattern in PAGE_VIEWS.items():
        for language in ("nl", "en"):
            found[f"{view} {language}"] = pattern.format(
                id=objects[language], revision=objects[f"{language} revision"]
            )
    for view, pattern in OTHER_VIEWS.items():
        found[view] = pattern.format(**objects)
    return found


def test_the_translators_group_is_made_for_english():
    assert Group.objects.filter(name=translator_group_name("en")).exists()
    assert not Group.objects.filter(name=translator_group_name("nl")).exists()


def test_role_view_matrix(client, matrix_objects):
    views = urls(matrix_objects)
    for allowed in EXPECTED.values():
        assert allowed <= set(views), allowed - set(views)
    unexpected, missing = [], []
    for role, groups in ROLES.items():
        user = make_user(role.replace(" ", "-"), *groups)
        client.force_login(user)
        for view, url in views.items():
            status = client.get(url).status_code
            if view in EXPECTED[role]:
                if status != 200:
                    missing.append((role, view, url, status))
            else:
                # Wagtail's "permission denied" is a redirect with a message, or 403.
                if status not in (302, 403, 404):
                    unexpected.append((role, view, url, status))
        client.logout()
    assert not unexpected, unexpected
    assert not missing, missing


def test_translators_cannot_copy_or_publish(client, matrix_objects):
    translator = make_user("translator", translator_group_name("en"))
    en = Page.objects.get(pk=matrix_objects["en"]).specific
    nl = Page.objects.get(pk=matrix_objects["nl"]).specific
    permissions = en.permissions_for_user(translator)
    assert permissions.can_edit()
    assert not permissions.can_publish()
    assert not nl.permissions_for_user(translator).can_edit()
    client.force_login(translator)
    editor = client.get(f"/admin/pages/{en.pk}/edit/").content.decode()
    assert 'name="action-publish"' not in editor
    pages_before = Page.objects.count()
    client.post(
        f"/admin/pages/{en.pk}/copy/",
        {"new_title": "Copy", "new_slug": "copy", "new_parent_page": en.get_parent().pk},
    )
    assert Page.objects.count() == pages_before


def test_consent_chooser_is_closed_to_everyone_without_consent_permissions(client):
    """Wagtail's snippet choosers open to every admin user; the consent record chooser does not
    (stories.consent.wagtail_hooks.ConsentOfficersOnly)."""
    record = ConsentRecord.objects.first()
    client.force_login(make_user("plain-editor", "Editors"))
    for url in (
        "/admin/snippets/choose/stories/consentrecord/",
        "/admin/snippets/choose/stories/consentrecord/results/",
        f"/admin/snippets/choose/stories/consentrecord/chosen/{record.pk}/",
    ):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert record.pseudonym not in response.content.decode()
    client.force_login(make_user("chooser-officer", "Consent officers"))
    assert client.get("/admin/snippets/choose/stories/consentrecord/").status_code == 200
