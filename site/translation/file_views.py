"""Admin views of translation files (sitewide.translation.files): one page's PO or XLIFF file,
and per language a zip of the pages to translate. Only users who may edit the translated page
(Wagtail's page permissions: that language's translators, editors) reach a page's file; a
language's page lists only the pages the user may edit."""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST
from wagtail.admin import messages
from wagtail.models import Locale
from wagtail_localize.models import Translation

from sitewide.staff.translators import (
    is_translator_only,
    may_edit_translated_type,
    may_edit_translation,
)
from sitewide.translation import files
from sitewide.translation.staleness import is_out_of_date

MAX_UPLOAD_BYTES = 20 * 1024 * 1024


class FormatForm(forms.Form):
    file_format = forms.ChoiceField(
        label=gettext_lazy("Format"),
        choices=[(files.PO, "PO (gettext)"), (files.XLIFF, "XLIFF 1.2")],
        initial=files.PO,
    )


class UploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("File"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload


def translated_languages():
    return Locale.objects.filter(
        language_code__in=[code for code, _name in settings.LANGUAGES[1:]]
    ).order_by("language_code")


def translation_for(request, translation_uuid):
    translation = files.page_translations().filter(uuid=translation_uuid).first()
    if translation is None or files.target_page(translation) is None:
        raise Http404
    if not files.user_can_edit(request.user, translation):
        raise PermissionDenied
    return translation


def language_for(request, language_code):
    locale = get_object_or_404(translated_languages(), language_code=language_code)
    if not files.may_work_on_language(request.user, locale):
        raise PermissionDenied
    return locale


def attachment(name: str, content_type: str, content: bytes) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_GET
def languages(request):
    rows = [
        (locale, len(files.pages_to_translate(locale, request.user)))
        for locale in translated_languages()
        if files.may_work_on_language(request.user, locale)
    ]
    if not rows:
        raise PermissionDenied
    return TemplateResponse(
        request, "sitewide/translation_files/languages.html", {"languages": rows}
    )


def language_files(request, language_code):
    """The pages of a language to translate, their zip, and the import of a zip."""
    locale = language_for(request, language_code)
    format_form = FormatForm()
    upload_form = UploadForm()
    problems = []
    if request.method == "POST" and request.POST.get("action") == "export":
        format_form = FormatForm(request.POST)
        if format_form.is_valid():
            file_format = format_form.cleaned_data["file_format"]
            translations = files.pages_to_translate(locale, request.user)
            # The file must hold what changed in the source: refresh out-of-date snapshots.
            for translation in translations:
                files.refresh_if_out_of_date(translation)
            content = files.export_zip(translations, file_format)
            return attachment(
                f"translations-{locale.language_code}-{file_format}.zip", "application/zip", content
            )
    elif request.method == "POST" and request.POST.get("action") == "import":
        upload_form = UploadForm(request.POST, request.FILES)
        if upload_form.is_valid():
            try:
                result = files.import_zip(
                    locale, upload_form.cleaned_data["file"].read(), request.user
                )
            except files.ImportRefused as refused:
                problems = refused.problems
            else:
                report_success(request, result)
                return redirect("sitewide_translation_files_language", locale.language_code)
    elif request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405)
    translations = files.pages_to_translate(locale, request.user)
    return TemplateResponse(
        request,
        "sitewide/translation_files/language.html",
        {
            "locale": locale,
            "rows": [(translation, is_out_of_date(translation)) for translation in translations],
            "format_form": format_form,
            "upload_form": upload_form,
            "problems": problems,
        },
    )


def translation_files(request, translation_uuid):
    """One page's translation file: download, refresh, import."""
    translation = translation_for(request, translation_uuid)
    upload_form = UploadForm()
    problems = []
    if request.method == "POST":
        upload_form = UploadForm(request.POST, request.FILES)
        if upload_form.is_valid():
            upload = upload_form.cleaned_data["file"]
            try:
                result = files.import_file(translation, upload.name, upload.read(), request.user)
            except files.ImportRefused as refused:
                problems = refused.problems
            else:
                report_success(request, result)
                return redirect("sitewide_translation_files_page", translation.uuid)
    elif request.method not in ("GET", "HEAD"):
        return HttpResponse(status=405)
    page = files.target_page(translation)
    return TemplateResponse(
        request,
        "sitewide/translation_files/page.html",
        {
            "translation": translation,
            "page": page,
            "page_label": files.page_label(translation),
            "out_of_date": is_out_of_date(translation),
            "upload_form": upload_form,
            "problems": problems,
            "formats": [(files.PO, "PO"), (files.XLIFF, "XLIFF")],
        },
    )


@require_GET
def download(request, translation_uuid, file_format):
    translation = translation_for(request, translation_uuid)
    if file_format not in files.FORMATS:
        raise Http404
    return attachment(*files.export_file(translation, file_format))


@require_POST
def refresh(request, translation_uuid):
    translation = translation_for(request, translation_uuid)
    if files.refresh_if_out_of_date(translation):
        messages.success(
            request,
            _("The page's source text was updated: the file now holds what changed."),
        )
    else:
        messages.info(request, _("The source text was already up to date."))
    return redirect("sitewide_translation_files_page", translation.uuid)


def report_success(request, result: files.ImportResult):
    if is_translator_only(request.user):  # translators hand over; moderators publish
        done = _(
            "Imported: %(changed)d translation(s) changed, %(unchanged)d unchanged, in "
            "%(pages)s. When the page is ready, hand it over with “Ready for review” on your "
            "dashboard: a moderator publishes it."
        )
    else:
        done = _(
            "Imported: %(changed)d translation(s) changed, %(unchanged)d unchanged, in "
            "%(pages)s. Publish the page from the translation editor to put them on the site."
        )
    messages.success(
        request,
        done
        % {
            "changed": result.changed,
            "unchanged": result.unchanged,
            "pages": ", ".join(result.pages),
        },
    )
    if result.skipped:
        messages.warning(
            request,
            _("Not imported, marked as unfinished in the file: %(segments)s")
            % {"segments": "; ".join(f"{item.context} “{item.source}”" for item in result.skipped)},
        )


@require_POST
def checked_editor_upload(request, translation_id):
    """wagtail-localize's own "Upload PO file" in the translation editor, checked like ours.

    The stock view imports whatever entries it can read and skips the rest silently, without the
    checks on numbers, addresses and placeholders. This view sits before it at the same address:
    a page's file goes through the page's translation file view (which lists every problem), a
    snippet's through the same import, with its problems as messages. Like the page's, a
    snippet's file is imported only for whoever may edit that record in its language
    (`sitewide.staff.translators.may_edit_translation`): the stock view asks only for the
    model's permission, which translators hold for their own language's records alone.
    """
    translation = get_object_or_404(Translation, pk=translation_id)
    if files.target_page(translation) is not None:
        return translation_files(request, translation.uuid)
    instance = translation.get_target_instance()
    if not may_edit_translated_type(request.user, instance):
        raise PermissionDenied  # as wagtail-localize's own view
    back = request.META.get("HTTP_REFERER") or "wagtailadmin_home"
    if not may_edit_translation(request.user, instance):
        # The model's permission, held for the translator's own language only (a translator of
        # another language): refused before the file is read, so nothing changes.
        messages.error(
            request,
            _(
                "Nothing was imported: you may not change the %(language)s translation. "
                "Translators upload files only to translations into their own language."
            )
            % {"language": translation.target_locale.get_display_name()},
        )
        return redirect(back)
    upload_form = UploadForm(request.POST, request.FILES)
    if not upload_form.is_valid():
        for error in upload_form.errors.get("file", []):
            messages.error(request, error)
        return redirect(back)
    upload = upload_form.cleaned_data["file"]
    try:
        result = files.import_file(translation, upload.name, upload.read(), request.user)
    except files.ImportRefused as refused:
        messages.error(
            request, _("Nothing was imported. Correct these problems and upload the file again:")
        )
        for file_problems in refused.problems:
            for error in file_problems.file_errors:
                messages.error(request, error)
            for segment in file_problems.segments:
                messages.error(request, f"“{segment.source}”: {segment.message}")
        return redirect(back)
    report_success(request, result)
    return redirect(back)
