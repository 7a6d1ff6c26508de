"""Other pages that name a story or link to it: for editors to review after a withdrawal or an
erasure, and, on erasure, links whose text is replaced by a neutral phrase in every revision.

A rich text link to a hidden page already renders without its address (longread.preload's
link rule); its text still stands in the other page, and so may the pseudonym.
"""

import html
import json
import re
from urllib.parse import unquote

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page, ReferenceIndex, Revision

from longread.addresses import as_browsers_read, page_at_address

LINK = re.compile(r"<a\b(?P<attrs>[^>]*)>(?P<text>.*?)</a>", re.S)
PAGE_LINK_ID = re.compile(r'\bid="(\d+)"')
HREF = re.compile(r'\bhref="([^"]*)"')


class AddressesOf:
    """Whether a link's address (`href`, typed instead of chosen as a page) leads to one of the
    story's pages, in any spelling (longread.addresses). Read while the pages still exist."""

    def __init__(self, story_ids):
        self.story_ids = set(story_ids)
        self.slugs = {
            slug.lower()
            for slug in Page.objects.filter(pk__in=self.story_ids).values_list("slug", flat=True)
        }
        self.memo = {}

    def __contains__(self, href: str) -> bool:
        if href not in self.memo:
            readable = unquote(as_browsers_read(href)).lower()
            maybe = "/api/" in readable or any(slug in readable for slug in self.slugs)
            page = page_at_address(href) if maybe else None
            self.memo[href] = page is not None and page.pk in self.story_ids
        return self.memo[href]


def linking_page_ids(story_ids) -> set[int]:
    """Pages outside the story whose current content links to one of its pages."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = ReferenceIndex.objects.filter(
        base_content_type=page_type,
        to_content_type=page_type,
        to_object_id__in=[str(pk) for pk in story_ids],
    ).values_list("object_id", flat=True)
    return {int(pk) for pk in ids} - set(story_ids)


def mentioning_page_ids(pseudonym: str, story_ids) -> set[int]:
    """Pages outside the story whose latest or live revision names the pseudonym."""
    if not pseudonym:
        return set()
    page_type = ContentType.objects.get_for_model(Page)
    revisions = (
        Revision.objects.filter(base_content_type=page_type)
        .annotate(text=Cast("content", TextField()))
        .filter(text__contains=pseudonym)
        .values_list("object_id", flat=True)
    )
    ids = {int(pk) for pk in revisions}
    return set(Page.objects.filter(pk__in=ids).values_list("pk", flat=True)) - set(story_ids)


def report(pseudonym: str, story_ids, titles: bool = True) -> list[str]:
    """One line per other page to review: id, language, title (unless `titles` is false, as
    for an erasure's report, which names ids only) and what it does."""
    linking = linking_page_ids(story_ids)
    naming = mentioning_page_ids(pseudonym, story_ids)
    lines = []
    pages = Page.objects.filter(pk__in=linking | naming).select_related("locale")
    for page in pages.order_by("pk"):
        why = []
        if page.pk in linking:
            why.append(gettext("links to the story"))
        if page.pk in naming:
            why.append(gettext("names the pseudonym"))
        values = {"id": page.pk, "language": page.locale.language_code, "why": ", ".join(why)}
        if titles:
            values["title"] = page.title
            line = gettext("Review page %(id)s (%(language)s) “%(title)s”: %(why)s.")
            lines.append(line % values)
        else:
            lines.append(gettext("Review page %(id)s (%(language)s): %(why)s.") % values)
    for model, pk, name in rows_with_addresses_of(story_ids):
        values = {
            "kind": model._meta.verbose_name,
            "id": pk,
            "field": model._meta.get_field(name).verbose_name,
        }
        lines.append(gettext("Review %(kind)s %(id)s: its %(field)s leads to the story.") % values)
    return lines


def neutral_phrase(language_code: str) -> str:
    with translation.override(language_code):
        return gettext("(a story that is no longer available)")


def unlink(text: str, story_ids, phrase: str, removed: set | None = None, addresses=None) -> str:
    """Rich text with every link to one of `story_ids` replaced by `phrase` (no link), chosen as
    a page or typed as its address. The links' texts are added to `removed`."""
    wanted = {str(pk) for pk in story_ids}
    addresses = addresses if addresses is not None else AddressesOf(story_ids)

    def leads_to_story(attrs: str) -> bool:
        if 'linktype="page"' in attrs:
            found = PAGE_LINK_ID.search(attrs)
            return bool(found and found.group(1) in wanted)
        href = HREF.search(attrs)
        return bool(href and html.unescape(href.group(1)) in addresses)

    def replace(match):
        attrs = match.group("attrs")
        if leads_to_story(attrs):
            if removed is not None and match.group("text").strip():
                removed.add(match.group("text").strip())
            return phrase
        return match.group(0)

    return LINK.sub(replace, text)


def _unlink_value(value, story_ids, phrase, removed=None, addresses=None):
    if isinstance(value, str):
        if "linktype" not in value and "href" not in value:
            return value
        if value[:1] in "[{":
            # A StreamField in a revision is stored as JSON text.
            try:
                parsed = json.loads(value)
            except ValueError:
                parsed = None
            if isinstance(parsed, (list, dict)):
                changed = _unlink_value(parsed, story_ids, phrase, removed, addresses)
                return value if changed == parsed else json.dumps(changed)
        return unlink(value, story_ids, phrase, removed, addresses)
    if isinstance(value, list):
        return [_unlink_value(item, story_ids, phrase, removed, addresses) for item in value]
    if isinstance(value, dict):
        return {
            key: _unlink_value(item, story_ids, phrase, removed, addresses)
            for key, item in value.items()
        }
    return value


def unlink_everywhere(story_ids) -> int:
    """Replace the text of links to the story, in every revision of every other page and in
    the pages themselves, by a neutral phrase in the page's language. Returns the rows changed.
    Runs before the story's pages are deleted (their ids are still in the reference index)."""
    from wagtail.fields import RichTextField, StreamField
    from wagtail.search import index as search_index

    story_ids = set(story_ids)
    addresses = AddressesOf(story_ids)
    page_type = ContentType.objects.get_for_model(Page)
    changed = 0
    removed = set()  # the links' texts
    candidates = (
        Revision.objects.filter(base_content_type=page_type)
        .annotate(text=Cast("content", TextField()))
        .filter(Q(text__contains="linktype") | Q(text__contains="href"))
    )
    languages = dict(Page.objects.values_list("pk", "locale__language_code"))
    # Links typed as an address are not in the reference index: their pages are those whose
    # revisions held one.
    linking = linking_page_ids(story_ids)
    for revision in candidates.exclude(object_id__in=[str(pk) for pk in story_ids]):
        phrase = neutral_phrase(languages.get(int(revision.object_id), "nl"))
        content = _unlink_value(revision.content, story_ids, phrase, removed, addresses)
        if content != revision.content:
            Revision.objects.filter(pk=revision.pk).update(content=content)
            linking.add(int(revision.object_id))
            changed += 1
    for page in Page.objects.filter(pk__in=linking).specific():
        phrase = neutral_phrase(page.locale.language_code)
        updates = {}
        for model_field in page._meta.concrete_fields:
            value = getattr(page, model_field.attname)
            if isinstance(model_field, RichTextField) and value:
                new = unlink(value, story_ids, phrase, removed, addresses)
                if new != value:
                    updates[model_field.attname] = new
            elif isinstance(model_field, StreamField) and value:
                raw = list(value.raw_data)
                new = _unlink_value(raw, story_ids, phrase, removed, addresses)
                if new != raw:
                    updates[model_field.attname] = new
        if updates:
            for name, value in updates.items():
                setattr(page, name, value)
            page.save(update_fields=list(updates), clean=False)
            ReferenceIndex.create_or_update_for_object(page)
            search_index.insert_or_update_object(page)
            changed += 1
    changed += _unlink_in_other_rows(story_ids, addresses, removed)
    changed += _empty_addresses_in_other_rows(addresses)
    _forget_link_texts_in_translations(removed)
    return changed


def _unlink_in_other_rows(story_ids, addresses, removed) -> int:
    """The same in every other row with rich text that names the story's id or slug: snippets
    (a language's help text), and pages' current content that no revision holds (written by a
    script or an import)."""
    from django.apps import apps
    from wagtail.fields import RichTextField, StreamField

    needles = [f'id="{pk}"' for pk in story_ids] + sorted(addresses.slugs)
    languages = dict(Page.objects.values_list("pk", "locale__language_code"))
    changed = 0
    for model in apps.get_models():
        own = [
            field
            for field in model._meta.concrete_fields
            if isinstance(field, (RichTextField, StreamField)) and field.model is model
        ]
        for field in own:
            text = Cast(field.attname, TextField())
            holding = Q()
            for needle in needles:
                holding |= Q(_text__contains=needle)
            rows = model._base_manager.annotate(_text=text).filter(holding)
            if issubclass(model, Page):
                rows = rows.exclude(pk__in=story_ids)
            for row in rows:
                locale = getattr(row, "locale", None)
                code = languages.get(row.pk) if issubclass(model, Page) else None
                phrase = neutral_phrase(code or getattr(locale, "language_code", "nl"))
                value = getattr(row, field.attname)
                if isinstance(field, StreamField):
                    raw = list(value.raw_data)
                    new = _unlink_value(raw, story_ids, phrase, removed, addresses)
                    if new == raw:
                        continue
                    new = field.to_python(new)
                else:
                    new = unlink(value or "", story_ids, phrase, removed, addresses)
                    if new == value:
                        continue
                model._base_manager.filter(pk=row.pk).update(**{field.attname: new})
                changed += 1
    return changed


def _address_fields():
    """Every field of the project's models that holds one address typed by staff (an
    organisation's website, a language's quick-exit or helpline address). Redirects are
    deleted instead (stories.consent.erasure)."""
    from django.apps import apps
    from django.db.models import URLField

    for model in apps.get_models():
        if model._meta.app_label not in ("sitewide", "stories", "longread"):
            continue
        for field in model._meta.concrete_fields:
            if isinstance(field, URLField) and field.model is model:
                yield model, field


def rows_with_addresses_of(story_ids, addresses=None) -> list[tuple]:
    """(model, row id, field name) of every row whose address field leads to the story."""
    addresses = addresses if addresses is not None else AddressesOf(story_ids)
    if not addresses.slugs:
        return []
    found = []
    for model, field in _address_fields():
        # Few rows (organisations, languages); every spelling is read, percent-encoded too.
        rows = model._base_manager.exclude(**{field.attname: ""}).values_list("pk", field.attname)
        for pk, value in rows:
            if value in addresses:
                found.append((model, pk, field.attname))
    return found


def _empty_addresses_in_other_rows(addresses) -> int:
    """An erased story's address left in an address field would name it once its pages are
    gone (and nothing would recognise it any more): the field is emptied."""
    rows = rows_with_addresses_of(addresses.story_ids, addresses)
    for model, pk, name in rows:
        model._base_manager.filter(pk=pk).update(**{name: ""})
    return len(rows)


def _forget_link_texts_in_translations(texts) -> None:
    """Translators' copies of the links' texts (wagtail-localize): the other pages' translation
    sources are read again from the unlinked pages, and the strings and translations that no
    segment uses any more, holding a link's text, are deleted."""
    if not texts:
        return
    from wagtail_localize.models import String, StringTranslation, TranslationSource

    holding = Q()
    for text in texts:
        plain = re.sub(r"<[^>]+>", "", text)
        for needle in {text, plain}:
            if needle.strip():
                holding |= Q(data__contains=needle)
    strings = String.objects.filter(holding)
    translations = StringTranslation.objects.filter(holding)
    sources = TranslationSource.objects.filter(
        Q(stringsegment__string__in=strings)
        | Q(stringsegment__string__translations__in=translations)
    ).distinct()
    for source in sources:
        try:
            source.update_from_db()
        except ObjectDoesNotExist:  # the source page itself is being erased
            continue
    StringTranslation.objects.filter(holding).exclude(
        translation_of__segments__isnull=False
    ).delete()
    orphans = strings.filter(segments__isnull=True)
    StringTranslation.objects.filter(translation_of__in=orphans).delete()
    orphans.delete()
