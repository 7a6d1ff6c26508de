"""One query per kind of chosen object for a whole longread body, whatever its length.

Wagtail converts a stored body lazily, one block type at a time, and every chooser inside a block
type asks the database for its own objects: a body with figures, galleries, backdrops, scrolly
steps and comparisons costs a query for each, and renditions one more per image unless they come
from a cache. Here the first access to a body walks its stored JSON once, collects the ids of
everything chosen (images, audio and video, documents), loads each model's objects in one query,
images with all their renditions in one more, and converts every block from those.

Rich text links to pages cost Wagtail a query or more per text block that has one. Within a
request scope (opened for every request by the site's middleware), the body's links are resolved
in one query when it converts, and the link handler reads them from there.
"""

import contextlib
import contextvars
import copy
import re
from collections import defaultdict

from django.db.models import Q
from django.utils.translation import get_language
from wagtail import blocks
from wagtail.blocks.stream_block import StreamValue

from longread import shown

# The objects of the body being converted, by model and primary key; None outside a conversion.
_loaded = contextvars.ContextVar("longread_preloaded_objects", default=None)
# Addresses of pages that rich text links to, for the request being served: {page id: URL}.
# None outside a request scope, where links resolve as Wagtail resolves them.
_page_links = contextvars.ContextVar("longread_page_links", default=None)
# The channel the request serves ("website" or "api"): which pages links may name.
_link_channel = contextvars.ContextVar("longread_link_channel", default="website")
# What the layers above add: functions (queryset of pages, channel) -> the pages readers of
# that channel may see. A link to any other page renders as its text alone, without an address.
# This layer knows nothing of consent; the story layer registers its rule here.
_page_link_rules = []


def register_page_link_rule(rule) -> None:
    if rule not in _page_link_rules:
        _page_link_rules.append(rule)


def link_channel() -> str:
    return _link_channel.get()


def linkable_pages(queryset, channel: str | None = None):
    """`queryset` narrowed by every registered rule, in the same query."""
    for rule in _page_link_rules:
        queryset = rule(queryset, channel or link_channel())
    return queryset


PAGE_LINK = re.compile(r'<a\b[^>]*\blinktype="page"[^>]*>')
LINK_ID = re.compile(r'\bid="(\d+)"')


def _walk(block, raw, found):
    """Collect (model, id) of every chooser in a stored block value."""
    if raw is None:
        return
    if isinstance(block, blocks.ChooserBlock):
        if isinstance(raw, int | str) and str(raw).isdigit():
            found[block.model_class].add(int(raw))
    elif isinstance(block, blocks.StructBlock):
        if isinstance(raw, dict):
            for name, child in block.child_blocks.items():
                if name in raw:
                    _walk(child, raw[name], found)
    elif isinstance(block, blocks.ListBlock):
        for item in raw if isinstance(raw, list) else []:
            value = item["value"] if block._item_is_in_block_format(item) else item
            _walk(block.child_block, value, found)
    elif isinstance(block, blocks.StreamBlock):
        for item in raw if isinstance(raw, list) else []:
            if isinstance(item, dict) and item.get("type") in block.child_blocks:
                _walk(block.child_blocks[item["type"]], item.get("value"), found)


def _has_chooser(block) -> bool:
    if isinstance(block, blocks.ChooserBlock):
        return True
    if isinstance(block, blocks.StructBlock | blocks.StreamBlock):
        return any(_has_chooser(child) for child in block.child_blocks.values())
    if isinstance(block, blocks.ListBlock):
        return _has_chooser(block.child_block)
    return False


def _load(found) -> dict:
    from wagtail.images import get_image_model

    image_model = get_image_model()
    loaded = {}
    for model, ids in found.items():
        queryset = model._default_manager.filter(pk__in=ids)
        if issubclass(model, image_model):
            # Every rendition, not only the spec a template names: an image whose renditions
            # were prefetched is assumed to have no others, and would make them again.
            queryset = queryset.prefetch_renditions()
        loaded[model] = {obj.pk: obj for obj in queryset}
    return loaded


def preloading_bulk_to_python(chooser):
    """Wrap a chooser block's conversion so that it takes objects from the preload."""
    if getattr(chooser, "_longread_preloading", False):
        return
    original = chooser.bulk_to_python

    def bulk_to_python(values):
        loaded = _loaded.get()
        objects = loaded.get(chooser.model_class) if loaded is not None else None
        if objects is None:
            return original(values)
        seen, result = set(), []
        for value in values:
            key = int(value) if isinstance(value, int | str) and str(value).isdigit() else None
            obj = objects.get(key)
            if obj is not None and key in seen:
                obj = copy.copy(obj)  # as Wagtail does: one instance per occurrence
            result.append(obj)
            seen.add(key)
        return result

    chooser.bulk_to_python = bulk_to_python
    chooser._longread_preloading = True


def install(block):
    """Make every chooser below `block` read from the preload (once per block instance)."""
    if isinstance(block, blocks.ChooserBlock):
        preloading_bulk_to_python(block)
    elif isinstance(block, blocks.StructBlock | blocks.StreamBlock):
        for child in block.child_blocks.values():
            install(child)
    elif isinstance(block, blocks.ListBlock):
        install(block.child_block)


@contextlib.contextmanager
def request_scope(channel: str = "website"):
    """Within it, rich text links to pages resolve once per page for all the text rendered,
    and name only pages readers of `channel` may see."""
    token = _page_links.set({})
    channel_token = _link_channel.set(channel)
    try:
        yield
    finally:
        _page_links.reset(token)
        _link_channel.reset(channel_token)


def _page_link_ids(raw, found: set) -> None:
    if isinstance(raw, str):
        if 'linktype="page"' in raw:
            for tag in PAGE_LINK.findall(raw):
                found.update(int(number) for number in LINK_ID.findall(tag))
    elif isinstance(raw, dict):
        for value in raw.values():
            _page_link_ids(value, found)
    elif isinstance(raw, list):
        for value in raw:
            _page_link_ids(value, found)


def localized_page_urls(ids) -> dict:
    """What Wagtail's page link gives, for many pages in one query: the URL of each page's live
    translation in the active language if there is one, else of the page itself. Pages the
    registered rules hide (register_page_link_rule) give None: the link shows its text only."""
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Page

    try:
        language = get_supported_content_language_variant(get_language())
    except LookupError:
        language = None
    pages = list(
        linkable_pages(
            Page.objects.filter(
                Q(pk__in=ids)
                | Q(
                    translation_key__in=Page.objects.filter(pk__in=ids).values("translation_key"),
                    locale__language_code=language,
                    live=True,
                )
            )
        ).select_related("locale")
    )
    shown.note(*pages)  # what the links show (longread.shown)
    translated = {
        page.translation_key: page
        for page in pages
        if page.locale.language_code == language and page.live
    }
    urls = {}
    for page in pages:
        if page.pk in ids:
            target = page if page.locale.language_code == language else None
            target = target or translated.get(page.translation_key) or page
            urls[page.pk] = target.url
    return {number: urls.get(number) for number in ids}


def page_links_memo() -> dict | None:
    return _page_links.get()


def resolve_page_links(ids) -> None:
    memo = _page_links.get()
    missing = set(ids) - set(memo or ())
    if memo is not None and missing:
        memo.update(localized_page_urls(missing))


class PreloadingStreamValue(StreamValue):
    """A lazily converted body that converts all of itself at the first access."""

    _preloaded = False

    def _prefetch_blocks(self, type_name):
        if self._preloaded:
            return super()._prefetch_blocks(type_name)
        self._preloaded = True
        child_blocks = self.stream_block.child_blocks
        pending = [
            raw["type"]
            for raw, bound in zip(self._raw_data, self._bound_blocks, strict=True)
            if bound is None and raw is not None
        ]
        found, links = defaultdict(set), set()
        for index, raw in enumerate(self._raw_data):
            if self._bound_blocks[index] is None and raw is not None:
                block = child_blocks[raw["type"]]
                if _has_chooser(block):
                    _walk(block, raw.get("value"), found)
                _page_link_ids(raw.get("value"), links)
        resolve_page_links(links)
        token = _loaded.set(_load(found))
        try:
            for name in dict.fromkeys(pending):
                super()._prefetch_blocks(name)
        finally:
            _loaded.reset(token)
