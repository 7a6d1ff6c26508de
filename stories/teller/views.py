"""The teller's page, opened by the private link without an account.

No cookie, no session: CSRF protection is a signed form token bound to the link (a page of
another site cannot know it); after the right code, a signed, short-lived "unlocked" token in
the form carries the proof from one screen to the next. Before the code, every link (unknown,
revoked, expired or valid) gets the same answer.
"""

import hashlib
import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from stories import consent
from stories.models import ConsentWithdrawal
from stories.teller import service

FORM_SALT = "stories.teller.form"
UNLOCKED_SALT = "stories.teller.unlocked"
FORM_MAX_AGE = 2 * 60 * 60  # seconds a code form stays valid
UNLOCKED_MAX_AGE = 30 * 60  # seconds a screen after the code stays valid
FULL = "full"
TAKEDOWN_ONLY = "takedown"

CHANNEL_NAMES = {
    consent.WEBSITE: _("this website"),
    consent.API: _("websites of partner organisations that show our stories"),
    consent.SOCIAL: _("social media (share links and previews)"),
    consent.PRINT: _("print"),
}


def _binding(token: str) -> str:
    """What a form token is bound to: the link, without saying whether it exists."""
    return hashlib.sha256(f"teller-form:{token}".encode()).hexdigest()[:32]


def _form_token(token: str) -> str:
    return signing.dumps({"bound": _binding(token), "at": time.time()}, salt=FORM_SALT)


def _form_token_ok(token: str, signed: str) -> bool:
    try:
        data = signing.loads(signed or "", salt=FORM_SALT, max_age=FORM_MAX_AGE)
    except signing.BadSignature:
        return False
    return isinstance(data, dict) and data.get("bound") == _binding(token)


def _form_opened_before_lock(link, signed: str) -> bool:
    """Whether the code form was shown before the teller last left through the quick exit: a
    code sent from it again (Back, then "resend") opens nothing."""
    if not link.locked_at:
        return False
    data = signing.loads(signed, salt=FORM_SALT, max_age=FORM_MAX_AGE)
    return data.get("at", 0) <= link.locked_at.timestamp()


def _unlocked(link, mode: str) -> str:
    return signing.dumps(
        {"link": link.pk, "bound": link.token_hash[:32], "mode": mode, "at": time.time()},
        salt=UNLOCKED_SALT,
    )


def _unlocked_link(token: str, signed: str):
    """The link and mode a valid "unlocked" token proves, or (None, None)."""
    try:
        data = signing.loads(signed or "", salt=UNLOCKED_SALT, max_age=UNLOCKED_MAX_AGE)
    except signing.BadSignature:
        return None, None
    link = service.active_link(token)
    if (
        link is None
        or data.get("link") != link.pk
        or data.get("bound") != link.token_hash[:32]
        or data.get("mode") not in (FULL, TAKEDOWN_ONLY)
        # Opened before the teller last left through the quick exit.
        or (link.locked_at and data.get("at", 0) <= link.locked_at.timestamp())
    ):
        return None, None
    return link, data["mode"]


class MessageForm(forms.Form):
    text = forms.CharField(
        label=_("Your message"), max_length=4000, widget=forms.Textarea(attrs={"rows": 5})
    )


# What each take-down choice says: as a choice ("Only in print"), and inside a sentence ("You
# are taking down your story in print"). Whole phrases: a place needs its own preposition.
CHANNEL_TAKEDOWN_WORDS = {
    consent.WEBSITE: (_("Only on this website"), _("your story on this website")),
    consent.API: (
        _("Only on websites of partner organisations"),
        _("your story on websites of partner organisations"),
    ),
    consent.SOCIAL: (
        _("Only on social media (share links and previews)"),
        _("your story on social media"),
    ),
    consent.PRINT: (_("Only in print"), _("your story in print")),
}


# A language's name inside the take-down sentences ("Only the English version", "the English
# version of your story"), in the form those sentences need in the teller's language: an
# adjective agreeing with "version" in Arabic, a lowercase noun in French, a locative in Serbian.
# (The list of the story's languages shows the names Django gives, service.language_name.)
LANGUAGES_IN_SENTENCES = {
    "nl": pgettext_lazy("language inside the take-down sentences", "Dutch"),
    "en": pgettext_lazy("language inside the take-down sentences", "English"),
    "de": pgettext_lazy("language inside the take-down sentences", "German"),
    "fr": pgettext_lazy("language inside the take-down sentences", "French"),
    "es": pgettext_lazy("language inside the take-down sentences", "Spanish"),
    "ro": pgettext_lazy("language inside the take-down sentences", "Romanian"),
    "sr-latn": pgettext_lazy("language inside the take-down sentences", "Serbian"),
    "hu": pgettext_lazy("language inside the take-down sentences", "Hungarian"),
    "bg": pgettext_lazy("language inside the take-down sentences", "Bulgarian"),
    "ar": pgettext_lazy("language inside the take-down sentences", "Arabic"),
}


def language_in_sentence(code: str) -> str:
    name = LANGUAGES_IN_SENTENCES.get(code)
    return str(name) if name is not None else service.language_name(code)


def _scope_words(scope: str) -> tuple[str, str]:
    """(the choice's label, the same inside a sentence)."""
    if scope == ConsentWithdrawal.EVERYTHING:
        return (
            str(_("Everything: every language and every place")),
            str(_("your whole story, in every language and every place")),
        )
    kind, value = scope.split(":", 1)
    if kind == "channel":
        label, phrase = CHANNEL_TAKEDOWN_WORDS[value]
        return str(label), str(phrase)
    name = {"language": language_in_sentence(value)}
    return (
        str(_("Only the %(language)s version") % name),
        str(_("the %(language)s version of your story") % name),
    )


def scope_label(scope: str) -> str:
    return _scope_words(scope)[0]


def scope_phrase(scope: str) -> str:
    return _scope_words(scope)[1]


def _private(response):
    response["X-Robots-Tag"] = "noindex, nofollow, noarchive"
    response["Referrer-Policy"] = "no-referrer"
    return response


@csrf_exempt  # its own CSRF protection without a cookie: the signed form token above
@never_cache
def teller_page(request, language, token):
    if language not in dict(settings.LANGUAGES):
        raise Http404
    if request.method == "POST" and request.POST.get("step") == "lock":
        # Sent by the quick exit as the teller leaves (reader.js): the same answer whatever
        # the link, so it tells nothing.
        link, _mode = _unlocked_link(token, request.POST.get("unlocked", ""))
        if link is not None:
            service.lock(link)
        return _private(HttpResponse(status=204))
    with translation.override(language):
        response = _answer(request, language, token)
        response.render()
    response["Content-Language"] = language
    return _private(response)


def _answer(request, language, token):
    context = {
        "language": language,
        # The page's direction; the story's own words carry their language's (lang and dir).
        "direction": "rtl" if translation.get_language_bidi() else "ltr",
        "token": token,
        "languages": [(code, name) for code, name in settings.LANGUAGES],
        "quick_exit_url": _quick_exit_url(language),
        # An answer to a sent form: reader.js makes its history entry an ordinary one, so Back
        # (after the quick exit too) and reload never send the form again (docs/teller.md).
        "sent_form": request.method == "POST",
    }

    def screen(name, **extra):
        return TemplateResponse(
            request, "stories/teller/page.html", {**context, "screen": name, **extra}
        )

    def code_screen(problem=""):
        return screen(
            "code",
            form_token=_form_token(token),
            problem=problem,
            limited=service.is_limited(token),
        )

    if request.method != "POST":
        return code_screen()
    step = request.POST.get("step", "")
    if step == "code":
        if not _form_token_ok(token, request.POST.get("form_token", "")):
            return code_screen(_("This form was open too long. Please enter your code again."))
        limited = service.is_limited(token)
        link = service.check_code(token, request.POST.get("code", ""))
        if link is None:
            return code_screen(
                _("That code does not fit this link. Please check it and try again.")
            )
        if _form_opened_before_lock(link, request.POST["form_token"]):
            return code_screen(_("For your safety, please enter your code again."))
        mode = TAKEDOWN_ONLY if limited else FULL
        service.log_opened(link, mode)
        return _overview(screen, link, mode)
    link, mode = _unlocked_link(token, request.POST.get("unlocked", ""))
    if link is None:
        return code_screen(_("For your safety, please enter your code again."))
    scope = request.POST.get("scope", "")
    if step in ("withdraw", "confirm"):
        if scope not in service.takedown_choices(link.record):
            return _overview(screen, link, mode, problem=_("Please choose what to take down."))
        if step == "withdraw":
            return screen(
                "confirm",
                unlocked=_unlocked(link, mode),
                scope=scope,
                scope_phrase=scope_phrase(scope),
            )
        result = service.take_down(link, scope)
        return screen(
            "done",
            unlocked=_unlocked(link, mode),
            scope_phrase=scope_phrase(scope),
            already=result is None,
        )
    if step == "approve" and mode == FULL:
        version = request.POST.get("version", "")
        if service.approve(link, version):
            outcome = "approved"
        elif any(str(state.pk) == version for state in service.awaiting_approval(link.record)):
            outcome = "already"  # a replayed form: the approval was given before
        else:
            outcome = "gone"  # published, withdrawn or replaced while the page was open
        return screen("approved", unlocked=_unlocked(link, mode), outcome=outcome)
    if step == "message" and mode == FULL:
        form = MessageForm(request.POST)
        if form.is_valid():
            # A form sent twice (Back, then "resend") is one message.
            once = hashlib.sha256(request.POST.get("once", "").encode()).hexdigest()
            if request.POST.get("once") and not cache.add(
                f"teller-message:{once}", 1, UNLOCKED_MAX_AGE
            ):
                return screen("sent", unlocked=_unlocked(link, mode), already=True)
            service.send_message(link, form.cleaned_data["text"])
            return screen("sent", unlocked=_unlocked(link, mode))
        return _overview(screen, link, mode, message_form=form)
    return _overview(screen, link, mode)


def _overview(screen, link, mode, problem="", message_form=None):
    record = link.record
    facts = service.overview(record) if mode == FULL else {}
    waiting = (
        [service.version_for_teller(state) for state in service.awaiting_approval(record)]
        if mode == FULL
        else []
    )
    for channel in facts.get("channels", []):
        channel["name"] = CHANNEL_NAMES[channel["code"]]
    return screen(
        "overview",
        mode=mode,
        unlocked=_unlocked(link, mode),
        facts=facts,
        waiting=waiting,
        choices=[(scope, scope_label(scope)) for scope in service.open_takedown_choices(record)],
        problem=problem,
        message_form=message_form or MessageForm(),
        once=secrets.token_urlsafe(16),
    )


def _quick_exit_url(language: str) -> str:
    """The language's quick-exit target from its settings, as every reader page uses."""
    from django.apps import apps

    try:
        model = apps.get_model("sitewide", "LanguageSettings")
    except LookupError:
        return ""
    row = model.objects.filter(locale__language_code=language).values("quick_exit_url").first()
    return (row or {}).get("quick_exit_url") or ""
