"""Translators start, finish and hand over; moderators review and publish or send back.

A translator of "Translators (xx)" may start the translation of any Dutch page into xx (never
another language, never publish). When done, "Ready for review" writes a page log entry, tells
that language's moderators (dashboard queue and e-mail), and the moderator previews the
translation and publishes it or sends it back with a comment. The hand-off is kept as the page's
own history (log entries), so it needs no table of its own: a page waits for review while its
latest hand-off entry is "ready for review" and it has not been published since.
"""

import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db.models import F, OuterRef, Q, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import translation as django_translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from wagtail.log_actions import log
from wagtail.models import Locale, Page, PageLogEntry
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from sitewide.staff.translators import (
    may_hand_over,
    may_review,
    may_start_translation,
    translator_group_name,
    translator_languages,
)
from sitewide.translation.memory import untranslated_segments
from sitewide.translation.staleness import out_of_date_translations
from stories.consent import WEBSITE, consent_problem, today

logger = logging.getLogger(__name__)

READY = "sitewide.translation.ready_for_review"
SENT_BACK = "sitewide.translation.sent_back"
HANDOFF_ACTIONS = (READY, SENT_BACK)
QUEUE_LENGTH = 30


def latest_handoff(page) -> PageLogEntry | None:
    return (
        PageLogEntry.objects.filter(page=page, action__in=HANDOFF_ACTIONS)
        .order_by("-timestamp", "-pk")
        .first()
    )


def published_since(page, entry) -> bool:
    """Whether the page was published after its hand-off entry (the review is over)."""
    return bool(page.last_published_at and page.last_published_at >= entry.timestamp)


def waits_for_review(page, entry=None) -> bool:
    """Whether the page's latest hand-off (`entry`, read when not given) is "ready for review"
    and it has not been published since."""
    entry = entry if entry is not None else latest_handoff(page)
    return entry is not None and entry.action == READY and not published_since(page, entry)


def awaiting_review(locales=None) -> list[dict]:
    """Translations handed over and not published or sent back since, newest first."""
    entries = (
        PageLogEntry.objects.filter(action__in=HANDOFF_ACTIONS)
        .select_related("page", "page__locale", "user")
        .order_by("-timestamp", "-pk")
    )
    if locales is not None:
        entries = entries.filter(page__locale__language_code__in=locales)
    seen, queue = set(), []
    for entry in entries[:500]:
        if entry.page_id in seen:
            continue
        seen.add(entry.page_id)
        page = entry.page
        if page is None or entry.action != READY:
            continue
        if published_since(page, entry):
            continue
        queue.append(
            {
                "page": page,
                "entry": entry,
                # The translation's own title (a new page's row keeps the source's).
                "title": page.get_latest_revision_as_object().title,
                "blocked": consent_blocks(page),
            }
        )
    return queue[:QUEUE_LENGTH]


def consent_blocks(page, language_code: str | None = None) -> str:
    """Why a testimony may not appear in this language now (its teller's consent), or ""."""
    return consent_problem(page.specific, language_code) or ""


def consent_ended(page, language_code: str | None = None) -> str:
    """Why the teller's consent for this language has ended (withdrawn, expired), or "": such a
    translation could never be published, so it is neither offered nor handed over. A language
    the record does not name yet is offered, with the reason: an officer may still add it."""
    specific = page.specific
    record = getattr(specific, "consent", None)
    if record is None:
        return ""
    code = language_code or specific.locale.language_code
    return record.ended(WEBSITE, code, today()) or ""


def _in_progress_pages(locales) -> list:
    """Translations not yet published as they are: a draft, unpublished changes, or segments a
    person translated in the editor since the page was last published (wagtail-localize keeps
    those beside the page until the translation is saved)."""
    drafts = list(
        Page.objects.filter(locale__in=locales, alias_of__isnull=True, depth__gt=2)
        .filter(Q(live=False) | Q(has_unpublished_changes=True))
        .select_related("locale")
        .order_by("-latest_revision_created_at")[:QUEUE_LENGTH]
    )
    last_edit = (
        StringTranslation.objects.filter(
            locale_id=OuterRef("locale_id"),
            context__object_id=OuterRef("translation_key"),
            translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
        )
        .order_by("-updated_at")
        .values("updated_at")[:1]
    )
    edited = (
        Page.objects.filter(
            locale__in=locales,
            alias_of__isnull=True,
            depth__gt=2,
            live=True,
            has_unpublished_changes=False,
        )
        .annotate(last_edit=Subquery(last_edit))
        .filter(last_edit__gt=F("last_published_at"))
        .select_related("locale")
        .order_by("-last_edit")[:QUEUE_LENGTH]
    )
    return (drafts + list(edited))[:QUEUE_LENGTH]


def translator_queue(user) -> dict:
    """What a translator has to do, per language: pages to start, pages in progress (with
    whether they wait for review or were sent back), translations out of date."""
    codes = sorted(translator_languages(user))
    if not codes:
        return {}
    locales = Locale.objects.filter(language_code__in=codes)
    source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    translated_keys = Page.objects.filter(locale__in=locales, alias_of__isnull=True).values(
        "translation_key"
    )
    to_start = []
    for page in (
        Page.objects.filter(locale=source, depth__gt=2, live=True)
        .exclude(translation_key__in=translated_keys)
        .order_by("-last_published_at")[:QUEUE_LENGTH]
    ):
        offers = [
            {"locale": locale, "note": consent_blocks(page, locale.language_code)}
            for locale in locales
            if not consent_ended(page, locale.language_code)
        ]
        if offers:
            to_start.append({"page": page, "offers": offers})
    in_progress = []
    for page in _in_progress_pages(locales):
        entry = latest_handoff(page)
        state = ""
        blocked = consent_blocks(page)
        if consent_ended(page):
            state = "blocked"
        elif entry is not None and entry.action == READY:
            state = "ready" if waits_for_review(page, entry) else ""
        elif entry is not None and entry.action == SENT_BACK:
            state = "sent_back"
        in_progress.append({"page": page, "state": state, "entry": entry, "blocked": blocked})
    outdated = (
        out_of_date_translations()
        .filter(target_locale__in=locales)
        .select_related("source", "target_locale")[:QUEUE_LENGTH]
    )
    return {
        "to_start": to_start,
        "in_progress": in_progress,
        "out_of_date": [{"translation": item, "page": _target_page(item)} for item in outdated],
        "languages": list(locales),
    }


def _target_page(translation):
    return Page.objects.filter(
        translation_key=translation.source.object_id, locale=translation.target_locale
    ).first()


def _back(request, fallback="wagtailadmin_home"):
    return redirect(request.POST.get("next") or reverse(fallback))


@require_POST
def start_translation(request, page_id):
    """A translator starts the translation of a Dutch page into their own language."""
    page = get_object_or_404(Page, pk=page_id, locale__language_code=settings.LANGUAGE_CODE)
    codes = translator_languages(request.user)
    code = request.POST.get("language") or (sorted(codes)[0] if len(codes) == 1 else "")
    if not may_start_translation(request.user, code):
        raise PermissionDenied
    locale = get_object_or_404(Locale, language_code=code)
    existing = page.get_translation_or_none(locale)
    if existing is None or existing.alias_of_id:
        # The translator asks for it; wagtail-localize makes it (and any missing parent).
        TranslationCreator(request.user, [locale]).create_translations(page)
        existing = page.get_translation(locale)
        messages.success(
            request,
            _("The %(language)s translation of “%(title)s” is started. Translate it here.")
            % {"language": locale.get_display_name(), "title": page.title},
        )
    return redirect("wagtailadmin_pages:edit", existing.pk)


@require_POST
def ready_for_review(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    code = page.locale.language_code
    if not may_hand_over(request.user, page):
        raise PermissionDenied
    blocked = consent_ended(page)
    if blocked:
        messages.error(
            request,
            _("“%(title)s” cannot be handed over: %(reason)s Nothing was sent to the moderators.")
            % {"title": page.get_latest_revision_as_object().title, "reason": blocked},
        )
        return _back(request)
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale=page.locale
    ).first()
    if translation is not None:
        # What the translator translated goes into a draft the moderator previews and publishes.
        try:
            translation.save_target(user=request.user, publish=False)
        except ValidationError as error:
            messages.error(
                request,
                _("The translation could not be saved for review: %(problems)s")
                % {"problems": " ".join(error.messages)},
            )
            return _back(request)
    log(instance=page, action=READY, user=request.user, data={"language": code})
    # The translation's own title (a page never published keeps the source's title in its row).
    title = page.get_latest_revision_as_object().title
    moderators = _moderators()
    _mail(
        moderators,
        lambda: (
            _("Translation ready for review: %(title)s") % {"title": title},
            _(
                "%(name)s handed over the %(language)s translation of “%(title)s” for review. "
                "Preview it and publish it, or send it back with a comment.\n\n%(url)s\n"
            )
            % {
                "name": request.user.get_full_name() or request.user.get_username(),
                "language": page.locale.get_display_name(),
                "title": title,
                "url": _absolute(reverse("wagtailadmin_home")),
            },
        ),
    )
    messages.success(
        request,
        _("“%(title)s” is ready for review. The moderators have been told.") % {"title": title},
    )
    missing = untranslated_segments(translation).count() if translation is not None else 0
    if missing:
        messages.warning(
            request,
            ngettext(
                "%(count)d segment is not translated yet: it cannot be published until it is.",
                "%(count)d segments are not translated yet: it cannot be published until they are.",
                missing,
            )
            % {"count": missing},
        )
    return _back(request)


@require_POST
def send_back(request, page_id):
    page = get_object_or_404(Page, pk=page_id)
    if not may_review(request.user, page):
        raise PermissionDenied
    comment = (request.POST.get("comment") or "").strip()
    if not comment:
        messages.error(request, _("Say what should change before sending a translation back."))
        return _back(request)
    log(instance=page, action=SENT_BACK, user=request.user, data={"comment": comment})
    translators = (
        get_user_model()
        .objects.filter(
            is_active=True, groups__name=translator_group_name(page.locale.language_code)
        )
        .distinct()
    )
    _mail(
        translators,
        lambda: (
            _("Translation sent back: %(title)s") % {"title": page.title},
            _("The moderator sent “%(title)s” back: %(comment)s\n\n%(url)s\n")
            % {
                "title": page.title,
                "comment": comment,
                "url": _absolute(reverse("wagtailadmin_pages:edit", args=[page.pk])),
            },
        ),
    )
    messages.success(
        request, _("“%(title)s” was sent back to the translators.") % {"title": page.title}
    )
    return _back(request)


def _moderators():
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True) | Q(groups__page_permissions__permission__codename="publish_page")
        )
        .distinct()
    )


def _absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def _mail(users, message) -> None:
    mails = []
    for user in users:
        if not user.email:
            continue
        with django_translation.override(UserProfile.get_for_user(user).get_preferred_language()):
            subject, body = message()
        mails.append(EmailMessage(subject, body, to=[user.email]))
    if not mails:
        return
    try:
        get_connection().send_messages(mails)
    except OSError:
        # The hand-off is in the page's history and on the dashboard either way.
        logger.exception("Could not send %d translation hand-off e-mails", len(mails))
