"""Admin views of the translation workflow: the status dashboard, its CSV export, the review of
machine-translated segments, and translators' notices."""

import csv

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.models import GroupPagePermission, Page
from wagtail_localize.models import Translation

from sitewide.languages import staff_language_names
from sitewide.staff.translators import languages_shown, may_edit_translation
from sitewide.translation import review
from sitewide.translation.models import TranslationNotice
from sitewide.translation.status import NEEDS_REVIEW, status_table


def visible_languages(user) -> list[tuple[str, str]]:
    """The columns this user sees: a translator only their own languages."""
    return languages_shown(user)


def may_see_status(user) -> bool:
    """Staff who work on pages: superusers, and members of groups with page permissions."""
    return user.is_active and (
        user.is_superuser or GroupPagePermission.objects.filter(group__user=user).exists()
    )


def _table_for(request):
    if not may_see_status(request.user):
        raise PermissionDenied
    allowed = [code for code, _name in visible_languages(request.user)]
    language = request.GET.get("language", "")
    languages = [language] if language in allowed else allowed
    try:
        section_id = int(request.GET.get("section", "") or 0) or None
    except ValueError:
        section_id = None
    return status_table(languages=languages, section_id=section_id), allowed, language, section_id


def dashboard(request):
    table, allowed, language, section_id = _table_for(request)
    names = dict(staff_language_names(settings.LANGUAGES))  # "Engels" in the Dutch admin
    return TemplateResponse(
        request,
        "sitewide/admin/translation_status.html",
        {
            "header_title": _("Translations"),
            "page_title": _("Translations"),
            "header_icon": "wagtail-localize-language",
            "table": table,
            "language_choices": [(code, names[code]) for code in allowed],
            "chosen_language": language,
            "chosen_section": section_id,
            "notices": TranslationNotice.objects.open_for(request.user).select_related(
                "page", "locale"
            ),
            "needs_review": NEEDS_REVIEW,
            "query": request.GET.urlencode(),
        },
    )


def _spreadsheet_safe(text: str) -> str:
    # A cell starting with one of these runs as a formula in spreadsheet programs.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def export_csv(request):
    table, *_rest = _table_for(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="translation-status-{stamp}.csv"'
    writer = csv.writer(response)
    header = [_("Page ID"), _("Page"), _("Section")]
    for code, _name in table.languages:
        header += [code, f"{code} %"]
    writer.writerow(header)
    for row in table.rows:
        line = [row.page_id, _spreadsheet_safe(row.title), _spreadsheet_safe(row.section)]
        for cell in row.cells:
            line += [cell.label, "" if cell.percent is None else cell.percent]
        writer.writerow(line)
    return response


def _editable_translation(request, translation_id) -> Translation:
    translation = get_object_or_404(
        Translation.objects.select_related("source", "target_locale"), pk=translation_id
    )
    try:
        target = translation.get_target_instance()
    except ObjectDoesNotExist as error:
        raise Http404 from error
    if not isinstance(target, Page):
        raise Http404  # the review covers pages, as the dashboard does
    if not may_edit_translation(request.user, target):
        raise PermissionDenied
    translation.target = target
    return translation


def review_segments(request, translation_id):
    translation = _editable_translation(request, translation_id)
    return TemplateResponse(
        request,
        "sitewide/admin/translation_review.html",
        {
            "header_title": _("Review suggested translations"),
            "page_title": _("Review suggested translations"),
            "page_subtitle": (
                f"{translation.target} ({translation.target_locale.get_display_name()})"
            ),
            "header_icon": "wagtail-localize-language",
            "translation": translation,
            "segments": review.waiting_for_review(translation),
        },
    )


@require_POST
def confirm_segments(request, translation_id):
    """Confirm one segment (`segment`: the StringTranslation's id) or, without it, all."""
    translation = _editable_translation(request, translation_id)
    chosen = request.POST.get("segment")
    if chosen is not None:
        try:
            ids = [int(chosen)]
        except ValueError:
            messages.error(request, _("No such segment."))
            return redirect("sitewide_translation_review", translation.pk)
    else:
        ids = None
    confirmed = review.confirm(translation, request.user, ids)
    if confirmed:
        messages.success(request, CONFIRMED % {"count": confirmed})
    else:
        messages.warning(request, _("Nothing was waiting for review."))
    return redirect("sitewide_translation_review", translation.pk)


CONFIRMED = gettext_lazy("Confirmed %(count)s machine-translated segment(s).")


@require_POST
def dismiss_notice(request, notice_id):
    notice = get_object_or_404(TranslationNotice, pk=notice_id, recipient=request.user)
    if notice.dismissed_at is None:
        notice.dismissed_at = timezone.now()
        notice.save(update_fields=["dismissed_at"])
    return redirect("sitewide_translation_status")
