"""Who may do what with translations: every role × every action, through the real admin URLs,
against an explicit expected matrix (sitewide.staff.roles, sitewide.staff.role_hooks).

A second translated language ("de") is set up here, so that "another language" is a real tree
with its own translators whatever languages the deployment configures.
"""

import io

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import override
from translate.storage import pypo
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from sitewide.models import InformationPage, LanguageSettings
from sitewide.staff.roles import (
    LanguageScopedPermissionPolicy,
    ensure_translator_groups,
    translator_group_name,
)
from sitewide.translation import files
from stories.models import ConsentRecord, Organisation, TestimonyPage
from tests.helpers import FIRST_SLUG, choose_admin_language, form_data, make_user

pytestmark = pytest.mark.django_db

OTHER = "de"

ROLES = {
    "translator en": (translator_group_name("en"),),
    "translator de": (translator_group_name(OTHER),),
    "editor": ("Editors",),
    "moderator": ("Moderators",),
    "consent officer": ("Consent officers",),
}
TRANSLATORS = {"translator en", "translator de"}
PAGE_STAFF = {"editor", "moderator"}


@pytest.fixture
def world(settings):
    """The first demo testimony in nl (source), en (demo) and de (submitted here, a draft), with the
    language settings translated into de too."""
    if OTHER not in dict(django_settings.LANGUAGES):
        languages = [*django_settings.LANGUAGES, (OTHER, "Deutsch")]
        settings.LANGUAGES = languages
        settings.WAGTAIL_CONTENT_LANGUAGES = languages
    en = Locale.objects.get(language_code="en")
    de, _ = Locale.objects.get_or_create(language_code=OTHER)
    boss = make_user("boss", superuser=True)
    story = TestimonyPage.objects.get(locale__language_code="nl", slug=FIRST_SLUG["nl"])
    settings_nl = LanguageSettings.objects.get(locale__language_code="nl")
    creator = TranslationCreator(boss, [de])
    creator.create_translations(story)
    creator.create_translations(settings_nl)
    # The de home was made just now: its translators got the tree (no seed_demo involved).
    story_de = story.get_translation(de)
    about_en = InformationPage.objects.filter(locale=en).first()

    def translation_of(instance, locale):
        return Translation.objects.get(
            source__object_id=instance.translation_key, target_locale=locale
        )

    return {
        "nl": story,
        "en": story.get_translation(en).specific,
        "de": story_de.specific,
        "de home": Page.objects.get(depth=2, locale=de),
        "about en": about_en,
        "translation en": translation_of(story, en),
        "translation de": translation_of(story, de),
        "settings nl": settings_nl,
        "settings en": LanguageSettings.objects.get(locale=en),
        "settings de": LanguageSettings.objects.get(locale=de),
        "settings translation en": translation_of(settings_nl, en),
        "settings translation de": translation_of(settings_nl, de),
        "consent": ConsentRecord.objects.get(pk=story.consent_id),
    }


def status_allows(response) -> bool:
    """200 (or 201) is allowed; Wagtail says no with 403, a redirect with a message, or 404."""
    if response.status_code in (200, 201):
        return True
    assert response.status_code in (302, 403, 404), response.status_code
    return False


def get(url):
    return lambda client, world: status_allows(client.get(url(world)))


def put_string(translation_key):
    """The translation editor's call when a translator saves one segment."""

    def action(client, world):
        translation = world[translation_key]
        segment = StringSegment.objects.filter(source=translation.source).first()
        url = f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/"
        response = client.put(
            url, "value=Test+words", content_type="application/x-www-form-urlencoded"
        )
        return status_allows(response)

    return action


def publish_translation(page_key):
    """wagtail-localize's Publish button: a POST to the page's edit URL, published on commit."""

    def action(client, world, capture):
        page = world[page_key]
        before = Page.objects.get(pk=page.pk).last_published_at
        with capture(execute=True):
            response = client.post(f"/admin/pages/{page.pk}/edit/", {"action": "publish"})
        assert response.status_code in (302, 403), response.status_code
        return Page.objects.get(pk=page.pk).last_published_at != before

    action.needs_capture = True
    return action


def publish_source_directly(client, world, capture):
    """The edit form's Publish: testimonies in the source language go live only through their
    workflow (teller's approval, then a second person), whoever asks."""
    page = world["nl"]
    url = f"/admin/pages/{page.pk}/edit/"
    before = Page.objects.get(pk=page.pk).last_published_at
    form = client.get(url)
    data = form_data(form.content.decode()) if form.status_code == 200 else {}
    data.setdefault("body-count", ["0"])  # the StreamField's inputs are rendered by JavaScript
    data["action-publish"] = ["action-publish"]
    with capture(execute=True):
        client.post(url, data)
    return Page.objects.get(pk=page.pk).last_published_at != before


publish_source_directly.needs_capture = True


def snippet_edit(key):
    def url(world):
        record = world[key]
        return f"/admin/snippets/sitewide/languagesettings/edit/{record.pk}/"

    return get(url)


ACTIONS = {
    "edit en page": get(lambda w: f"/admin/pages/{w['en'].pk}/edit/"),
    "edit de page": get(lambda w: f"/admin/pages/{w['de'].pk}/edit/"),
    "edit nl source": get(lambda w: f"/admin/pages/{w['nl'].pk}/edit/"),
    "translate en segment": put_string("translation en"),
    "translate de segment": put_string("translation de"),
    "preview de draft": get(lambda w: f"/admin/pages/{w['de'].pk}/view_draft/"),
    "translation preview de": get(
        lambda w: f"/admin/localize/translate/{w['translation de'].pk}/preview/"
    ),
    "revisions of de page": get(lambda w: f"/admin/pages/{w['de'].pk}/history/"),
    "explore de tree": get(lambda w: f"/admin/pages/{w['de home'].pk}/"),
    "publish en translation": publish_translation("en"),
    "publish en information page": publish_translation("about en"),
    "publish nl testimony directly": publish_source_directly,
    "list consent records": get(lambda w: "/admin/snippets/stories/consentrecord/"),
    "edit consent record": get(
        lambda w: f"/admin/snippets/stories/consentrecord/edit/{w['consent'].pk}/"
    ),
    "edit en settings": snippet_edit("settings en"),
    "edit de settings": snippet_edit("settings de"),
    "edit nl settings": snippet_edit("settings nl"),
    "translate en settings segment": put_string("settings translation en"),
    "delete en settings": get(
        lambda w: f"/admin/snippets/sitewide/languagesettings/delete/{w['settings en'].pk}/"
    ),
    "add settings": get(lambda w: "/admin/snippets/sitewide/languagesettings/add/"),
}

EXPECTED = {
    "translator en": {
        "edit en page",
        "translate en segment",
        "edit en settings",
        "translate en settings segment",
    },
    "translator de": {
        "edit de page",
        "translate de segment",
        "preview de draft",
        "translation preview de",
        "revisions of de page",
        "explore de tree",
        "edit de settings",
    },
    # Wagtail's Editors: every page tree, no publishing, no snippets.
    "editor": {
        "edit en page",
        "edit de page",
        "edit nl source",
        "translate en segment",
        "translate de segment",
        "preview de draft",
        "translation preview de",
        "revisions of de page",
        "explore de tree",
    },
    # Moderators review and publish translations; the Dutch source only through its workflow.
    "moderator": {
        "edit en page",
        "edit de page",
        "edit nl source",
        "translate en segment",
        "translate de segment",
        "preview de draft",
        "translation preview de",
        "revisions of de page",
        "explore de tree",
        "publish en translation",
        "publish en information page",
    },
    "consent officer": {"list consent records", "edit consent record"},
}


def test_every_expected_action_exists():
    for role, allowed in EXPECTED.items():
        assert allowed <= set(ACTIONS), (role, allowed - set(ACTIONS))


@pytest.mark.parametrize("role", list(ROLES))
def test_role_action_matrix(client, world, role, django_capture_on_commit_callbacks):
    """Every action for one role on the same world, each in a savepoint rolled back afterwards,
    so that no action sees what an earlier one did (a publish, a saved segment)."""
    client.force_login(make_user(role.replace(" ", "-"), *ROLES[role]))
    wrong = []
    for action, do in ACTIONS.items():
        savepoint = transaction.savepoint()
        try:
            if getattr(do, "needs_capture", False):
                allowed = do(client, world, django_capture_on_commit_callbacks)
            else:
                allowed = do(client, world)
        finally:
            transaction.savepoint_rollback(savepoint)
        if allowed != (action in EXPECTED[role]):
            wrong.append((action, "allowed" if allowed else "refused"))
    assert not wrong, (role, wrong)


def test_translator_groups_exist_for_every_configured_language_without_seed_demo():
    Group.objects.filter(name__startswith="Translators (").delete()
    groups = ensure_translator_groups()
    assert {group.name for group in groups} == {
        translator_group_name(code) for code, _name in django_settings.LANGUAGES[1:]
    }
    english = Group.objects.get(name=translator_group_name("en"))
    home = Page.objects.get(depth=2, locale__language_code="en")
    assert english.page_permissions.filter(page=home, permission__codename="change_page").exists()
    assert not english.page_permissions.filter(permission__codename="publish_page").exists()
    codenames = set(english.permissions.values_list("codename", flat=True))
    assert {"access_admin", "change_languagesettings", "change_organisation"} <= codenames
    assert not {"add_languagesettings", "delete_languagesettings"} & codenames
    assert not any("consent" in codename for codename in codenames)
    # Idempotent: a second run adds nothing.
    rows = english.page_permissions.count(), english.permissions.count()
    ensure_translator_groups()
    assert (english.page_permissions.count(), english.permissions.count()) == rows
    assert not Group.objects.filter(name=translator_group_name("nl")).exists()


def test_the_command_and_migrate_make_the_groups():
    from django.core.management import call_command
    from django.core.management.sql import emit_post_migrate_signal

    Group.objects.filter(name__startswith="Translators (").delete()
    out = io.StringIO()
    call_command("ensure_translator_groups", stdout=out)
    assert translator_group_name("en") in out.getvalue()
    assert Group.objects.filter(name=translator_group_name("en")).exists()
    Group.objects.filter(name__startswith="Translators (").delete()
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert Group.objects.filter(name=translator_group_name("en")).exists()


def test_translatable_snippets_have_the_language_scoped_policy():
    for model in (LanguageSettings, Organisation):
        policy = policy_registry.get_by_type(model)
        assert isinstance(policy, LanguageScopedPermissionPolicy)
        assert model.snippet_viewset.permission_policy is policy


def test_a_translator_sees_no_consent_menu_and_no_other_language_in_the_explorer(client, world):
    translator = make_user("translator", translator_group_name("en"))
    client.force_login(translator)
    dashboard = client.get("/admin/").content.decode()
    assert "/admin/snippets/stories/consentrecord/" not in dashboard
    # Wagtail's explorer starts at the highest page the user may explore: the English home.
    explorer = client.get("/admin/pages/", follow=True)
    assert explorer.status_code == 200
    html = explorer.content.decode()
    # The locale switcher names the other languages of the home page (a link that answers
    # "permission denied", see "explore de tree"); no page of their trees is listed.
    assert f"/admin/pages/{world['de'].pk}/" not in html
    assert f"/admin/pages/{world['de home'].pk}/edit/" not in html
    nl_home = Page.objects.get(depth=2, locale__language_code="nl")
    assert f"/admin/pages/{nl_home.pk}/edit/" not in html


def test_the_policy_limits_snippet_records_to_the_translators_language(world):
    translator = make_user("translator", translator_group_name("en"))
    editor_and_translator = make_user("both", translator_group_name("en"), "Editors")
    policy = policy_registry.get_by_type(LanguageSettings)
    assert policy.user_has_permission_for_instance(translator, "change", world["settings en"])
    assert not policy.user_has_permission_for_instance(translator, "change", world["settings nl"])
    assert not policy.user_has_permission_for_instance(translator, "delete", world["settings en"])
    listed = policy.instances_user_has_permission_for(translator, "change")
    assert set(listed.values_list("locale__language_code", flat=True)) == {"en"}
    # Editors hold no snippet permission: being an editor too widens nothing.
    assert not policy.user_has_permission_for_instance(
        editor_and_translator, "change", world["settings nl"]
    )


def test_a_translators_snippet_edit_is_saved_in_their_language_only(client, world):
    organisation = Organisation.objects.filter(locale__language_code="en").first()
    dutch = Organisation.objects.filter(locale__language_code="nl").first()
    client.force_login(make_user("translator", translator_group_name("en")))
    own = client.get(f"/admin/snippets/stories/organisation/edit/{organisation.pk}/")
    assert own.status_code == 200
    other = client.get(f"/admin/snippets/stories/organisation/edit/{dutch.pk}/")
    assert other.status_code in (302, 403)  # Wagtail's "permission denied" redirect
    name = dutch.name
    client.post(f"/admin/snippets/stories/organisation/edit/{dutch.pk}/", {"name": "Changed"})
    dutch.refresh_from_db()
    assert dutch.name == name


def test_publishing_an_english_translation_the_consent_does_not_cover_is_refused(
    client, world, django_capture_on_commit_callbacks
):
    """Through wagtail-localize's Publish button: a message, nothing saved or published."""
    record = world["consent"]
    record.languages.set(Locale.objects.filter(language_code="nl"))
    record.save()
    english = world["en"]
    before = Page.objects.get(pk=english.pk).last_published_at
    revisions = english.revisions.count()
    client.force_login(make_user("moderator", "Moderators"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/pages/{english.pk}/edit/", {"action": "publish"}, follow=True
        )
    assert response.status_code == 200
    messages = [str(message) for message in response.context["messages"]]
    assert any("does not cover English" in message for message in messages), messages
    assert Page.objects.get(pk=english.pk).last_published_at == before
    assert english.revisions.count() == revisions


def test_the_ordinary_edit_form_refuses_it_too(client, world, django_capture_on_commit_callbacks):
    """A translation whose synchronisation was stopped is edited in Wagtail's own form."""
    record = world["consent"]
    record.languages.set(Locale.objects.filter(language_code="nl"))
    record.save()
    english = world["en"]
    world["translation en"].enabled = False
    world["translation en"].save()
    # Offline first (the demo published it while consent covered English).
    english.unpublish()
    client.force_login(make_user("moderator", "Moderators"))
    url = f"/admin/pages/{english.pk}/edit/"
    data = form_data(client.get(url).content.decode())
    data.setdefault("body-count", ["0"])
    data["action-publish"] = ["action-publish"]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, data)
    assert response.status_code == 200
    assert "does not cover English" in response.content.decode()
    english.refresh_from_db()
    assert not english.live


def test_consent_covering_english_lets_the_moderator_publish(
    client, world, django_capture_on_commit_callbacks
):
    """The control case of the two refusals above."""
    record = world["consent"]
    record.languages.set(Locale.objects.all())
    record.save()
    english = world["en"]
    client.force_login(make_user("moderator", "Moderators"))
    start = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/pages/{english.pk}/edit/", {"action": "publish"})
    english.refresh_from_db()
    assert english.live and english.last_published_at >= start


def test_translation_endpoints_of_other_languages_snippets_are_closed(client, world):
    """wagtail-localize's PO download checks only the snippet type; the middleware adds the
    language (sitewide.staff.role_hooks.TranslatorScopeMiddleware)."""
    translation = world["settings translation en"]
    url = f"/admin/localize/translate/{translation.pk}/pofile/download/"
    client.force_login(make_user("translator-de", translator_group_name(OTHER)))
    assert client.get(url).status_code == 403
    client.force_login(make_user("translator-en", translator_group_name("en")))
    assert client.get(url).status_code == 200


# The translation editor's own "Upload PO file" (sitewide.translation.file_views
# .checked_editor_upload) sits outside wagtail-localize's namespace, so the middleware above does
# not see it: the view asks the translators' rule itself.


def editor_upload(client, translation, content: bytes):
    editor = f"/admin/localize/translate/{translation.pk}/"
    return client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/",
        {"file": SimpleUploadedFile("record.po", content)},
        HTTP_REFERER=f"http://testserver{editor}",
    )


def record_file(translation) -> tuple[bytes, int]:
    """The record's PO file with every unit translated as its source (passing every check), and
    how many units it translates."""
    store = pypo.pofile.parsestring(files.export_file(translation, files.PO)[2])
    units = [unit for unit in store.units if not unit.isheader()]
    for unit in units:
        unit.target = unit.source
    return bytes(store), len(units)


def record_translations(translation):
    return sorted(
        StringTranslation.objects.filter(
            context__object_id=translation.source.object_id, locale=translation.target_locale
        ).values_list("pk", "data", "last_translated_by_id", "updated_at")
    )


def said(response) -> list[str]:
    return [str(message).strip() for message in get_messages(response.wsgi_request)]


@pytest.fixture
def organisation_translation_de(world):
    organisation = Organisation.objects.filter(locale__language_code="nl").first()
    de = Locale.objects.get(language_code=OTHER)
    TranslationCreator(make_user("boss-2", superuser=True), [de]).create_translations(organisation)
    return Translation.objects.get(source__object_id=organisation.translation_key, target_locale=de)


REFUSED_UPLOAD = {
    "nl": "Er is niets geïmporteerd: je mag de vertaling in het {language} niet wijzigen. "
    "Vertalers uploaden bestanden alleen bij vertalingen in hun eigen taal.",
    "en": "Nothing was imported: you may not change the {language} translation. Translators "
    "upload files only to translations into their own language.",
}


@pytest.mark.parametrize("admin_language", ["nl", "en"])
@pytest.mark.parametrize("record", ["settings", "organisation"])
def test_an_upload_into_another_languages_record_is_refused_in_the_admins_language(
    client, world, organisation_translation_de, record, admin_language
):
    """An English translator holds "change" on the snippet models, for English records only:
    the upload is refused with a message, back in the editor, and nothing is imported."""
    translation = (
        world["settings translation de"] if record == "settings" else organisation_translation_de
    )
    content, count = record_file(translation)
    assert count
    before = record_translations(translation)
    translator = make_user("translator-en", translator_group_name("en"))
    client.force_login(choose_admin_language(translator, admin_language))
    response = editor_upload(client, translation, content)
    assert response.status_code == 302
    assert response["Location"] == f"http://testserver/admin/localize/translate/{translation.pk}/"
    with override(admin_language):
        language = str(translation.target_locale.get_display_name())
    assert said(response) == [REFUSED_UPLOAD[admin_language].format(language=language)]
    assert record_translations(translation) == before


def test_the_languages_own_translators_upload_into_its_records(
    client, world, organisation_translation_de
):
    """The control case: the same files from the German translator, and the English settings'
    file from the English translator, are imported."""
    german = make_user("translator-de", translator_group_name(OTHER))
    for translation in (world["settings translation de"], organisation_translation_de):
        content, count = record_file(translation)
        client.force_login(german)
        response = editor_upload(client, translation, content)
        assert response.status_code == 302
        assert any(message.startswith("Imported:") for message in said(response)), said(response)
        assert len(record_translations(translation)) == count
    english = world["settings translation en"]
    content, _count = record_file(english)
    client.force_login(make_user("translator-en", translator_group_name("en")))
    response = editor_upload(client, english, content)
    assert any(message.startswith("Imported:") for message in said(response)), said(response)


def test_who_may_not_edit_the_records_at_all_is_refused_as_before(client, world):
    """Without the model's permission (editors hold none on snippets) the answer stays 403."""
    translation = world["settings translation de"]
    content, _count = record_file(translation)
    before = record_translations(translation)
    client.force_login(make_user("editor", "Editors"))
    assert editor_upload(client, translation, content).status_code == 403
    assert record_translations(translation) == before
