"""A file's media type is the same in the API (`mime_type`) and on the file's own answer."""

import mimetypes

import pytest

from longread.mediafiles import MEDIA_TYPES, MediaFile

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("extension", sorted(MEDIA_TYPES))
def test_each_kind_of_file_is_served_with_the_type_the_api_names(extension):
    assert mimetypes.guess_type(f"recording{extension}")[0] == MEDIA_TYPES[extension]


def test_the_demo_recording_is_served_as_the_api_says(client):
    audio = MediaFile.objects.filter(kind=MediaFile.AUDIO).first()
    served = client.get(audio.file.url)
    assert served.status_code == 200
    assert served["Content-Type"] == audio.mime_type
