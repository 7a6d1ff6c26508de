"""Consent officers' screens for the teller's link: issue, revoke, print the two cards, read
what tellers sent. The link and the code are shown once, on two separate printable cards."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from stories.consent.permissions import CONSENT_PERMISSION
from stories.languages import language_name
from stories.models import ConsentRecord
from stories.teller import service
from stories.teller.models import TellerLink

CARD_SALT = "stories.teller.card"
CARD_MAX_AGE = 60 * 60  # an issued link's cards can be printed for an hour


class IssueForm(forms.Form):
    language = forms.ChoiceField(
        label=_("The teller's language"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
    )


def _officer(request):
    if not request.user.has_perm(CONSENT_PERMISSION):
        raise PermissionDenied


@never_cache
def manage_view(request, pk):
    _officer(request)
    record = get_object_or_404(ConsentRecord, pk=pk)
    form = IssueForm(request.POST or None)
    title = _("Teller's link for %(name)s") % {"name": record.pseudonym}
    context = {"record": record, "form": form, "page_title": title, "header_icon": "key"}
    if request.method == "POST" and form.is_valid():
        link, token, code = service.issue(record, form.cleaned_data["language"], request.user)
        url = service.link_url(link.language, token, request)
        # Shown by the page the browser is sent to (a reload there sends nothing again, so it
        # issues no other link behind the cards just printed), while the link is active and its
        # cards can be printed.
        request.session[_cards_key(record)] = {
            "link": link.pk,
            "link_card": signing.dumps({"link": link.pk, "url": url}, salt=CARD_SALT),
            "code_card": signing.dumps({"link": link.pk, "code": code}, salt=CARD_SALT),
        }
        return redirect("stories_teller_link", pk=record.pk)
    context.update(_cards_to_print(request, record))
    # Read after issuing: the link just issued is in the table at once.
    context["links"] = [
        {
            "link": link,
            "language": language_name(link.language),
            "valid_until": service.valid_until(link),
        }
        for link in record.teller_links.all()[:20]
    ]
    context["messages_received"] = record.teller_messages.all()[:50]
    return TemplateResponse(request, "stories/teller/admin_manage.html", context)


def _cards_key(record) -> str:
    return f"stories.teller.cards.{record.pk}"


def _cards_to_print(request, record) -> dict:
    """The cards of the link issued last in this session, while it is active and printable."""
    cards = request.session.get(_cards_key(record))
    if not cards:
        return {}
    try:
        signing.loads(cards["link_card"], salt=CARD_SALT, max_age=CARD_MAX_AGE)
        issued = record.teller_links.get(pk=cards["link"], revoked_at=None)
    except (signing.BadSignature, TellerLink.DoesNotExist):
        del request.session[_cards_key(record)]
        return {}
    return {"issued": issued, "link_card": cards["link_card"], "code_card": cards["code_card"]}


@require_POST
def revoke_view(request, pk):
    _officer(request)
    record = get_object_or_404(ConsentRecord, pk=pk)
    count = service.revoke_all(record, request.user)
    messages.success(request, _("Links revoked: %(count)d.") % {"count": count})
    return redirect("stories_teller_link", pk=record.pk)


@never_cache
@require_POST
def card_view(request, kind):
    """A printable card: the link alone, or the code alone; never both on one card."""
    _officer(request)
    try:
        data = signing.loads(request.POST.get("card", ""), salt=CARD_SALT, max_age=CARD_MAX_AGE)
    except signing.BadSignature:
        raise PermissionDenied from None
    field = {"link": "url", "code": "code"}.get(kind)
    if field is None or field not in data:
        raise PermissionDenied
    link = get_object_or_404(TellerLink, pk=data["link"], revoked_at=None)
    response = TemplateResponse(
        request,
        "stories/teller/admin_card.html",
        {"kind": kind, "value": data[field], "link": link, "record": link.record},
    )
    response["Referrer-Policy"] = "no-referrer"
    return response
