"""Headless preview: a draft is readable only with a signed, revision-bound, one-hour token."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from sitewide.api.models import PreviewToken
from tests.helpers import first_story, make_user

pytestmark = pytest.mark.django_db

PREVIEW = "/api/v2/pages/preview/"


def draft_with_token(client, page, text="A DRAFT TEASER"):
    draft = page.get_latest_revision_as_object()
    draft.teaser = text
    draft.save_revision()
    client.force_login(make_user("previewer", superuser=True))
    url = reverse("sitewide_api_preview_tokens", args=[page.pk])
    response = client.post(url)
    assert response.status_code == 302
    page_html = client.get(url).content.decode()
    token = page_html.split("data-preview-token>")[1].split("<")[0]
    client.logout()
    return token


def test_draft_is_readable_with_a_token_only(client):
    page = first_story()
    token = draft_with_token(client, page)
    assert "A DRAFT TEASER" not in client.get(f"/api/v2/pages/{page.pk}/").content.decode()
    response = client.get(PREVIEW, {"token": token})
    assert response.status_code == 200
    assert response.json()["teaser"] == "A DRAFT TEASER"
    assert response["Cache-Control"] == "private, no-store"
    assert client.get(PREVIEW, {"token": token[:-2] + "xx"}).status_code == 404
    assert client.get(PREVIEW).status_code == 400  # the request lacks its token


def test_token_is_bound_to_its_revision_expires_and_can_be_revoked(client):
    page = first_story()
    token = draft_with_token(client, page)
    stored = PreviewToken.objects.get()
    # A later draft is not shown through the old token: it stays on its revision.
    newer = page.get_latest_revision_as_object()
    newer.teaser = "NEWER DRAFT"
    newer.save_revision()
    assert client.get(PREVIEW, {"token": token}).json()["teaser"] == "A DRAFT TEASER"
    stored.created_at = timezone.now() - datetime.timedelta(minutes=61)
    stored.save()
    assert client.get(PREVIEW, {"token": token}).status_code == 404
    stored.created_at = timezone.now()
    stored.save()
    client.force_login(make_user("revoker", superuser=True))
    client.post(reverse("sitewide_api_preview_tokens", args=[page.pk]), {"revoke": stored.pk})
    client.logout()
    assert client.get(PREVIEW, {"token": token}).status_code == 404


def test_no_preview_when_consent_does_not_cover_the_api(client):
    page = first_story()
    token = draft_with_token(client, page)
    record = page.consent
    record.allows_api = False
    record.save()
    assert client.get(PREVIEW, {"token": token}).status_code == 404


def test_no_preview_when_the_page_now_has_a_record_that_does_not_cover_the_api(client):
    """The draft names the record it was saved with; the page may have been linked to another
    record since (one that leaves the API out): the page's record as stored now counts too."""
    from stories.models import ConsentRecord, TestimonyPage

    page = first_story()
    token = draft_with_token(client, page)
    narrow = ConsentRecord.objects.get(pk=page.consent.pk)
    narrow.pk = None
    narrow.pseudonym = "Website only [test]"
    narrow.allows_api = False
    narrow.save()
    narrow.languages.set(page.consent.languages.all())
    TestimonyPage.objects.filter(pk=page.pk).update(consent=narrow)
    assert client.get(PREVIEW, {"token": token}).status_code == 404


def test_only_editors_of_the_page_issue_tokens(client):
    page = first_story()
    client.force_login(make_user("nobody"))
    response = client.post(reverse("sitewide_api_preview_tokens", args=[page.pk]))
    assert response.status_code in (302, 403)
    assert not PreviewToken.objects.exists()
