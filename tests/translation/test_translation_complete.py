"""A translation is published only when every segment is translated: wagtail-localize would put
the Dutch text of an untranslated segment on the translated page, under that page's language."""

import html

import pytest
from django.contrib.messages import get_messages
from django.utils import translation as django_translation

from tests.helpers import admin_in
from tests.translation_support import (  # noqa: F401 - fixtures
    about_page,
    publish_in_editor,
    romanian_language,
    segments_of,
    signed_in_superuser,
    start_translation,
    translate_by_hand,
)

pytestmark = pytest.mark.django_db


def said(response) -> list[str]:
    return [html.unescape(str(message)) for message in get_messages(response.wsgi_request)]


def test_the_editor_refuses_to_publish_a_translation_with_a_dutch_segment_left(
    client, boss, romanian, django_capture_on_commit_callbacks
):
    translation = start_translation(about_page(), romanian, boss)
    segments = segments_of(translation)
    assert len(segments) > 2
    translate_by_hand(translation, segments[:-2])

    with django_translation.override("en"):
        response = publish_in_editor(client, translation, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    text = " ".join(said(response))
    assert "2 segments are not translated" in text, text
    assert "Romanian page would read them in Dutch" in text, text
    target = translation.get_target_instance()
    assert not target.live
    assert client.get(target.url or f"/ro/{target.slug}/").status_code == 404

    translate_by_hand(translation, segments[-2:])
    publish_in_editor(client, translation, django_capture_on_commit_callbacks)
    target.refresh_from_db()
    assert target.live


def test_the_refusal_is_in_the_admins_language(
    client, boss, romanian, django_capture_on_commit_callbacks
):
    translation = start_translation(about_page(), romanian, boss)
    translate_by_hand(translation, segments_of(translation)[:-1])
    admin_in(client, "nl")
    response = publish_in_editor(client, translation, django_capture_on_commit_callbacks)
    text = " ".join(said(response))
    assert "1 segment is niet vertaald" in text, text
    assert "pagina in het Roemeens" in text, text


def test_every_other_publish_path_refuses_it_too(client, boss, romanian):
    translation = start_translation(about_page(), romanian, boss)
    translate_by_hand(translation, segments_of(translation)[:-1])
    target = translation.get_target_instance()
    url = f"/admin/bulk/wagtailcore/page/publish/?id={target.pk}&next=/admin/"
    with django_translation.override("en"):
        client.post(url)
    target.refresh_from_db()
    assert not target.live
    revision = target.save_revision()
    with django_translation.override("en"), pytest.raises(Exception, match="not translated"):
        revision.publish()
    target.refresh_from_db()
    assert not target.live
