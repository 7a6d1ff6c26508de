"""The consent officers' admin screens: withdraw, link a story to its record, read a story,
erase (superusers). Their addresses and buttons: stories/consent/wagtail_hooks.py."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from stories.consent import linking, register
from stories.consent.permissions import CONSENT_PERMISSION, VIEW_PERMISSION
from stories.consent.takedown import withdraw
from stories.models import ConsentRecord, ConsentWithdrawal, TestimonyPage


class WithdrawalForm(forms.Form):
    reason = forms.CharField(label=_("Why"), widget=forms.Textarea(attrs={"rows": 3}))
    # No default: the officer says which part the teller withdrew.
    part = forms.ChoiceField(
        label=_("Which part"),
        choices=[("", _("Choose what the teller withdraws")), *ConsentWithdrawal.PART_CHOICES],
        error_messages={"required": _("Choose which part of the consent is withdrawn.")},
    )
    language = forms.ModelChoiceField(
        label=_("Language (for 'One language')"), queryset=Locale.objects.all(), required=False
    )

    def clean(self):
        data = super().clean()
        if data.get("part") == ConsentWithdrawal.LANGUAGE and not data.get("language"):
            self.add_error("language", _("Choose the language that is withdrawn."))
        return data


def withdraw_view(request, pk):
    """Withdrawing consent is one action: as easy as giving it (GDPR Art. 7(3))."""
    if not request.user.has_perm(CONSENT_PERMISSION):
        raise PermissionDenied
    record = get_object_or_404(ConsentRecord, pk=pk)
    form = WithdrawalForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and "confirm" not in request.POST:
        # First say what will go offline, by name; act only when the officer confirms.
        return TemplateResponse(
            request,
            "stories/admin/withdraw_confirm.html",
            {
                "record": record,
                "form": form,
                "part_label": dict(ConsentWithdrawal.PART_CHOICES)[form.cleaned_data["part"]],
                "summary": register.withdrawal_summary(
                    record, form.cleaned_data["part"], form.cleaned_data["language"]
                ),
            },
        )
    if request.method == "POST" and form.is_valid():
        try:
            result = withdraw(
                record,
                reason=form.cleaned_data["reason"],
                part=form.cleaned_data["part"],
                language=form.cleaned_data["language"],
                user=request.user,
            )
        except ValidationError as error:  # nothing was recorded or taken down
            form.add_error(None, error)
            return TemplateResponse(
                request, "stories/admin/withdraw.html", {"record": record, "form": form}
            )
        if result.unpublished:
            messages.success(
                request,
                _("Withdrawal recorded. Taken offline: %(pages)s.")
                % {"pages": register.pages_named(result.unpublished)},
            )
        else:
            messages.success(
                request, _("Withdrawal recorded. No page on the website was online to take down.")
            )
        for line in result.review:  # other pages that name or link to the story
            messages.warning(request, line)
        return redirect("wagtailsnippets_stories_consentrecord:edit", pk=record.pk)
    return TemplateResponse(
        request, "stories/admin/withdraw.html", {"record": record, "form": form}
    )


class LinkForm(forms.Form):
    record = forms.ModelChoiceField(
        label=_("Consent record"),
        queryset=ConsentRecord.objects.order_by("pseudonym", "pk"),
        error_messages={"required": _("Choose the teller's consent record.")},
    )


def link_view(request, pk):
    """A consent officer links the story to its teller's consent record. It is not an edit of
    the text: no revision is made and the teller's approval stands (stories.consent.linking)."""
    if not request.user.has_perm(CONSENT_PERMISSION):
        raise PermissionDenied
    page = get_object_or_404(TestimonyPage, pk=pk)
    initial = page.consent if page.consent_id else None
    if initial is None:  # the record written for this teller, when there is exactly one
        same_name = ConsentRecord.objects.filter(pseudonym__iexact=page.pseudonym)
        initial = same_name.first() if same_name.count() == 1 else None
    form = LinkForm(request.POST or None, initial={"record": initial})
    if request.method == "POST" and form.is_valid():
        record = form.cleaned_data["record"]
        linking.link(page, record, user=request.user)
        messages.success(
            request,
            _("“%(title)s” is linked to the consent record of %(name)s, in every language.")
            % {"title": page.title, "name": record.pseudonym},
        )
        return redirect("stories_consent_story", page.pk)
    return TemplateResponse(
        request,
        "stories/admin/consent_link.html",
        {
            "page": page,
            "form": form,
            "page_title": page.title,
            "header_icon": "doc-full",
        },
    )


def story_view(request, pk):
    """A consent officer reads a testimony, read-only, in any language and at any step of its
    workflow: its status (what consent allows, who acts next, where it is public) and the text
    of its latest version, the one the teller is asked to approve. Officers do not edit pages,
    so Wagtail's editor is closed to them outside their own workflow step."""
    from stories.status_panel import link_url, story_status
    from stories.teller.service import readable_passages

    if not request.user.has_perm(VIEW_PERMISSION):
        raise PermissionDenied
    page = get_object_or_404(TestimonyPage, pk=pk)
    latest = page.get_latest_revision_as_object()
    translations = (
        TestimonyPage.objects.filter(translation_key=page.translation_key)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    return TemplateResponse(
        request,
        "stories/admin/story_read.html",
        {
            "page": page,
            "latest": latest,
            "status": story_status(page),
            "link_url": link_url(page, request.user),
            "passages": readable_passages(latest.body.render_as_block()),
            "translations": translations,
            "record": page.consent,
            "page_title": page.title,
            "header_icon": "doc-full",
        },
    )


def story_of_record(record: ConsentRecord) -> TestimonyPage | None:
    """The record's story to open first: its Dutch page, else any of its pages."""
    pages = TestimonyPage.objects.filter(consent=record)
    return pages.filter(locale__language_code="nl").first() or pages.order_by("pk").first()


class ErasureConfirmForm(forms.Form):
    confirm = forms.CharField(
        label=_("Type 'erase' to confirm"),
        help_text=_("This deletes the story in every language and cannot be undone."),
    )

    def clean_confirm(self):
        if self.cleaned_data["confirm"].strip().lower() != "erase":
            raise forms.ValidationError(_("Type the word 'erase' to confirm."))
        return self.cleaned_data["confirm"]


def erase_view(request, pk):
    """Erasure (GDPR Art. 17) for superusers: the same service as `manage.py erase_story`."""
    from stories.consent.erasure import erase_story, plan_erasure

    if not request.user.is_superuser:
        raise PermissionDenied
    record = get_object_or_404(ConsentRecord, pk=pk)
    form = ErasureConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        result = erase_story(record, user=request.user)
        for line in result.describe():
            messages.success(request, line)
        return redirect("wagtailsnippets_stories_consentrecord:list")
    return TemplateResponse(
        request,
        "stories/admin/erase.html",
        {"record": record, "form": form, "plan": plan_erasure(record).describe()},
    )
