"""Erasure (GDPR Art. 17): after `erase_story`, no copy of the story's text is left anywhere.

A unique canary string goes into every field and side table a story can reach; afterwards it
must be absent from `dumpdata`, from a raw dump of every table, from the SQLite file's bytes and
from the media folder, while what other pages use stays.
"""

import datetime
import html
import io
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.utils import timezone
from PIL import Image as PILImage
from taggit.models import Tag
from wagtail import blocks
from wagtail.admin.models import FormState
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import (
    Comment,
    CommentReply,
    Locale,
    ModelLogEntry,
    Page,
    PageLogEntry,
    ReferenceIndex,
    Revision,
    TaskState,
    Workflow,
    WorkflowState,
)
from wagtail.rich_text import RichText
from wagtail.search import index as search_index
from wagtail_localize.models import (
    String,
    StringSegment,
    StringTranslation,
    TranslatableObject,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue

from stories import consent
from stories.consent.erasure import erase_story
from stories.models import (
    ConsentLedgerEntry,
    ConsentRecord,
    ConsentWithdrawal,
    StoryIndexPage,
    TestimonyPage,
)
from tests.helpers import FIRST_PSEUDONYM, SECOND_PSEUDONYM

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


# --- the story ---------------------------------------------------------------------------------


def png_bytes(colour) -> bytes:
    output = io.BytesIO()
    PILImage.new("RGB", (40, 30), colour).save(output, format="PNG")
    return output.getvalue()


def pdf_bytes(text) -> bytes:
    return b"%PDF-1.4\n% " + text.encode() + b"\n%%EOF\n"


def media_file_model():
    try:
        return apps.get_model("longread", "MediaFile")
    except LookupError:
        return None


def make_image(title, colour):
    image = get_image_model()(title=title)
    image.file.save("upload.png", ContentFile(png_bytes(colour)), save=False)
    image._set_image_file_metadata()
    image.save()
    return image


def body_block(name, **given):
    """A block of the testimony body with every field filled as the admin form would."""
    struct = TestimonyPage._meta.get_field("body").stream_block.child_blocks[name]
    if not isinstance(struct, blocks.StructBlock):
        return (name, given["value"])
    value = {}
    for child_name, child in struct.child_blocks.items():
        if child_name in given:
            value[child_name] = given[child_name]
        elif isinstance(child, blocks.RichTextBlock):
            value[child_name] = RichText("")
        elif isinstance(child, blocks.CharBlock | blocks.TextBlock | blocks.URLBlock):
            value[child_name] = ""
        elif isinstance(child, blocks.BooleanBlock):
            value[child_name] = False
        else:
            value[child_name] = child.get_default()
    return (name, value)


def has_block(name) -> bool:
    return name in TestimonyPage._meta.get_field("body").stream_block.child_blocks


def translate(page, locale):
    """Translate with wagtail-localize as a translator would, and publish the translation."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        text = html.unescape(segment.string.data)
        english = f"en-{text}" if segment.context.path == "slug" else f"EN {text}"
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            data=StringValue.from_plaintext(english).data,
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        )
    translation.save_target(publish=True)
    return page.get_translation(locale)


def build_story(canary, capture):
    """A published testimony in nl and en with the canary in every place text can go."""
    nl = Locale.objects.get(language_code="nl")
    en = Locale.objects.get(language_code="en")
    editor = get_user_model().objects.create_superuser(f"editor-{canary[:8]}", password="x" * 20)
    index = StoryIndexPage.objects.get(locale=nl)
    neighbour = TestimonyPage.objects.child_of(index).live().first()
    shared = neighbour.hero_image
    assert shared is not None

    with capture(execute=True):
        own = make_image(f"Portrait {canary}", "#884422")
        own.tags.add(f"tag-{canary}")
        own.get_rendition("width-20")
        record = ConsentRecord.objects.create(
            pseudonym=f"Teller {canary}",
            given_on=timezone.localdate() - datetime.timedelta(days=10),
            evidence_reference=f"file {canary}",
            notes=f"notes {canary}",
        )
        record.languages.set([nl, en])
        record.save()
        ConsentWithdrawal.objects.create(
            record=record,
            withdrawn_on=timezone.localdate(),
            part=consent.SOCIAL,  # a partial withdrawal: the website stays covered
            reason=f"reason {canary}",
        )
        log(instance=record, action="stories.consent.changed", user=editor, data={"fields": []})

        body = [
            body_block("chapter", heading=f"Chapter {canary}", anchor="one"),
            body_block("text", value=RichText(f"<p>Body {canary}</p>")),
            body_block("testimony_quote", quote=f"Said {canary}"),
            body_block("figure", image=own, alt_text=f"Figure {canary}", caption=f"C {canary}"),
            body_block("figure", image=shared, alt_text=f"Shared {canary}"),
        ]
        if has_block("document"):
            document = get_document_model()(title=f"Statement {canary}")
            document.file.save("statement.pdf", ContentFile(pdf_bytes(canary)), save=False)
            document.save()
            body.append(body_block("document", document=document, title=f"Read {canary}"))
        media_model = media_file_model()
        if has_block("audio") and media_model is not None:
            voice = media_model(title=f"Voice {canary}", kind="audio")
            voice.file.save("voice.mp3", ContentFile(b"ID3" + canary.encode()), save=False)
            voice.save()
            transcript = RichText(f"<p>Transcript {canary}</p>")
            body.append(
                body_block("audio", media=voice, title=f"Listen {canary}", transcript=transcript)
            )
        page = TestimonyPage(
            title=f"Working title {canary}",
            slug=f"story-{canary}",
            pseudonym=record.pseudonym,
            quote=f"Quote {canary}",
            teaser=f"Teaser {canary}",
            hero_image=own,
            hero_alt_text=f"Alt {canary}",
            content_note=f"Note {canary}",
            themes=["labour"],
            consent=record,
            locale=nl,
            body=body,
        )
        index.add_child(instance=page)
        page.save_revision(user=editor)  # a revision whose title holds the canary
        page.title = f"Final title {canary}"
        revision = page.save_revision(user=editor, log_action=True)
        revision.publish()  # as a system job: the review workflow is not under test here
        page.refresh_from_db()

        comment = Comment.objects.create(
            page=page, user=editor, text=f"Comment {canary}", contentpath="title"
        )
        CommentReply.objects.create(comment=comment, user=editor, text=f"Reply {canary}")
        log(
            instance=page,
            action="wagtail.comments.create",
            user=editor,
            data={"comment": {"id": comment.pk, "contentpath": "title", "text": comment.text}},
        )
        workflow = page.get_workflow() or Workflow.objects.filter(active=True).first()
        workflow_state = workflow.start(page, editor)
        task_state_id = workflow_state.current_task_state_id
        workflow_state.cancel(user=editor)
        TaskState.objects.filter(pk=task_state_id).update(comment=f"Review {canary}")

    with capture(execute=True):
        english = translate(page, en)
    with capture(execute=True):
        alias = page.create_alias(update_slug=f"alias-{canary}", user=editor)

    with capture(execute=True):
        for story_page in (page, english, alias):
            story_page = story_page.specific
            search_index.insert_or_update_object(story_page)
            ReferenceIndex.create_or_update_for_object(story_page)
        search_index.insert_or_update_object(own)
        # Other objects that quote the story.
        log(
            instance=neighbour,
            action="wagtail.reorder",
            user=editor,
            data={
                "source": {"id": neighbour.pk, "title": neighbour.title},
                "destination": {"id": page.pk, "title": page.title},
            },
        )
        Redirect.objects.create(old_path=f"/nl/old-{canary}", redirect_page=page)
        Redirect.objects.create(
            old_path=f"/nl/verhalen/{page.slug}", redirect_link="https://example.org/"
        )
        FormState.objects.create(
            user=editor,
            content_type=ContentType.objects.get_for_model(TestimonyPage),
            object_id=str(page.pk),
            parent_object_id="",
            data=urlencode({"title": page.title, "quote": page.quote}),
            last_updated_at=timezone.now(),
        )
        FormState.objects.create(
            user=editor,
            content_type=ContentType.objects.get_for_model(TestimonyPage),
            object_id="",
            parent_object_id=str(index.pk),
            data=urlencode({"title": f"Sequel to Final title {canary}"}),
            last_updated_at=timezone.now(),
        )
        session = SessionStore()
        session["last_story"] = page.title
        session.save()

    return {
        "record": record,
        "pages": [page, english.specific, alias.specific],
        "own_image": own,
        "shared_image": shared,
        "neighbour": neighbour,
        "session_key": session.session_key,
        "editor": editor,
    }


# --- where copies could hide -------------------------------------------------------------------


def dumpdata() -> str:
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue()


def raw_dump() -> str:
    """Every row of every table, as the database's own dump would show it."""
    connection.ensure_connection()
    if connection.vendor == "sqlite":
        return "\n".join(connection.connection.iterdump())
    lines = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT t::text FROM {quoted} AS t")
            lines += [row[0] for row in cursor.fetchall()]
    return "\n".join(lines)


def sqlite_file_bytes() -> bytes:
    """The bytes of the database file as SQLite would write them, freed pages included."""
    connection.ensure_connection()
    return connection.connection.serialize()


def media_holding(canary: str) -> list[str]:
    found = []
    for path in Path(settings.MEDIA_ROOT).rglob("*"):
        if path.is_file() and (canary in path.name or canary.encode() in path.read_bytes()):
            found.append(str(path))
    return found


# --- tests -------------------------------------------------------------------------------------


def test_erasure_leaves_no_copy_of_the_story(django_capture_on_commit_callbacks):
    canary = uuid.uuid4().hex
    story = build_story(canary, django_capture_on_commit_callbacks)
    record = story["record"]
    page_ids = [page.pk for page in story["pages"]]
    own, shared = story["own_image"], story["shared_image"]
    own_files = [own.file.name] + [r.file.name for r in own.renditions.all()]
    storage = own.file.storage
    translation_key = story["pages"][0].translation_key

    # Positive controls: every check below can see the canary while the story exists.
    assert canary in dumpdata()
    assert canary in raw_dump()
    assert all(storage.exists(name) for name in own_files)
    assert Revision.objects.filter(object_str__contains=canary).exists()
    assert TaskState.objects.filter(comment__contains=canary).exists()
    assert String.objects.filter(data__contains=canary).exists()
    assert any(
        canary in json.dumps(entry.data)
        for entry in PageLogEntry.objects.filter(page=story["neighbour"])
    )
    if connection.vendor == "sqlite":
        assert canary.encode() in sqlite_file_bytes()

    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("erase_story", record.pseudonym, "--yes", stdout=out)
    output = out.getvalue()

    assert canary not in output, "the command must print ids and counts only"
    for page_id in page_ids:
        assert str(page_id) in output
    assert canary not in dumpdata()
    assert canary not in raw_dump()
    if connection.vendor == "sqlite":
        assert canary.encode() not in sqlite_file_bytes()
    assert media_holding(canary) == []

    # The story and everything about it is gone.
    assert not Page.objects.filter(pk__in=page_ids).exists()
    assert not ConsentRecord.objects.filter(pk=record.pk).exists()
    assert not ConsentWithdrawal.objects.filter(record_id=record.pk).exists()
    assert not Revision.objects.filter(object_id__in=[str(pk) for pk in page_ids]).exists()
    assert not PageLogEntry.objects.filter(page_id__in=page_ids).exists()
    assert not WorkflowState.objects.filter(object_id__in=[str(pk) for pk in page_ids]).exists()
    assert not TranslatableObject.objects.filter(translation_key=translation_key).exists()
    assert not ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(ConsentRecord), object_id=str(record.pk)
    ).exists()
    assert not Session.objects.filter(session_key=story["session_key"]).exists()
    assert not Tag.objects.filter(name=f"tag-{canary}").exists()
    assert not get_image_model().objects.filter(pk=own.pk).exists()
    assert not any(storage.exists(name) for name in own_files)
    # What another page uses stays: the shared image, its file, the neighbour and its log.
    shared.refresh_from_db()
    assert shared.file.storage.exists(shared.file.name)
    assert Page.objects.filter(pk=story["neighbour"].pk).exists()
    assert PageLogEntry.objects.filter(page=story["neighbour"], action="wagtail.reorder").exists()

    # The ledger keeps ids and dates, no text.
    entry = ConsentLedgerEntry.objects.get(
        kind=ConsentLedgerEntry.ERASURE, consent_record_id=record.pk
    )
    assert entry.story_key == translation_key
    assert sorted(entry.page_ids) == sorted(page_ids)
    assert all(isinstance(pk, int) for pk in entry.page_ids)
    ledger = io.StringIO()
    call_command("dumpdata", "stories.ConsentLedgerEntry", stdout=ledger)
    assert canary not in ledger.getvalue()
    assert "Teller" not in ledger.getvalue()


def test_an_image_in_another_pages_draft_is_kept(django_capture_on_commit_callbacks):
    """The reference index records what pages hold, not their drafts: drafts are asked too."""
    canary = uuid.uuid4().hex
    story = build_story(canary, django_capture_on_commit_callbacks)
    own = story["own_image"]
    neighbour = story["neighbour"].specific
    with django_capture_on_commit_callbacks(execute=True):
        neighbour.hero_image = own
        neighbour.save_revision()  # a draft only: the live page keeps its own image
    assert TestimonyPage.objects.get(pk=neighbour.pk).hero_image_id != own.pk

    with django_capture_on_commit_callbacks(execute=True):
        result = erase_story(story["record"])

    assert own.pk in result.plan.kept_image_ids
    assert get_image_model().objects.filter(pk=own.pk).exists()
    assert own.file.storage.exists(own.file.name)


def test_a_record_without_pages_is_erased_too():
    record = ConsentRecord.objects.create(
        pseudonym=f"Unused {uuid.uuid4().hex}",
        given_on=timezone.localdate(),
        evidence_reference="x",
    )
    result = erase_story(record)
    assert result.plan.page_ids == []
    assert not ConsentRecord.objects.filter(pk=record.pk).exists()
    entry = ConsentLedgerEntry.objects.get(pk=result.ledger_entry_id)
    assert (entry.kind, entry.consent_record_id, entry.page_ids) == (
        ConsentLedgerEntry.ERASURE,
        record.pk,
        [],
    )


def test_unknown_pseudonym_changes_nothing():
    before = dumpdata()
    with pytest.raises(CommandError, match="No consent record has this pseudonym"):
        call_command("erase_story", "nobody-has-this-name", "--yes", stdout=io.StringIO())
    assert dumpdata() == before


def test_refuses_without_yes_when_there_is_no_terminal():
    record = TestimonyPage.objects.filter(consent__isnull=False).first().consent
    before = dumpdata()
    with pytest.raises(CommandError, match="--yes"):
        call_command(
            "erase_story", record.pseudonym, stdin=io.StringIO("erase\n"), stdout=io.StringIO()
        )
    assert dumpdata() == before


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_asks_on_a_terminal_and_stops_unless_confirmed():
    record = TestimonyPage.objects.filter(consent__isnull=False).first().consent
    before = dumpdata()
    out = io.StringIO()
    with pytest.raises(CommandError, match="Not confirmed"):
        call_command("erase_story", record.pseudonym, stdin=FakeTerminal("no\n"), stdout=out)
    assert "Type 'erase'" in out.getvalue()
    assert dumpdata() == before


def test_only_superusers_may_erase():
    record = TestimonyPage.objects.filter(consent__isnull=False).first().consent
    officer = get_user_model().objects.create_user("officer", password="x" * 20, is_staff=True)
    with pytest.raises(PermissionDenied):
        erase_story(record, user=officer)
    assert ConsentRecord.objects.filter(pk=record.pk).exists()
    assert TestimonyPage.objects.filter(consent=record).exists()


@pytest.mark.skipif(
    "sqlite" not in settings.DATABASES["default"]["ENGINE"],
    reason="other database run: SQLite file format",
)
def test_sqlite_file_and_wal_hold_no_trace_after_the_command(
    django_capture_on_commit_callbacks, tmp_path
):
    """The real thing: a database file in WAL mode, the command in its own process, then the
    file's bytes, its WAL and the sqlite3 `.dump` are searched for the canary."""
    canary = uuid.uuid4().hex
    story = build_story(canary, django_capture_on_commit_callbacks)
    database = tmp_path / "db.sqlite3"
    database.write_bytes(sqlite_file_bytes())
    assert canary.encode() in database.read_bytes()

    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        DATABASE_URL=f"sqlite:///{database}",
        DJANGO_SETTINGS_MODULE="sitewide.settings",
        SECRET_KEY="test-only-" + "k" * 50,
        VAR_DIR=str(tmp_path / "var"),
        MEDIA_ROOT=str(settings.MEDIA_ROOT),
        SITE_HTTPS="0",
        EMAIL_URL="memory://",
    )
    finished = subprocess.run(
        [sys.executable, "manage.py", "erase_story", story["record"].pseudonym, "--yes"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert finished.returncode == 0, finished.stderr
    assert canary not in finished.stdout + finished.stderr
    assert "VACUUM done, WAL checkpointed and truncated, 0 free pages" in finished.stdout

    for path in tmp_path.glob("db.sqlite3*"):
        assert canary.encode() not in path.read_bytes(), path.name
    if shutil.which("sqlite3"):
        dump = subprocess.run(
            ["sqlite3", str(database), ".dump"], capture_output=True, text=True, check=True
        ).stdout
    else:
        with sqlite3.connect(database) as raw:
            dump = "\n".join(raw.iterdump())
    assert "wagtailcore_page" in dump
    assert canary not in dump
    assert media_holding(canary) == []


def test_admin_erase_action_is_for_superusers_only(client):
    from tests.helpers import make_user

    record = ConsentRecord.objects.get(pseudonym=SECOND_PSEUDONYM)
    url = f"/admin/consent/{record.pk}/erase/"
    client.force_login(make_user("officer", "Consent officers"))
    assert client.get(url).status_code in (302, 403)
    client.post(url, {"confirm": "erase"})
    assert ConsentRecord.objects.filter(pk=record.pk).exists()

    client.force_login(make_user("root", superuser=True))
    page = client.get(url)
    assert page.status_code == 200 and "cannot be undone" in page.content.decode()
    refused = client.post(url, {"confirm": "yes"})
    assert refused.status_code == 200
    assert ConsentRecord.objects.filter(pk=record.pk).exists()
    response = client.post(url, {"confirm": "erase"})
    assert response.status_code == 302
    assert not ConsentRecord.objects.filter(pk=record.pk).exists()
    assert not TestimonyPage.objects.filter(pseudonym=SECOND_PSEUDONYM).exists()


def news_linking_to(story, paragraph: str, text: str):
    """A published news page in the story's language with `paragraph` added, whose `{link}`
    is a rich-text link to the story reading `text`."""
    from stories.models import NewsPage

    news = NewsPage.objects.filter(locale=story.locale).live().first()
    link = f'<a linktype="page" id="{story.pk}">{text}</a>'
    body = list(news.body.raw_data)
    body.append({"type": "text", "value": paragraph.format(link=link), "id": uuid.uuid4().hex})
    news.body = body
    news.save_revision().publish()
    return news


def test_erasure_unlinks_other_pages_and_deletes_earlier_strings_and_kept_answers(
    client, django_capture_on_commit_callbacks
):
    """Links from another page keep a neutral phrase in every revision; a string of an
    earlier version of the quote (orphaned by a source update) goes; kept page-cache answers
    that held the story's text are deleted from the cache itself, not only no longer served."""
    from django.core.cache import caches
    from wagtail_localize.models import TranslationSource

    from sitewide.caching import page_cache_erasure
    from stories.consent.erasure import erase_story
    from stories.models import NewsPage

    record = ConsentRecord.objects.get(pseudonym=FIRST_PSEUDONYM)
    source = TestimonyPage.objects.get(consent=record, locale__language_code="nl")
    english = TestimonyPage.objects.get(consent=record, locale__language_code="en")
    earlier_quote = f"An earlier quote {uuid.uuid4().hex}"
    source.quote = earlier_quote
    source.save_revision()
    source.save()
    TranslationSource.update_or_create_from_instance(source)
    source.quote = "The quote as it reads now."
    source.save_revision()
    source.save()
    TranslationSource.update_or_create_from_instance(source)
    orphan = String.objects.get(data=earlier_quote)
    assert not orphan.segments.exists()  # positive control: orphaned, still there

    news = news_linking_to(english, "<p>See {link}.</p>", f"the {FIRST_PSEUDONYM} story")
    assert client.get(english.url)["X-Page-Cache"] == "miss"
    backend = caches["default"]
    forms = page_cache_erasure._forms([english.quote])

    def kept_quoting() -> int:
        found = 0
        for name in backend._list_cache_files():
            with open(name, "rb") as handle:
                import pickle
                import zlib

                pickle.load(handle)  # noqa: S301
                entry = pickle.loads(zlib.decompress(handle.read()))  # noqa: S301
            found += page_cache_erasure._quotes(entry, forms)
        return found

    assert kept_quoting() >= 1

    with django_capture_on_commit_callbacks(execute=True):
        result = erase_story(record, compact=False)

    assert not String.objects.filter(pk=orphan.pk).exists()
    assert kept_quoting() == 0
    assert result.unlinked >= 1
    assert any(f" {news.pk} (en)" in line for line in result.review)
    for revision in Revision.objects.filter(object_id=str(news.pk)):
        text = json.dumps(revision.content)
        assert f'id=\\"{english.pk}\\"' not in text and f"the {FIRST_PSEUDONYM} story" not in text
    news = NewsPage.objects.get(pk=news.pk)
    rendered = json.dumps(list(news.body.raw_data))
    assert f"the {FIRST_PSEUDONYM} story" not in rendered
    assert "no longer available" in rendered


def test_erasure_unlinks_typed_addresses_and_deletes_redirects_to_them(
    client, settings, django_capture_on_commit_callbacks
):
    """Links typed as an address of the story (absolute, relative, another spelling) lose
    their address and text like chosen ones; redirects to such an address are deleted. After
    the erasure nothing recognises the address any more, so neither may outlive it."""
    from wagtail.contrib.redirects.models import Redirect

    from stories.consent.erasure import erase_story

    settings.ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
    record = ConsentRecord.objects.get(pseudonym=FIRST_PSEUDONYM)
    english = TestimonyPage.objects.get(consent=record, locale__language_code="en")
    slug = english.slug
    addresses = [
        f"http://testserver{english.url}",
        f"http://LOCALHOST{english.url.upper()}",
        english.url,
        f"/stories/{slug}",
        f"http://127.1:8000{english.url}feed/",
    ]
    links = "".join(
        f'<p><a href="{address}">typed link {number}</a></p>'
        for number, address in enumerate(addresses)
    )
    links += '<p><a href="https://example.org/en/stories/elsewhere/">another site</a></p>'
    news = news_linking_to(english, links + "<p>{link}</p>", "a chosen link")
    for number, address in enumerate(addresses):
        Redirect.objects.create(old_path=f"/en/typed-{number}", redirect_link=address)
    Redirect.objects.create(old_path="/en/elsewhere", redirect_link="https://example.org/")
    # A language's help text (a snippet), and a page's content that no revision holds.
    from sitewide.models import LanguageSettings
    from stories.models import NewsPage

    help_settings = LanguageSettings.objects.get(locale__language_code="en")
    help_settings.help_text += f'<p><a href="{english.url}">help link</a></p>'
    help_settings.save()
    other = NewsPage.objects.filter(locale=english.locale).exclude(pk=news.pk).first()
    paragraph = f'<p><a href="http://testserver{english.url}">live link</a></p>'
    other.body = [*other.body.raw_data, {"type": "text", "value": paragraph, "id": "x1"}]
    other.save()

    with django_capture_on_commit_callbacks(execute=True):
        erase_story(record, compact=False)

    help_settings.refresh_from_db()
    assert "help link" not in help_settings.help_text
    assert f"/{slug}" not in help_settings.help_text.lower()
    other_body = json.dumps(list(NewsPage.objects.get(pk=other.pk).body.raw_data)).lower()
    assert "live link" not in other_body and f"/{slug}" not in other_body

    assert not Redirect.objects.filter(old_path__startswith="/en/typed-").exists()
    assert Redirect.objects.filter(old_path="/en/elsewhere").exists()
    page = client.get(news.url).content.decode()
    for revision in Revision.objects.filter(object_id=str(news.pk)):
        text = json.dumps(revision.content).lower()
        assert "typed link" not in text and f"/{slug}" not in text
    assert "typed link" not in page and f"/{slug}" not in page.lower()
    assert page.count("no longer available") >= len(addresses)
    assert 'href="https://example.org/en/stories/elsewhere/"' in page


def test_erasure_forgets_the_link_text_in_other_pages_translation_strings(
    django_capture_on_commit_callbacks,
):
    """The other page's translation source is read again from the unlinked page, and the
    strings and translations that held the link's text go with the link."""
    from wagtail.models import Locale
    from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource

    from stories.consent.erasure import erase_story

    record = ConsentRecord.objects.get(pseudonym=FIRST_PSEUDONYM)
    dutch_story = TestimonyPage.objects.get(consent=record, locale__language_code="nl")
    canary = uuid.uuid4().hex
    news = news_linking_to(dutch_story, "<p>Lees {link}.</p>", f"{FIRST_PSEUDONYM} {canary}")
    source, _created = TranslationSource.update_or_create_from_instance(news)
    segment = StringSegment.objects.get(source=source, string__data__contains=canary)
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=Locale.objects.get(language_code="en"),
        context=segment.context,
        data=f'Read <a id="a1">{FIRST_PSEUDONYM} {canary}</a>.',
    )

    with django_capture_on_commit_callbacks(execute=True):
        erase_story(record, compact=False)

    assert not String.objects.filter(data__contains=canary).exists()
    assert not StringTranslation.objects.filter(data__contains=canary).exists()
    texts = StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    assert any("no longer available" in text or "niet meer" in text for text in texts), texts
