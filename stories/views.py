"""Admin views for consent officers."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from stories.models import ConsentRecord, ConsentWithdrawal
from stories.takedown import withdraw

CONSENT_PERMISSION = "stories.change_consentrecord"


class WithdrawalForm(forms.Form):
    reason = forms.CharField(label=_("Why"), widget=forms.Textarea(attrs={"rows": 3}))
    part = forms.ChoiceField(
        label=_("Which part"),
        choices=ConsentWithdrawal.PART_CHOICES,
        initial=ConsentWithdrawal.EVERYTHING,
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
        messages.success(
            request,
            _("Withdrawal recorded. Pages taken down: %(count)d.")
            % {"count": len(result.unpublished)},
        )
        for line in result.review:  # other pages that name or link to the story
            messages.warning(request, line)
        return redirect("wagtailsnippets_stories_consentrecord:edit", pk=record.pk)
    return TemplateResponse(
        request, "stories/admin/withdraw.html", {"record": record, "form": form}
    )


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
    from stories.erasure import erase_story, plan_erasure

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
