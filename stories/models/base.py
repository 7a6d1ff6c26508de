"""The abstract base of every public page type.

wagtail-localize 1.14 does not support Wagtail 8's custom base page model setting, so shared
behaviour lives in this abstract class instead.
"""

import hashlib
import json
import math
import re
from functools import cached_property

from django.conf import settings
from django.core.cache import cache
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import get_language
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.api import APIField
from wagtail.log_actions import log
from wagtail.models import Page, PagePermissionTester
from wagtail_localize.fields import SynchronizedField, TranslatableField

from longread.blocks import chapters, places
from stories import consent
from stories.api_fields import ReadingMinutesField, TableOfContentsField, TranslationsField
from stories.exceptions import PublishRefused
from stories.publishing import action_forbidden, registered_problem

SCHEDULED_PUBLISH = "wagtail.publish.scheduled"

# Words a reader reads in a minute, per language; long compound words read slower.
READING_SPEED = {"nl": 200, "de": 180, "en": 230, "ar": 180}
DEFAULT_READING_SPEED = 200
WORD = re.compile(r"\w+", re.UNICODE)
READING_WORDS_TIMEOUT = 30 * 24 * 60 * 60


def page_translation_fields(translated=(), synchronised=()):
    """wagtail-localize's field list of a page type: Wagtail's own page texts, the type's texts,
    and fields copied from the source that translators may not override."""
    return [
        TranslatableField(name)
        for name in ("title", "slug", "seo_title", "search_description", *translated)
    ] + [SynchronizedField(name, overridable=False) for name in synchronised]


def same_pages_in_language(model, pages, locale_id, channel=consent.WEBSITE):
    """The visible translations, in one language, of pages linked on the source page: links
    (related stories, related projects) are chosen once and follow the reader's language."""
    if isinstance(pages, models.QuerySet):
        keys = pages.values("translation_key")  # a subquery: no query of its own
    else:
        # Pages held in memory (a preview or a revision: modelcluster's fake queryset).
        keys = [page.translation_key for page in pages]
    return consent.visible_pages(
        model.objects.filter(translation_key__in=keys, locale_id=locale_id), channel
    )


class SameLanguageChoicesForm(WagtailAdminPageForm):
    """Related projects are chosen once, on the source page, and follow the reader's language
    (`same_pages_in_language`): the editor offers the projects in the page's own language, not
    every language's copy of each (those already chosen stay, so nothing saved is lost)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("related_projects")
        parent = getattr(self, "parent_page", None)
        locale_id = self.instance.locale_id or (parent.locale_id if parent else None)
        if field is None or not locale_id:
            return
        chosen = self.instance.related_projects.all() if self.instance.pk else []
        field.queryset = field.queryset.filter(
            models.Q(locale_id=locale_id) | models.Q(pk__in=[page.pk for page in chosen])
        )


class LimitedPagePermissionTester(PagePermissionTester):
    """Wagtail's page permissions, less what the layers above forbid a role (for example:
    translators translate; they never delete, move or unpublish). Buttons, menus, the translation
    editor and the views all ask this tester, so a hidden action is a refused one too."""

    def can_delete(self, ignore_bulk=False):
        return super().can_delete(ignore_bulk) and not action_forbidden(
            self.user, self.page, "delete"
        )

    def can_move(self):
        return super().can_move() and not action_forbidden(self.user, self.page, "move")

    def can_unpublish(self):
        return super().can_unpublish() and not action_forbidden(self.user, self.page, "unpublish")


# Stored values in a body that readers do not read as text: names, addresses, choices, alt text.
NOT_READ = {
    "anchor",
    "transition",
    "width",
    "lang",
    "language",
    "external_url",
    "id",
    "type",
    "alt_text",
    "before_alt",
    "after_alt",
    "decorative",
}


def _stored_texts(value):
    """Every text in a body's stored (JSON) form, as strings."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in NOT_READ:
                yield from _stored_texts(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _stored_texts(item)


class LongreadPage(Page):
    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        return LimitedPagePermissionTester(user, self)

    # The headless API's fields every page type shares; each type adds its own.
    api_fields = [
        APIField("translations", serializer=TranslationsField()),
        APIField("reading_minutes", serializer=ReadingMinutesField()),
        APIField("table_of_contents", serializer=TableOfContentsField()),
        # When the version partners see was published (meta.first_published_at: the first).
        APIField("last_published_at"),
    ]

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # Which page the page cache counts a view of, kept with the cached answer (stories.reach).
        response.reach = (self.pk, self.locale.language_code)
        return response

    def publish_problem(self, revision, user, scheduled=False) -> str | None:
        """Why `revision` may not be published now, or None: the checks other layers
        registered (stories.publishing). Page types add their own (TestimonyPage: consent)."""
        candidate = revision.as_object() if revision is not None else self
        return registered_problem(candidate, revision, user)

    def publish(self, revision, user=None, **kwargs):
        """Every publish path ends here: the edit view, scheduled publishing, bulk actions,
        workflows and wagtail-localize's translation publishing all call Revision.publish().
        """
        scheduled = kwargs.get("log_action") == SCHEDULED_PUBLISH
        problem = self.publish_problem(revision, user, scheduled=scheduled)
        if problem:
            # The reason, in each admin language, for the page's history and the scheduled
            # publishing log (never story text: the reasons name a pseudonym, a date, a rule).
            reasons = {}
            for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES:
                with translation.override(code):
                    reasons[code] = self.publish_problem(revision, user, scheduled=scheduled)
            log(
                instance=self,
                action="stories.publish_refused",
                user=user,
                data={"reasons": reasons, "scheduled": scheduled},
            )
            if scheduled:
                # The scheduled-publishing job: skip this page, keep the others going, and stop
                # retrying a revision that may not be published. The refusal is in the log.
                revision.approved_go_live_at = None
                revision.save(update_fields=["approved_go_live_at"])
                return None
            raise self.refusal(problem)
        return super().publish(revision, user=user, **kwargs)

    def refusal(self, problem: str) -> PublishRefused:
        return PublishRefused(problem)

    @property
    def shows_help_box(self) -> bool:
        """The page shows a help box of its own: the footer then leaves its help out (the same
        help twice in a row reads as clutter; the top bar's Help stays on every page)."""
        return places(getattr(self, "body", None), "help_box")

    def reading_text(self) -> str:
        """The page's running text, as a reader would read it."""
        parts = [self.title, getattr(self, "intro", "") or ""]
        body = getattr(self, "body", None)
        if body is not None:
            parts.append(strip_tags(body.render_as_block()))
        return "\n".join(part for part in parts if part)

    def reading_words(self) -> int:
        """Words in the running text. Counting renders the whole body, as long as serving the
        page does; the count is kept in the shared cache under a digest of the texts counted."""
        body = getattr(self, "body", None)
        source = [get_language(), self.title, getattr(self, "intro", "") or ""]
        source.append(body.get_prep_value() if body is not None else None)
        digest = hashlib.sha256(
            json.dumps(source, sort_keys=True, cls=DjangoJSONEncoder).encode()
        ).hexdigest()
        key = f"stories:reading-words:{digest}"
        words = cache.get(key)
        if words is None:
            words = len(WORD.findall(self.reading_text()))
            cache.set(key, words, READING_WORDS_TIMEOUT)
        return words

    def reading_minutes(self) -> int:
        words = self.reading_words()
        speed = READING_SPEED.get(self.locale.language_code, DEFAULT_READING_SPEED)
        return max(1, math.ceil(words / speed))

    def card_reading_minutes(self) -> int:
        """Reading time for a card that links to this page, counted from the stored texts
        without rendering the body (a page showing cards renders none of their bodies)."""
        body = getattr(self, "body", None)
        texts = [self.title, getattr(self, "intro", "") or ""]
        if body is not None:
            texts.extend(_stored_texts(list(body.raw_data)))
        words = len(WORD.findall(strip_tags(" ".join(texts))))
        speed = READING_SPEED.get(self.locale.language_code, DEFAULT_READING_SPEED)
        return max(1, math.ceil(words / speed))

    def table_of_contents(self) -> list[dict]:
        body = getattr(self, "body", None)
        return chapters(body) if body is not None else []

    @cached_property  # asked by the page head and the share block: one query per request
    def allows_sharing(self) -> bool:
        """Share links and social previews: only where the consent's social scope allows."""
        return consent.page_is_visible(self, consent.SOCIAL)

    @classmethod
    def serving_queryset(cls):
        """How routing fetches a page to serve it (sitewide.serving.routing): with what the page's
        templates read at once, so that reading it costs no query of its own."""
        return cls._default_manager.select_related("locale")

    def get_view_restrictions(self):
        """Wagtail's view restrictions of this page and its ancestors, aliases read as their
        source pages, in one query instead of two (Wagtail asks at every request)."""
        from django.db.models.functions import Coalesce
        from wagtail.models import PageViewRestriction

        paths = [self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)]
        sources = Page.objects.filter(path__in=paths).values(source=Coalesce("alias_of_id", "id"))
        return PageViewRestriction.objects.filter(page_id__in=sources)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            # Staff preview shows why readers would not see this page.
            context["consent_problem"] = consent.consent_problem(self)
        return context
