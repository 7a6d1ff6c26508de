"""Tripwires for an upgrade of Django, Wagtail, wagtail-localize or django-storages.

The code relies on a few names the frameworks do not promise to keep (docs/upgrading.md lists
them all, with the behaviour tests that depend on them). Each test here states one such
assumption directly, so an upgrade that breaks it fails here, with the name in the test, before
a behaviour test fails somewhere less obvious. Nothing is mocked: the tests call the installed
frameworks.
"""

import hashlib
import logging
from pathlib import Path

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import resolve, reverse

ROOT = Path(__file__).resolve().parents[2]

# --- overridden templates ------------------------------------------------------------------

# Each template the project overrides, the app whose template it replaces, and the SHA-256 (first
# 16 hex digits) of that app's template in the version the override was written against. When an
# upgrade changes the upstream template, compare it with the override, carry the change over,
# and record the new digest here.
OVERRIDDEN_TEMPLATES = {
    "site/templates/wagtailadmin/panels/multiple_chooser_panel.html": (
        "wagtailadmin",
        "673bc9b26ca95c03",
    ),
    "site/templates/wagtailadmin/panels/inline_panel.html": ("wagtailadmin", "195bb0b199edb062"),
    "site/templates/wagtailadmin/widgets/datetime_input.html": (
        "wagtailadmin",
        "479d8ddeaa73d2fd",
    ),
    "site/templates/wagtailadmin/widgets/time_input.html": ("wagtailadmin", "536917c544a13563"),
    "site/templates/wagtailadmin/widgets/date_input.html": ("wagtailadmin", "2557f7a4fd543d7c"),
    "site/templates/wagtailadmin/shared/headers/page_edit_header.html": (
        "wagtailadmin",
        "4fa8e889c687f945",
    ),
    "site/templates/wagtailadmin/pages/create.html": ("wagtailadmin", "fc9cd05a7fd80461"),
    "site/templates/wagtail_localize/admin/submit_translation.html": (
        "wagtail_localize",
        "f11cd525d207f37c",
    ),
    "site/templates/wagtail_localize/admin/edit_translation.html": (
        "wagtail_localize",
        "52b849c00b09876c",
    ),
    "longread/templates/wagtailcore/shared/block_preview.html": (
        "wagtailcore",
        "e35023cfde069f79",
    ),
    "longread/templates/wagtailcore/shared/richtext.html": ("wagtailcore", "3a0a86fc8991ea36"),
}
OVERRIDE_FOLDERS = (
    "site/templates/wagtailadmin",
    "site/templates/wagtail_localize",
    "longread/templates/wagtailcore",
)


def upstream_template(app_label: str, name: str) -> Path:
    return Path(apps.get_app_config(app_label).path) / "templates" / name


def test_every_override_of_a_framework_template_is_listed():
    found = {
        str(path.relative_to(ROOT))
        for folder in OVERRIDE_FOLDERS
        for path in (ROOT / folder).rglob("*.html")
    }
    assert found == set(OVERRIDDEN_TEMPLATES)


@pytest.mark.parametrize("override", sorted(OVERRIDDEN_TEMPLATES))
def test_the_overridden_template_is_the_one_the_override_was_written_against(override):
    app_label, digest = OVERRIDDEN_TEMPLATES[override]
    name = override.split("/templates/", 1)[1]
    upstream = upstream_template(app_label, name)
    assert upstream.is_file(), f"{app_label} no longer has {name}: the override does nothing"
    now = hashlib.sha256(upstream.read_bytes()).hexdigest()[:16]
    assert now == digest, (
        f"{app_label}'s {name} changed: compare it with {override}, carry the change over, "
        f"then record {now} in OVERRIDDEN_TEMPLATES"
    )


# --- Wagtail ------------------------------------------------------------------------------------


def test_stream_value_keeps_raw_data_bound_blocks_and_prefetch_blocks():
    """longread/preload.py converts a body at once by overriding StreamValue._prefetch_blocks and
    reading _raw_data and _bound_blocks; longread/blocks.py hands _raw_data on."""
    from wagtail import blocks
    from wagtail.blocks.stream_block import StreamValue

    stream = blocks.StreamBlock([("text", blocks.CharBlock())])
    raw = [{"type": "text", "value": "a", "id": "1"}, {"type": "text", "value": "b", "id": "2"}]
    value = StreamValue(stream, raw, is_lazy=True)
    assert value._raw_data[0]["value"] == "a"
    assert list(value._bound_blocks) == [None, None]
    value._prefetch_blocks("text")
    assert [bound.value for bound in value._bound_blocks] == ["a", "b"]


def test_list_block_tells_its_block_format_items_apart():
    """longread/preload.py reads ListBlock items in both stored formats."""
    from wagtail import blocks

    block = blocks.ListBlock(blocks.CharBlock())
    assert block._item_is_in_block_format({"type": "item", "value": "a", "id": "x"})
    assert not block._item_is_in_block_format("a")


def test_wagtail_routes_a_request_from_the_route_cached_on_it():
    """site/serving/routing.py routes pages itself and leaves the answer where Wagtail looks."""
    from wagtail.models import Page

    request = RequestFactory().get("/en/anything/")
    request._wagtail_route_for_request = "routed already"
    assert Page.route_for_request(request, "/en/anything/") == "routed already"


@pytest.mark.django_db
def test_wagtail_finds_the_site_cached_on_the_request_and_can_be_asked_afresh():
    """site/caching/chrome.py keeps Site._find_for_request's answer in the shared cache and leaves
    it where Site.find_for_request looks; it reads the host through HttpRequest._get_raw_host."""
    from wagtail.models import Site

    request = RequestFactory().get("/", HTTP_HOST="localhost")
    assert request._get_raw_host() == "localhost"
    found = Site._find_for_request(request)
    assert found == Site.objects.get(is_default_site=True)
    request._wagtail_site = "cached site"
    assert Site.find_for_request(request) == "cached site"


def test_reference_index_names_erasure_relies_on():
    """stories/consent/erasure.py asks Wagtail's reference index what an object refers to."""
    from wagtail.models import ReferenceIndex

    assert callable(ReferenceIndex._extract_references_from_object)
    assert callable(ReferenceIndex._get_base_content_type)


@pytest.mark.django_db
def test_permission_policy_names_the_language_scope_relies_on():
    """site/staff/roles.py's LanguageScopedPermissionPolicy builds on ModelPermissionPolicy."""
    from django.contrib.auth.models import Group
    from wagtail.permission_policies import ModelPermissionPolicy

    policy = ModelPermissionPolicy(Group)
    assert policy._get_permission_codename("change") == "change_group"
    assert policy._content_type.model_class() is Group


def test_chooser_widgets_write_their_script_from_render():
    """sitewide.serving.security gives the nonce to the one script BaseChooser.render writes."""
    from wagtail.admin.widgets import AdminPageChooser

    from sitewide.serving import security

    html = AdminPageChooser().render("page", None, attrs={"id": "id_page"})
    assert html.rstrip().endswith("</script>")
    assert security._CHOOSER_SCRIPT.search(html), html[-300:]


def test_wagtails_api_views_answer_get_object_from_cached_object():
    """sitewide/api/views.py loads the page as the HTML page does and hands a preview's draft to
    the serializer by setting _cached_object, which BaseAPIViewSet.get_object returns."""
    from wagtail.api.v2.views import BaseAPIViewSet

    view = BaseAPIViewSet()
    view._cached_object = "kept"
    assert view.get_object() == "kept"


@pytest.mark.django_db
def test_page_breadcrumbs_gives_the_breadcrumbs_template_its_items():
    """site/templatetags/sitewide_staff.py calls Wagtail's `page_breadcrumbs` tag function and
    adds the page's title when it gives no items (someone who may not explore pages)."""
    from django.contrib.auth.models import AnonymousUser
    from wagtail.admin.templatetags.wagtailadmin_tags import page_breadcrumbs
    from wagtail.models import Page

    request = RequestFactory().get("/admin/")
    request.user = AnonymousUser()
    page = Page.objects.filter(depth=2).first()
    crumbs = page_breadcrumbs({"request": request}, page, "wagtailadmin_explore")
    assert crumbs["items"] == [] and "is_expanded" in crumbs


@pytest.mark.django_db
def test_a_workflows_log_entries_record_the_names_where_the_history_reads_them():
    """stories/workflow.py shows a workflow's log entries with the names translated: Wagtail's
    log formatters read them from data["workflow"]["title"] and its "task" and "next" titles,
    and a workflow or task is loaded through post_init with its name in __dict__."""
    from wagtail.models import PageLogEntry, Workflow

    from stories.workflow import NameInAdminLanguage
    from tests.factories import TestimonyPageFactory, story_index
    from tests.helpers import make_user

    testimony = Workflow.objects.get(name="Testimony review")
    assert isinstance(testimony.__dict__["name"], NameInAdminLanguage)
    page = TestimonyPageFactory(parent=story_index("nl"))
    writer = make_user("writer", "Editors")
    page.save_revision(user=writer)
    testimony.start(page, writer)
    entry = PageLogEntry.objects.get(page=page, action="wagtail.workflow.start")
    recorded = entry.data["workflow"]
    assert isinstance(recorded["title"], NameInAdminLanguage)
    assert isinstance(recorded["next"]["title"], NameInAdminLanguage)
    # Read as the formatters read it: the names in the active language.
    assert str(recorded["title"]) in entry.message
    assert str(recorded["next"]["title"]) in entry.message


# --- wagtail-localize ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "ours"),
    [
        ("wagtail_localize:machine_translate", "sitewide_machine_translate"),
        ("wagtail_localize:update_translations", "sitewide_update_translations"),
        ("wagtail_localize:upload_pofile", "sitewide_checked_pofile_upload"),
    ],
)
def test_wagtail_localizes_own_addresses_reach_the_projects_checks(name, ours):
    """site/urls.py puts the consent and review checks in front of these views by taking their
    addresses; if wagtail-localize moves them, the editor would bypass the checks."""
    assert resolve(reverse(name, args=[1])).url_name == ours


def test_the_translation_editor_asks_its_module_for_the_machine_translator():
    """sitewide.translation.machine hides the editor's button by replacing the name
    get_machine_translator in wagtail-localize's edit_translation module, around its
    before_edit_page hook (sitewide/translation/wagtail_hooks.py)."""
    from wagtail_localize import wagtail_hooks as localize_hooks
    from wagtail_localize.views import edit_translation

    assert callable(localize_hooks.before_edit_page)
    assert callable(edit_translation.get_machine_translator)
    assert callable(edit_translation.user_can_edit_instance)
    assert callable(edit_translation.machine_translate)


# --- Django -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_on_commit_callbacks_wait_in_connection_run_on_commit():
    """site/caching/generations.py finds its pending renewal among the transaction's callbacks."""

    def callback():
        pass

    with transaction.atomic():
        transaction.on_commit(callback)
        _ids, func, robust = connection.run_on_commit[-1]
        assert func is callback
        assert robust is False
        connection.set_rollback(True)


def test_a_response_marked_as_logged_is_not_logged_again(caplog):
    """site/serving/outage.py marks its 503 as logged so Django writes no traceback for it."""
    from django.utils.log import log_response

    response = HttpResponse(status=503)
    response._has_been_logged = True
    with caplog.at_level(logging.ERROR, logger="django.request"):
        log_response("Service Unavailable", response=response)
    assert not caplog.records


def test_a_response_keeps_the_closers_of_what_it_streams():
    """site/serving/byte_ranges.py closes the full answer's file through `_resource_closers`,
    without `close()`'s request_finished signal."""
    import io

    from django.core.signals import request_finished
    from django.http import FileResponse

    stream = io.BytesIO(b"bytes")
    response = FileResponse(stream)
    signalled = []

    def note(**kwargs):
        signalled.append(True)

    request_finished.connect(note)
    try:
        assert stream.close in response._resource_closers
        for close in response._resource_closers:
            close()
    finally:
        request_finished.disconnect(note)
    assert stream.closed and not signalled


def test_translation_fallback_names_the_interface_language_relies_on():
    """sitewide.languages switches off Django's fallback catalogue (Dutch here) so a language
    without a catalogue shows the English msgids."""
    from django.utils.translation import trans_real

    assert callable(trans_real.DjangoTranslation._add_fallback)
    assert isinstance(trans_real._translations, dict)
    assert trans_real.parse_accept_lang_header("nl-NL,nl;q=0.9,en;q=0.5")[0] == ("nl-nl", 1.0)


def test_raw_delete_and_committed_files_are_still_there():
    """stories/consent/erasure.py deletes orphaned rows with QuerySet._raw_delete;
    longread/models.py and longread/mediafiles.py tell a new upload from a stored file by
    FieldFile._committed."""
    from django.contrib.auth.models import Group
    from django.db.models.fields.files import FieldFile

    assert callable(Group.objects.none()._raw_delete)
    assert "_committed" in FieldFile.__init__.__code__.co_names


def test_model_forms_run_model_validation_in_post_clean():
    """longread/forms.py re-orders the document form's errors after ModelForm._post_clean."""
    from django import forms

    assert callable(forms.ModelForm._post_clean)
    assert "_errors" in forms.BaseForm.__init__.__code__.co_names


def test_s3_storage_normalises_names_as_the_private_storage_expects():
    """site/serving/media_storage.py builds object keys with S3Storage._normalize_name."""
    from storages.backends.s3 import S3Storage

    storage = S3Storage(bucket_name="guard", location="media")
    assert storage._normalize_name("a/b.jpg") == "media/a/b.jpg"


def test_images_set_their_file_metadata_from_the_file():
    """site/demo/builder.py fills width, height, size and hash with this Wagtail method."""
    from wagtail.images import get_image_model

    assert callable(get_image_model()._set_image_file_metadata)


def test_http_client_reads_headers_by_line_from_fp_and_counts_the_body_in_length():
    import io

    from sitewide.api.webhook_urls import _CheckedResponse

    class Answer:
        def __init__(self, data: bytes):
            self.data = data

        def makefile(self, mode):
            return io.BufferedReader(io.BytesIO(self.data))

    whole = _CheckedResponse(Answer(b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nabcde"))
    whole.begin()
    assert whole.status == 200 and whole.length == 5 and not whole.lines.cut
    assert whole.read(2) == b"ab" and whole.length == 3
    cut = _CheckedResponse(Answer(b"HTTP/1.1 200 OK\r\nContent-Ty"))
    cut.begin()  # the end of the stream is taken as the end of the headers ...
    assert cut.status == 200 and cut.lines.cut  # ... and the reader saw the line cut short
    assert cut.length is None
