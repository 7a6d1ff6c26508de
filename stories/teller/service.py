"""Issuing, checking and acting on a teller's link. The views and the `teller_link` command call
these functions; nothing here knows of HTTP."""

import datetime
import hashlib
import hmac
import secrets

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import TaskState

from longread.absolute import absolute_url
from stories import consent
from stories.consent.takedown import withdraw
from stories.languages import language_name
from stories.models import ConsentRecord, ConsentWithdrawal, TestimonyPage
from stories.teller.models import TellerLink, TellerMessage
from stories.workflow import TellerApprovalTask

OFFICERS_GROUP = "Consent officers"
# Without an expiry date on the record, a link lasts at most three years (accreditation rules
# for release forms in this field).
LONGEST = datetime.timedelta(days=3 * 365)
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I/L
CODE_LENGTH = 8
CODE_ITERATIONS = 120_000
# Wrong codes per link before the page offers only "take my story down".
MAX_WRONG_CODES = 5
WRONG_CODE_WINDOW = 15 * 60  # seconds
WITHDRAWAL_REASON = "Withdrawn by the teller through their private link."


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _code_hash(code: str, salt: str) -> str:
    normalised = "".join(code.split()).replace("-", "").upper()
    return hashlib.pbkdf2_hmac("sha256", normalised.encode(), salt.encode(), CODE_ITERATIONS).hex()


def new_code() -> str:
    code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{code[:4]}-{code[4:]}"


def link_path(language: str, token: str) -> str:
    return reverse("teller_page", kwargs={"language": language, "token": token})


def link_url(language: str, token: str, request=None) -> str:
    """On the public site's address (the one base URL): the admin's may be closed to tellers."""
    return absolute_url(link_path(language, token), request)


@transaction.atomic
def issue(record: ConsentRecord, language: str, user=None) -> tuple[TellerLink, str, str]:
    """A new link and code for the record; every earlier link of the record stops working.
    Returns the link with the token and code in clear, which are never stored."""
    revoke_all(record, user)
    token = secrets.token_urlsafe(32)  # 256 bits
    code = new_code()
    salt = secrets.token_hex(16)
    link = TellerLink.objects.create(
        record=record,
        token_hash=token_hash(token),
        code_salt=salt,
        code_hash=_code_hash(code, salt),
        language=language,
        created_by=user,
    )
    log(instance=record, action="stories.teller.link_issued", user=user, data={"link": link.pk})
    return link, token, code


def revoke_all(record: ConsentRecord, user=None) -> int:
    revoked = list(record.teller_links.filter(revoked_at=None).values_list("pk", flat=True))
    if revoked:
        TellerLink.objects.filter(pk__in=revoked).update(revoked_at=timezone.now())
        log(
            instance=record,
            action="stories.teller.link_revoked",
            user=user,
            data={"links": revoked},
        )
    return len(revoked)


def valid_until(link: TellerLink) -> datetime.date:
    longest = timezone.localdate(link.created_at) + LONGEST
    expires = link.record.expires_on
    return min(expires, longest) if expires else longest


def active_link(token: str) -> TellerLink | None:
    """The link this token opens, or None (unknown, revoked or expired: all look the same)."""
    link = (
        TellerLink.objects.select_related("record")
        .filter(token_hash=token_hash(token), revoked_at=None)
        .first()
    )
    if link is None or valid_until(link) <= timezone.localdate():
        return None
    return link


# --- codes and the rate limit --------------------------------------------------------------------


def _attempts_key(token: str) -> str:
    return "stories:teller:wrong-codes:" + token_hash(token)


def wrong_codes(token: str) -> int:
    return cache.get(_attempts_key(token), 0)


def is_limited(token: str) -> bool:
    return wrong_codes(token) >= MAX_WRONG_CODES


def check_code(token: str, code: str) -> TellerLink | None:
    """The link when `code` is its code. A wrong code counts against the token, whether or not a
    link has it (so an unknown link behaves as a known one); the count never stops a right code,
    it only narrows what the page offers (see views)."""
    link = active_link(token)
    salt = link.code_salt if link else "0" * 32
    expected = link.code_hash if link else "0" * 64
    if hmac.compare_digest(_code_hash(code or "", salt), expected) and link is not None:
        return link
    key = _attempts_key(token)
    cache.add(key, 0, WRONG_CODE_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, WRONG_CODE_WINDOW)
        count = 1
    if count == MAX_WRONG_CODES and link is not None:
        _tell_officers(link, TellerMessage.ALERT, "")
        log(instance=link.record, action="stories.teller.code_limited", data={"link": link.pk})
    return None


# --- what the teller sees ------------------------------------------------------------------------


def overview(record: ConsentRecord) -> dict:
    """The story in each language and where it appears, as the consent rule decides today."""
    pages = list(
        TestimonyPage.objects.filter(consent=record)
        .select_related("locale")
        .order_by("locale__language_code")
    )
    from stories.reach import report

    figures = {row["page_id"]: row for row in report.per_page(page_ids=[page.pk for page in pages])}
    translations = []
    for page in pages:
        visible = consent.page_visibility(page)
        figure = figures.get(page.pk, {"views": 0, "ends": 0})
        translations.append(
            {
                "language": page.locale.language_code,
                "language_name": language_name(page.locale.language_code),
                "title": page.title,
                "quote": page.quote,
                "live": page.live,
                # On this site's own address (the teller's page is on it too).
                "url": page.get_url() if visible[consent.WEBSITE] else "",
                "channels": [channel for channel in consent.CHANNELS if visible[channel]],
                # Counted without tracking anyone (stories.reach); small numbers not told exactly.
                "readers": report.shown(figure["views"]),
                "readers_to_the_end": report.shown(figure["ends"]),
            }
        )
    everything = record.withdrawals.filter(part=ConsentWithdrawal.EVERYTHING).exists()
    withdrawn_parts = set(record.withdrawals.values_list("part", flat=True))
    channels = [
        {
            "code": channel,
            "on": not everything
            and channel not in withdrawn_parts
            and getattr(record, f"allows_{channel}"),
        }
        for channel in consent.CHANNELS
    ]
    return {
        "translations": translations,
        "channels": channels,
        "withdrawn_everything": everything,
        "expires_on": record.expires_on,
        "review_on": record.review_on,
    }


def awaiting_approval(record: ConsentRecord) -> list[TaskState]:
    """The versions of this teller's story that wait at the workflow's teller's step."""
    page_ids = [
        str(pk) for pk in TestimonyPage.objects.filter(consent=record).values_list("pk", flat=True)
    ]
    return list(
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            task__in=TellerApprovalTask.objects.all(),
            workflow_state__object_id__in=page_ids,
            workflow_state__status="in_progress",
        )
        .select_related("revision")
        .order_by("pk")
    )


# What a reader reads of a rendered body, block by block; the controls (buttons, labels of
# sliders and galleries) and pictures' descriptions are left out.
PASSAGE_TAGS = {
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "blockquote": "quote",
    "p": "text",
    "li": "text",
}
LEFT_OUT = ["button", "script", "noscript", "svg", "figcaption", "img", "picture", "nav", "label"]
# The site's help box is the site's, not the teller's words.
LEFT_OUT_BLOCKS = "aside.lr-help"
# Blocks of pictures stand as one marker ("pictures: <their heading or caption>"); their labels
# ("Then", "Now") mean nothing without the pictures.
PICTURE_BLOCKS = "figure.lr-compare, section.lr-gallery, figure:has(img, picture, video)"


def readable_passages(html: str) -> list[dict]:
    """The body's text as passages ({"kind": heading/quote/text, "text"}), in reading order."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    for element in soup.select(LEFT_OUT_BLOCKS):
        element.decompose()
    for block in soup.select(PICTURE_BLOCKS):
        if block.find_parent(class_="lr-pictures-marker"):
            continue
        named = block.find(["h2", "h3", "h4", "figcaption"])
        marker = soup.new_tag("div", attrs={"class": "lr-pictures-marker"})
        marker.string = " ".join(named.get_text(" ", strip=True).split()) if named else ""
        block.replace_with(marker)
    for element in soup.find_all(LEFT_OUT):
        element.decompose()
    passages = []
    for element in soup.find_all([*PASSAGE_TAGS, "div"]):
        if element.name == "div":
            # A picture without a heading or caption (a step's backdrop) goes unmentioned.
            if "lr-pictures-marker" in (element.get("class") or []) and element.get_text():
                passages.append({"kind": "pictures", "text": element.get_text(strip=True)})
            continue
        if element.find_parent(["blockquote", "li"]):
            continue  # read as part of its quote or list item
        text = " ".join(element.get_text(" ", strip=True).split())
        if text:
            passages.append({"kind": PASSAGE_TAGS[element.name], "text": text})
    return passages


def teller_approval(revision_id) -> TellerMessage | None:
    """The teller's approval of this version through their link (evidence an officer confirms),
    or None."""
    return (
        TellerMessage.objects.filter(kind=TellerMessage.APPROVAL, revision_id=revision_id)
        .order_by("created_at")
        .first()
    )


def teller_approved(revision_id) -> bool:
    """Whether the teller approved this version through their link (awaiting confirmation)."""
    return teller_approval(revision_id) is not None


def version_for_teller(task_state: TaskState) -> dict:
    """A waiting version as the teller reads it: its language, title and running text (the
    text only: a version not yet published shows no pictures)."""
    page = task_state.revision.as_object()
    return {
        "id": task_state.pk,
        "language": page.locale.language_code,
        "language_name": language_name(page.locale.language_code),
        "title": page.title,
        "quote": page.quote,
        "teaser": page.teaser,
        "content_note": page.content_note,
        "passages": readable_passages(page.body.render_as_block()),
        "approved": teller_approved(task_state.revision_id),
    }


def takedown_choices(record: ConsentRecord) -> list[str]:
    """What the teller may take down: everything, each channel the record allows, each language
    of the story the record covers. (A channel or language the consent never allowed shows
    nowhere already: offering it would suggest it does.)"""
    covered = set(record.languages.values_list("language_code", flat=True))
    languages = sorted(
        set(
            TestimonyPage.objects.filter(consent=record).values_list(
                "locale__language_code", flat=True
            )
        )
        & covered
    )
    return (
        [ConsentWithdrawal.EVERYTHING]
        + [
            f"channel:{channel}"
            for channel in consent.CHANNELS
            if getattr(record, f"allows_{channel}")
        ]
        + [f"language:{code}" for code in languages]
    )


def open_takedown_choices(record: ConsentRecord) -> list[str]:
    """The choices still worth offering: none once everything is withdrawn, and no part that is
    withdrawn already."""
    return [scope for scope in takedown_choices(record) if not already_withdrawn(record, scope)]


# --- actions -------------------------------------------------------------------------------------


def already_withdrawn(record: ConsentRecord, scope: str) -> bool:
    withdrawals = record.withdrawals.all()
    if withdrawals.filter(part=ConsentWithdrawal.EVERYTHING).exists():
        return True
    if scope.startswith("channel:"):
        return withdrawals.filter(part=scope.split(":", 1)[1]).exists()
    if scope.startswith("language:"):
        return withdrawals.filter(
            part=ConsentWithdrawal.LANGUAGE, language__language_code=scope.split(":", 1)[1]
        ).exists()
    return False


@transaction.atomic
def take_down(link: TellerLink, scope: str):
    """The teller takes their story down: the same takedown service as the admin's Withdraw action
    (ledger included), an audit-log entry, and a notice to the consent officers. A scope that is
    already withdrawn (a replayed form) changes nothing and returns None."""
    from wagtail.models import Locale

    record = link.record
    if scope not in takedown_choices(record):
        raise ValueError(f"Unknown scope {scope!r}")
    if already_withdrawn(record, scope):
        return None
    part, language = scope, None
    if scope.startswith("channel:"):
        part = scope.split(":", 1)[1]
    elif scope.startswith("language:"):
        part = ConsentWithdrawal.LANGUAGE
        language = Locale.objects.get(language_code=scope.split(":", 1)[1])
    result = withdraw(record, WITHDRAWAL_REASON, part=part, language=language)
    log(
        instance=record,
        action="stories.teller.withdrawn",
        data={"link": link.pk, "scope": scope, "pages": result.unpublished},
    )
    _tell_officers(link, TellerMessage.WITHDRAWAL, scope)
    return result


@transaction.atomic
def approve(link: TellerLink, task_state_id) -> TellerMessage | None:
    """The teller approves a waiting version. It counts once a consent officer confirms it in
    the workflow ("The teller approved this version"); until then it is evidence: a message to
    the officers naming the version, and an audit-log entry. A version that no longer waits, or
    was approved already (a replayed form), changes nothing and returns None."""
    state = next(
        (s for s in awaiting_approval(link.record) if str(s.pk) == str(task_state_id)), None
    )
    if state is None:
        return None
    if teller_approved(state.revision_id):
        return None
    message = _tell_officers(link, TellerMessage.APPROVAL, "", revision=state.revision)
    log(
        instance=link.record,
        action="stories.teller.approved",
        data={"link": link.pk, "revision": state.revision_id, "page": state.revision.object_id},
    )
    return message


def lock(link: TellerLink) -> None:
    """The teller left through the quick exit: screens opened before now need the code again."""
    TellerLink.objects.filter(pk=link.pk).update(locked_at=timezone.now())


def send_message(link: TellerLink, text: str) -> TellerMessage:
    message = _tell_officers(link, TellerMessage.MESSAGE, text.strip())
    log(instance=link.record, action="stories.teller.message", data={"link": link.pk})
    return message


def _tell_officers(link: TellerLink, kind: str, text: str, revision=None) -> TellerMessage:
    message = TellerMessage.objects.create(
        record=link.record, link=link, kind=kind, text=text, revision=revision
    )
    recipients = list(
        get_user_model()
        .objects.filter(groups__name=OFFICERS_GROUP, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if recipients:
        # The e-mail names the record and what happened, never the teller's words.
        subject = {
            TellerMessage.MESSAGE: "A teller asks to talk to someone",
            TellerMessage.WITHDRAWAL: "A teller took their story down",
            TellerMessage.ALERT: "Too many wrong codes on a teller's link",
            TellerMessage.APPROVAL: "A teller approved a version of their story",
        }[kind]
        body = (
            f"{subject}: consent record {link.record.pseudonym}."
            + (f" Part: {text}." if kind == TellerMessage.WITHDRAWAL else "")
            + (
                " Confirm it in the workflow of the story (The teller approved this version)."
                if kind == TellerMessage.APPROVAL
                else ""
            )
            + " Read it in the admin, under Consent, the record's teller's link."
        )
        transaction.on_commit(
            lambda: send_mail(subject, body, None, recipients, fail_silently=True)
        )
    return message


def log_opened(link: TellerLink, mode: str) -> None:
    log(
        instance=link.record,
        action="stories.teller.opened",
        data={"link": link.pk, "takedown_only": mode != "full"},
    )
