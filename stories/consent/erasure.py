"""Erasing a teller's story (GDPR Art. 17): every page, every copy of its text, its own files.

One service for the `erase_story` command and the superusers' admin action. After an erasure,
a logical dump of the database (`dumpdata`, SQLite `.dump`, `pg_dump`) and the media folder hold
none of the story's text. What is kept is a ledger entry of ids and dates only.

Copies of a story's text live in many places besides its pages; each is named here:

- the pages: every translation, alias and copy (all point to one consent record or share a
  translation key), with what Wagtail cascades from them (comments and replies, subscriptions,
  view restrictions, workflow pages, related-story links);
- revisions (a generic relation: they outlive the page), workflow states and task states with
  their comments, page and model audit-log entries (labels and data hold titles and comments,
  and Wagtail logs the deletion itself under the title);
- the reference index, the search index (rows and, on SQLite, the FTS5 shadow tables), the
  admin's saved form states and editing sessions, redirects to the pages;
- wagtail-localize: translatable objects, sources (a full JSON snapshot), translations, logs,
  contexts, segments, string translations and overrides made in the story's contexts, and the
  strings and templates that no other source uses;
- assets only this story uses (rows with files that any page or revision of the story refers
  to: images with their renditions, documents, audio and video), their files in storage (for
  video also the captions), their tags when nothing else uses them;
- the consent record (its pseudonym is story text) with its withdrawals;
- audit-log entries of other objects, saved create forms and sessions that quote a title, slug
  or the pseudonym (found by searching for those strings);
- finally the freed database space: on SQLite the FTS5 index is merged, deleted content is
  zeroed (`secure_delete`), the file is rebuilt (`VACUUM`) and the WAL is checkpointed and
  truncated; on PostgreSQL the touched tables are vacuumed (`VACUUM`, or `VACUUM FULL`).
"""

import json
import logging
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from urllib.parse import unquote_plus

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection, models, transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from modelcluster.fields import ParentalKey
from wagtail.images import get_image_model
from wagtail.models import (
    Comment,
    ModelLogEntry,
    Page,
    PageLogEntry,
    ReferenceIndex,
    Revision,
    WorkflowState,
)

from stories.consent import mentions
from stories.consent.takedown import story_page_ids
from stories.models import ConsentLedgerEntry, ConsentRecord, TestimonyPage
from stories.signals import stories_taken_down, story_erased

logger = logging.getLogger(__name__)

# Strings shorter than this are too common to search for in other objects' data.
MIN_NEEDLE_LENGTH = 4
# What a scrubbed audit-log label of another object reads.
ERASED_LABEL = "[erased]"


class UnknownPseudonym(LookupError):
    """No consent record (or more than one, ignoring case) has the pseudonym."""


@dataclass
class ErasurePlan:
    """What an erasure will delete, as ids only. Assets are rows that hold files (images,
    documents, audio and video) keyed by model label."""

    record_id: int
    page_ids: list[int]
    story_key: str | None
    translation_keys: list[str]
    assets: dict[str, list] = field(default_factory=dict)
    kept_assets: dict[str, list] = field(default_factory=dict)

    @property
    def image_ids(self) -> list:
        return self.assets.get(get_image_model()._meta.label, [])

    @property
    def kept_image_ids(self) -> list:
        return self.kept_assets.get(get_image_model()._meta.label, [])

    def describe(self) -> list[str]:
        return [
            f"Consent record: id {self.record_id}",
            f"Pages (every translation and alias): {_ids(self.page_ids)}",
            f"Files only this story uses, to delete: {_assets(self.assets)}",
            f"Files also used elsewhere, kept: {_assets(self.kept_assets)}",
        ]


@dataclass
class ErasureResult:
    plan: ErasurePlan
    ledger_entry_id: int | None
    deleted: Counter = field(default_factory=Counter)
    scrubbed: Counter = field(default_factory=Counter)
    files_deleted: list[str] = field(default_factory=list)
    files_left: list[str] = field(default_factory=list)
    files_pending: bool = True
    compaction: str = ""
    review: list[str] = field(default_factory=list)
    unlinked: int = 0

    def describe(self) -> list[str]:
        lines = self.plan.describe()
        lines.append(f"Ledger entry: id {self.ledger_entry_id} (ids and dates only)")
        lines.append(f"Links from other pages replaced by a neutral phrase: {self.unlinked}")
        if self.review:
            lines.append("Other pages to review (they named or linked to the story):")
            lines += [f"  {line}" for line in self.review]
        lines.append("Rows deleted:")
        lines += [f"  {label}: {count}" for label, count in sorted(self.deleted.items()) if count]
        if any(self.scrubbed.values()):
            lines.append("Rows of other objects scrubbed or deleted because they quoted the story:")
            lines += [
                f"  {label}: {count}" for label, count in sorted(self.scrubbed.items()) if count
            ]
        if self.files_pending:
            lines.append("Files: deleted from storage when the transaction commits")
        else:
            lines.append(f"Files deleted from storage: {len(self.files_deleted)}")
        if self.files_left:
            lines.append(f"Files that could NOT be deleted: {', '.join(self.files_left)}")
        lines.append(f"Freed database space: {self.compaction}")
        return lines


def _ids(ids) -> str:
    return ", ".join(str(pk) for pk in ids) or "none"


def _assets(assets: dict) -> str:
    return "; ".join(f"{label} {_ids(ids)}" for label, ids in sorted(assets.items()) if ids) or (
        "none"
    )


# --- finding the story -------------------------------------------------------------------------


def find_record(pseudonym: str) -> ConsentRecord:
    """The record with exactly this pseudonym, else the only one that matches ignoring case."""
    record = ConsentRecord.objects.filter(pseudonym=pseudonym).first()
    if record is not None:
        return record
    matches = list(ConsentRecord.objects.filter(pseudonym__iexact=pseudonym)[:2])
    if len(matches) == 1:
        return matches[0]
    raise UnknownPseudonym(
        "No consent record has this pseudonym."
        if not matches
        else "Several consent records match this pseudonym when case is ignored; give it exactly."
    )


def _plain(text: str) -> str:
    from django.utils.html import strip_tags

    return " ".join(strip_tags(text).split())


def _strings_of(value, found: list):
    if isinstance(value, str):
        found.append(value)
    elif isinstance(value, list):
        for item in value:
            _strings_of(item, found)
    elif isinstance(value, dict):
        for item in value.values():
            _strings_of(item, found)


# Orphaned strings shorter than this are too common ("Read more") to be taken as the story's.
MIN_ORPHAN_LENGTH = 12


def _orphan_strings_in(revisions) -> set:
    """wagtail-localize strings that no segment uses any more (an earlier version of a text,
    left when its source was updated) and whose text one of the story's revisions holds."""
    from wagtail_localize.models import String

    texts: list[str] = []
    for revision in revisions:
        content = revision.content
        if isinstance(content, str):
            content = json.loads(content)
        _strings_of(content, texts)
    if not texts:
        return set()
    blob = "\n".join(_plain(text) for text in texts)
    found = set()
    for pk, data in String.objects.filter(segments__isnull=True).values_list("pk", "data"):
        plain = _plain(data)
        if len(plain) >= MIN_ORPHAN_LENGTH and plain in blob:
            found.add(pk)
    return found


def _page_revisions(page_ids):
    page_ct = ContentType.objects.get_for_model(Page)
    return Revision.objects.filter(
        base_content_type=page_ct, object_id__in=[str(pk) for pk in page_ids]
    )


def _references(objects) -> set[tuple[int, str]]:
    """(content type id, object id) of everything the objects refer to (foreign keys, chooser
    blocks, rich text), by the same extraction Wagtail's reference index uses."""
    found = set()
    for obj in objects:
        for (
            content_type_id,
            object_id,
            _model,
            _path,
        ) in ReferenceIndex._extract_references_from_object(obj):
            found.add((content_type_id, str(object_id)))
    return found


def _file_fields(model):
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def _is_asset_model(model) -> bool:
    """Rows that hold files: images, documents, audio and video."""
    return model is not None and not issubclass(model, Page) and bool(_file_fields(model))


def _revision_objects(revisions):
    """The objects stored in revisions; a revision that no longer loads is skipped."""
    objects = []
    for revision in revisions:
        try:
            objects.append(revision.as_object())
        except Exception:  # an old revision may not fit today's model; it holds no usage then
            logger.warning(
                "Revision %s could not be loaded to look for files it uses.", revision.pk
            )
    return objects


def _story_assets(page_ids) -> dict:
    """Asset model -> pks of the assets any page or revision of the story refers to."""
    pages = Page.objects.filter(pk__in=page_ids).specific()
    references = _references(pages)
    references |= _references(_revision_objects(_page_revisions(page_ids)))
    page_ct = ContentType.objects.get_for_model(Page)
    references |= set(
        ReferenceIndex.objects.filter(
            base_content_type=page_ct, object_id__in=[str(pk) for pk in page_ids]
        ).values_list("to_content_type_id", "to_object_id")
    )
    wanted = defaultdict(set)
    for content_type_id, object_id in references:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if _is_asset_model(model):
            wanted[model].add(object_id)
    return {
        model: set(model._base_manager.filter(pk__in=ids).values_list("pk", flat=True))
        for model, ids in wanted.items()
    }


def _reverse_relations(model):
    """Every relation pointing at `model`, hidden ones (related_name="+") included."""
    return [
        relation
        for relation in model._meta.get_fields(include_hidden=True)
        if relation.auto_created
        and not relation.concrete
        and (relation.one_to_many or relation.one_to_one)
    ]


def _rows_outside_story(relation, instance, page_ids):
    related_model = relation.related_model
    rows = related_model._base_manager.filter(**{relation.field.name: instance})
    if issubclass(related_model, Page):
        return rows.exclude(pk__in=page_ids)
    for parental_key in related_model._meta.get_fields():
        if isinstance(parental_key, ParentalKey) and issubclass(parental_key.related_model, Page):
            rows = rows.exclude(**{f"{parental_key.name}__in": page_ids})
    return rows


def _references_in_other_drafts(page_ids) -> set[tuple[int, str]]:
    """What drafts and scheduled revisions of other pages refer to: the reference index only
    records what the pages' own rows hold."""
    drafts = Revision.objects.filter(
        Q(
            pk__in=Page.objects.exclude(pk__in=page_ids)
            .filter(has_unpublished_changes=True)
            .values("latest_revision_id")
        )
        | Q(approved_go_live_at__isnull=False)
    ).exclude(pk__in=_page_revisions(page_ids).values("pk"))
    return _references(_revision_objects(drafts))


def _used_elsewhere(asset, page_ids, other_drafts) -> bool:
    base_ct = ReferenceIndex._get_base_content_type(asset)
    if (base_ct.id, str(asset.pk)) in other_drafts:
        return True
    page_ct = ContentType.objects.get_for_model(Page)
    elsewhere = ReferenceIndex.get_references_to(asset).exclude(
        base_content_type=page_ct, object_id__in=[str(pk) for pk in page_ids]
    )
    if elsewhere.exists():
        return True
    derived = asset.get_rendition_model() if hasattr(asset, "get_rendition_model") else None
    for relation in _reverse_relations(type(asset)):
        if relation.related_model is derived:
            continue
        if _rows_outside_story(relation, asset, page_ids).exists():
            return True
    return False


def plan_erasure(record: ConsentRecord, also_page_ids=()) -> ErasurePlan:
    page_ids = story_page_ids(record, also=also_page_ids)
    pages = Page.objects.filter(pk__in=page_ids)
    keys = sorted({str(key) for key in pages.values_list("translation_key", flat=True)})
    source = (
        TestimonyPage.objects.filter(pk__in=page_ids, alias_of=None).order_by("pk").first()
        or pages.order_by("pk").first()
    )
    story_assets = _story_assets(page_ids)
    other_drafts = _references_in_other_drafts(page_ids) if story_assets else set()
    assets, kept = {}, {}
    for model, pks in sorted(story_assets.items(), key=lambda item: item[0]._meta.label):
        for asset in model._base_manager.filter(pk__in=pks).order_by("pk"):
            bucket = kept if _used_elsewhere(asset, page_ids, other_drafts) else assets
            bucket.setdefault(model._meta.label, []).append(asset.pk)
    return ErasurePlan(
        record_id=record.pk,
        page_ids=sorted(page_ids),
        story_key=str(source.translation_key) if source else None,
        translation_keys=keys,
        assets=assets,
        kept_assets=kept,
    )


# --- erasing -----------------------------------------------------------------------------------


class _Eraser:
    def __init__(self, plan: ErasurePlan, result: ErasureResult):
        self.plan = plan
        self.result = result
        self.tables: set[str] = set()
        self.files: list[tuple[object, str]] = []
        self.needles: set[str] = set()
        self.slugs: set[str] = set()

    # helpers
    def delete(self, queryset, counter=None):
        counter = self.result.deleted if counter is None else counter
        _total, per_model = queryset.delete()
        self._count(per_model, counter)

    def _count(self, per_model, counter):
        for label, count in per_model.items():
            if count:
                counter[label] += count
                self.tables.add(apps.get_model(label)._meta.db_table)

    def remember(self, *texts):
        for text in texts:
            if isinstance(text, str) and len(text.strip()) >= MIN_NEEDLE_LENGTH:
                self.needles.add(text.strip())

    def object_rows(self, model, content_types, object_ids, ct_field="content_type"):
        return model.objects.filter(
            **{f"{ct_field}__in": content_types, "object_id__in": [str(pk) for pk in object_ids]}
        )

    # steps
    def collect_needles(self, record, pages, revisions, assets):
        self.remember(record.pseudonym)
        for page in pages:
            self.remember(page.title, page.draft_title, page.seo_title, page.slug)
            self.slugs.add(page.slug)
        for revision in revisions:
            content = revision.content if isinstance(revision.content, dict) else {}
            self.remember(
                revision.object_str,
                *(content.get(key) for key in ("title", "draft_title", "seo_title", "slug")),
            )
            if isinstance(content.get("slug"), str):
                self.slugs.add(content["slug"])
        self.slugs.discard("")
        for asset in assets:
            self.remember(getattr(asset, "title", None))

    def erase_translations(self, keys, revisions=()):
        """Every translation source, segment and string of the story, and strings of earlier
        versions of its text that a source update left without a segment (orphans): those
        translated in the story's contexts, and those whose text the story's revisions hold."""
        if not apps.is_installed("wagtail_localize"):
            return
        from wagtail_localize.models import (
            OverridableSegment,
            RelatedObjectSegment,
            SegmentOverride,
            String,
            StringSegment,
            StringTranslation,
            Template,
            TemplateSegment,
            TranslatableObject,
            Translation,
            TranslationContext,
            TranslationLog,
            TranslationSource,
        )

        objects = TranslatableObject.objects.filter(translation_key__in=keys)
        sources = TranslationSource.objects.filter(object__in=objects)
        contexts = TranslationContext.objects.filter(object__in=objects)
        mine = Q(source__in=sources) | Q(context__in=contexts)
        string_ids = set(StringSegment.objects.filter(mine).values_list("string_id", flat=True))
        string_ids |= set(
            StringTranslation.objects.filter(context__in=contexts).values_list(
                "translation_of_id", flat=True
            )
        )
        string_ids |= _orphan_strings_in(revisions)
        template_ids = set(
            TemplateSegment.objects.filter(mine).values_list("template_id", flat=True)
        )
        # Translations made in the story's contexts, even of strings other sources share.
        self.delete(StringTranslation.objects.filter(context__in=contexts))
        self.delete(SegmentOverride.objects.filter(context__in=contexts))
        for model in (StringSegment, TemplateSegment, RelatedObjectSegment, OverridableSegment):
            self.delete(model.objects.filter(mine))
        self.delete(TranslationLog.objects.filter(source__in=sources))
        self.delete(Translation.objects.filter(source__in=sources))
        self.delete(sources)
        self.delete(contexts)
        # Cascades to segments of other sources that link to the story as a related object.
        self.delete(objects)
        # Strings and templates that no other source uses, with every translation of them.
        strings = String.objects.filter(pk__in=string_ids, segments__isnull=True)
        # Translations left without a context (SET_NULL) would trip wagtail-localize's
        # post_delete handler, which reads the context: delete them without signals.
        orphans = StringTranslation.objects.filter(translation_of__in=strings, context=None)
        orphan_count = orphans._raw_delete(orphans.db)
        self._count({StringTranslation._meta.label: orphan_count}, self.result.deleted)
        self.delete(strings)
        self.delete(Template.objects.filter(pk__in=template_ids, segments__isnull=True))

    def erase_pages(self, page_ids, user):
        page_ct = ContentType.objects.get_for_model(Page)
        page_cts = [page_ct, *_page_content_types()]
        str_ids = [str(pk) for pk in page_ids]
        self.delete(Comment.objects.filter(page_id__in=page_ids))
        # Aliases first, then the deepest pages: Wagtail deletes a page with its descendants.
        pages = Page.objects.filter(pk__in=page_ids)
        order = list(pages.exclude(alias_of=None).order_by("-depth", "pk")) + list(
            pages.filter(alias_of=None).order_by("-depth", "pk")
        )
        for pk in [page.pk for page in order]:
            page = Page.objects.filter(pk=pk).first()
            if page is None:
                continue  # deleted with an ancestor
            _total, per_model = page.specific.delete(user=user)
            self._count(per_model, self.result.deleted)
        # What a page's deletion leaves behind: generic relations and logs outlive the page,
        # and Wagtail logs the deletion itself under the page's title.
        self.delete(WorkflowState.objects.filter(base_content_type=page_ct, object_id__in=str_ids))
        self.delete(_page_revisions(page_ids))
        self.delete(self.object_rows(Revision, page_cts, page_ids))
        self.delete(PageLogEntry.objects.filter(page_id__in=page_ids))
        self.delete(self.object_rows(ModelLogEntry, page_cts, page_ids))
        self.erase_generic_rows(page_cts, page_ids)
        if apps.is_installed("wagtail.admin"):
            from wagtail.admin.models import FormState

            # Unsaved forms for new pages below the story's pages.
            self.delete(FormState.objects.filter(parent_object_id__in=str_ids))
        if apps.is_installed("wagtail.contrib.redirects"):
            from wagtail.contrib.redirects.models import Redirect

            self.delete(Redirect.objects.filter(redirect_page_id__in=page_ids))

    def erase_redirects_to_addresses(self, page_ids):
        """Redirects to an address of the story, in any spelling: once its pages are gone,
        nothing would recognise the address any more, and the redirect would reveal it."""
        if not apps.is_installed("wagtail.contrib.redirects"):
            return
        from wagtail.contrib.redirects.models import Redirect

        addresses = mentions.AddressesOf(page_ids)
        leading = [
            redirect.pk
            for redirect in Redirect.objects.exclude(redirect_link="").only("redirect_link")
            if redirect.redirect_link in addresses
        ]
        self.delete(Redirect.objects.filter(pk__in=leading))

    def erase_generic_rows(self, content_types, object_ids):
        """Rows that point at objects by content type and id: they survive the object."""
        str_ids = [str(pk) for pk in object_ids]
        self.delete(
            ReferenceIndex.objects.filter(
                Q(base_content_type__in=content_types, object_id__in=str_ids)
                | Q(content_type__in=content_types, object_id__in=str_ids)
                | Q(to_content_type__in=content_types, to_object_id__in=str_ids)
            )
        )
        index_entry = _search_index_entry_model()
        if index_entry is not None:
            self.delete(self.object_rows(index_entry, content_types, object_ids))
        if apps.is_installed("wagtail.admin"):
            from wagtail.admin.models import EditingSession, FormState

            self.delete(self.object_rows(EditingSession, content_types, object_ids))
            self.delete(self.object_rows(FormState, content_types, object_ids))

    def erase_assets(self, assets: dict):
        """Assets only this story uses, with their renditions, files and tags."""
        tag_ids = set()
        for label, pks in assets.items():
            model = apps.get_model(label)
            for asset in model._base_manager.filter(pk__in=pks):
                tag_ids |= self.untag(asset)
                derived = list(asset.renditions.all()) if hasattr(asset, "renditions") else []
                for row in [*derived, asset]:
                    for file_field in _file_fields(type(row)):
                        file = getattr(row, file_field.attname)
                        if file and file.name:
                            self.files.append((file.storage, file.name))
                _total, per_model = asset.delete()
                self._count(per_model, self.result.deleted)
            asset_cts = [
                ContentType.objects.get_for_model(model),
                ReferenceIndex._get_base_content_type(model),
            ]
            self.delete(self.object_rows(ModelLogEntry, asset_cts, pks))
            self.erase_generic_rows(asset_cts, pks)
        self.erase_unused_tags(tag_ids)

    def untag(self, asset) -> set:
        from taggit.managers import TaggableManager

        tag_ids = set()
        for manager_field in type(asset)._meta.get_fields():
            if isinstance(manager_field, TaggableManager):
                manager = getattr(asset, manager_field.name)
                tag_ids |= set(manager.values_list("pk", flat=True))
                manager.clear()
        return tag_ids

    def erase_unused_tags(self, tag_ids):
        if not tag_ids:
            return
        from taggit.models import Tag

        unused = []
        for tag in Tag.objects.filter(pk__in=tag_ids):
            if not any(
                relation.related_model._base_manager.filter(**{relation.field.name: tag}).exists()
                for relation in _reverse_relations(Tag)
            ):
                unused.append(tag.pk)
        self.delete(Tag.objects.filter(pk__in=unused))

    def erase_record(self, record):
        record_cts = [ContentType.objects.get_for_model(ConsentRecord)]
        record_id = record.pk
        self.delete(ConsentRecord.objects.filter(pk=record_id))
        self.delete(self.object_rows(ModelLogEntry, record_cts, [record_id]))
        self.delete(self.object_rows(Revision, record_cts, [record_id]))
        self.delete(self.object_rows(Revision, record_cts, [record_id], "base_content_type"))
        self.erase_generic_rows(record_cts, [record_id])

    def scrub_quotes(self):
        """Rows of other objects that quote a title, slug, file title or the pseudonym."""
        for model in (PageLogEntry, ModelLogEntry) if self.needles else ():
            entries = model.objects.annotate(data_text=Cast("data", TextField())).filter(
                self._needle_filter("label") | self._needle_filter("data_text", as_json=True)
            )
            for entry in entries:
                changes = {}
                if self._quotes(entry.label):
                    changes["label"] = ERASED_LABEL
                if self._quotes(json.dumps(entry.data, ensure_ascii=False)):
                    changes["data"] = {}
                if changes:
                    # update(), not save(): log entries validate on save and refuse a change.
                    model.objects.filter(pk=entry.pk).update(**changes)
                    self.result.scrubbed[model._meta.label] += 1
                    self.tables.add(model._meta.db_table)
        if apps.is_installed("wagtail.contrib.redirects") and self.slugs:
            from wagtail.contrib.redirects.models import Redirect

            # Redirects from an old address of the story (a path ending in one of its slugs).
            old_paths = Q()
            for slug in self.slugs:
                old_paths |= Q(old_path__endswith=f"/{slug}") | Q(old_path__endswith=f"/{slug}/")
                old_paths |= Q(old_path__contains=f"/{slug}?")
            self.delete(Redirect.objects.filter(old_paths), self.result.scrubbed)
        if apps.is_installed("wagtail.admin") and self.needles:
            from wagtail.admin.models import FormState

            quoting = [
                state.pk
                for state in FormState.objects.filter(object_id="").only("pk", "data")
                if self._quotes(unquote_plus(state.data))
            ]
            self.delete(FormState.objects.filter(pk__in=quoting), self.result.scrubbed)
        if apps.is_installed("django.contrib.sessions") and self.needles:
            from django.contrib.sessions.models import Session

            quoting = []
            for session in Session.objects.iterator():
                try:
                    decoded = json.dumps(session.get_decoded(), ensure_ascii=False, default=str)
                except Exception:  # an undecodable session cannot be searched; leave it
                    logger.warning("Session %s could not be decoded.", session.pk)
                    continue
                if self._quotes(decoded):
                    quoting.append(session.pk)
            self.delete(Session.objects.filter(pk__in=quoting), self.result.scrubbed)

    def _quotes(self, text: str) -> bool:
        return any(needle in text for needle in self.needles)

    def _needle_filter(self, field_name, as_json=False):
        condition = Q()
        for needle in self.needles:
            condition |= Q(**{f"{field_name}__contains": needle})
            if as_json:
                # SQLite stores JSON with non-ASCII characters escaped.
                escaped = json.dumps(needle)[1:-1]
                if escaped != needle:
                    condition |= Q(**{f"{field_name}__contains": escaped})
        return condition

    def delete_files(self):
        """After commit: the erased assets' files (and image renditions) leave storage.
        (Wagtail's own post-delete task may have removed some already.)"""
        for storage, name in self.files:
            if not name:
                continue
            if storage.exists(name):
                storage.delete(name)
            if storage.exists(name):
                self.result.files_left.append(name)
            else:
                self.result.files_deleted.append(name)
        self.result.files_pending = False
        if self.result.files_left:
            logger.error("Erasure could not delete files: %s", self.result.files_left)


def _page_content_types():
    models = [model for model in apps.get_models() if issubclass(model, Page)]
    return list(ContentType.objects.get_for_models(*models, for_concrete_models=False).values())


def _search_index_entry_model():
    try:
        return apps.get_model("wagtailsearch", "IndexEntry")
    except LookupError:
        return None


def _merge_sqlite_fts_index():
    """FTS5 keeps deleted terms in old index segments until they are merged: merge them all."""
    try:
        model = apps.get_model("wagtailsearch", "SQLiteFTSIndexEntry")
    except LookupError:
        return
    table = model._meta.db_table
    if table not in connection.introspection.table_names():
        return
    quoted = connection.ops.quote_name(table)
    with connection.cursor() as cursor:
        # The table name comes from the model and is quoted; nothing from outside.
        cursor.execute(f"INSERT INTO {quoted}({quoted}) VALUES ('optimize')")  # noqa: S608  # nosec B608


def _ensure_sqlite_secure_delete():
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA secure_delete = ON")


def compact_database(tables=(), full=False) -> str:
    """Overwrite the space the erased rows held. Must run outside a transaction."""
    if connection.in_atomic_block:
        zeroed = " (secure_delete zeroed the deleted rows)" if connection.vendor == "sqlite" else ""
        return (
            f"not compacted: ran inside a transaction{zeroed}; run VACUUM after it commits, "
            "or call erase_story outside a transaction"
        )
    try:
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA secure_delete = ON")
                cursor.execute("VACUUM")
                cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                busy, _log, _done = cursor.fetchone()
                cursor.execute("PRAGMA freelist_count")
                (free_pages,) = cursor.fetchone()
            if busy:
                return (
                    "SQLite VACUUM done; the WAL could not be truncated while other connections "
                    "read: run `PRAGMA wal_checkpoint(TRUNCATE)` when they are idle"
                )
            return f"SQLite VACUUM done, WAL checkpointed and truncated, {free_pages} free pages"
        if connection.vendor == "postgresql":
            names = sorted(
                table for table in tables if table in connection.introspection.table_names()
            )
            if not names:
                return "nothing to vacuum"
            command = "VACUUM (FULL, ANALYZE)" if full else "VACUUM (ANALYZE)"
            with connection.cursor() as cursor:
                cursor.execute(
                    f"{command} " + ", ".join(connection.ops.quote_name(name) for name in names)
                )
            return f"PostgreSQL {command} on {len(names)} tables"
    except DatabaseError as error:
        return f"compaction failed ({error.__class__.__name__}: {error}); run VACUUM by hand"
    return f"no compaction step for {connection.vendor}"


def _cached_texts(eraser, pages, revisions) -> set[str]:
    """The story's own texts that a kept answer may hold (headline quote and teaser too)."""
    texts = set()
    for page in pages:
        texts.update(getattr(page, name, "") or "" for name in ("title", "quote", "teaser"))
    for revision in revisions:
        content = revision.content if isinstance(revision.content, dict) else {}
        texts.update(str(content.get(name) or "") for name in ("title", "quote", "teaser"))
    return {text.strip() for text in texts if len(text.strip()) >= MIN_NEEDLE_LENGTH}


def erase_story(
    record: ConsentRecord,
    user=None,
    *,
    compact: bool = True,
    vacuum_full: bool = False,
    write_ledger: bool = True,
    also_page_ids=(),
) -> ErasureResult:
    """Erase the story governed by `record`: see the module docstring for every copy removed.

    `user`, when given, must be a superuser (the admin action passes request.user; the command
    passes none). Raises PermissionDenied otherwise, before anything changes.

    Re-applying the consent ledger after a restore passes `write_ledger=False` (the entry is
    already there) and the entry's page ids as `also_page_ids` (an older backup may hold pages
    not yet linked to the record).
    """
    if user is not None and not user.is_superuser:
        raise PermissionDenied("Only superusers may erase a story.")
    if connection.vendor == "sqlite":
        _ensure_sqlite_secure_delete()
    with transaction.atomic():
        record = ConsentRecord.objects.select_for_update().get(pk=record.pk)
        plan = plan_erasure(record, also_page_ids)
        entry_id = None
        if write_ledger:
            entry_id = ConsentLedgerEntry.objects.create(
                kind=ConsentLedgerEntry.ERASURE,
                consent_record_id=record.pk,
                story_key=plan.story_key,
                page_ids=plan.page_ids,
            ).pk
        result = ErasureResult(plan=plan, ledger_entry_id=entry_id)
        eraser = _Eraser(plan, result)
        revisions = list(_page_revisions(plan.page_ids))
        pages = list(Page.objects.filter(pk__in=plan.page_ids).specific())
        # Other pages that named or linked to the story, for editors to review; links to it
        # keep a neutral phrase instead of their text, in every revision.
        result.review = mentions.report(record.pseudonym, plan.page_ids, titles=False)
        result.unlinked = mentions.unlink_everywhere(plan.page_ids)
        cached_texts = _cached_texts(eraser, pages, revisions)
        eraser.collect_needles(
            record,
            pages,
            revisions,
            [
                asset
                for label, pks in plan.assets.items()
                for asset in apps.get_model(label)._base_manager.filter(pk__in=pks)
            ],
        )
        eraser.erase_translations(plan.translation_keys, revisions)
        eraser.erase_redirects_to_addresses(plan.page_ids)  # while the pages still exist
        eraser.erase_pages(plan.page_ids, user)
        eraser.erase_assets(plan.assets)
        eraser.erase_record(record)
        eraser.scrub_quotes()
        if connection.vendor == "sqlite":
            _merge_sqlite_fts_index()
        page_ids = list(plan.page_ids)
        transaction.on_commit(eraser.delete_files)
        transaction.on_commit(
            lambda: stories_taken_down.send(sender=ConsentRecord, page_ids=page_ids)
        )
        # Kept copies of its pages (page caches) are deleted, not only no longer served.
        transaction.on_commit(
            lambda: story_erased.send(
                sender=ConsentRecord, texts=sorted(cached_texts | eraser.needles)
            )
        )
    if compact:
        result.compaction = compact_database(eraser.tables, full=vacuum_full)
    else:
        result.compaction = "skipped on request"
    return result
