"""Self-hosted audio and video for longreads: never a third-party player, always accessible.

Audio needs a transcript and video needs captions (WebVTT), so nobody is shut out. A file must be
what its name says: its first bytes are checked against its format, so a page, script or image
renamed .mp3 is refused.
"""

import mimetypes
import os
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

# The media type of each kind of file the library takes: what the API says (`mime_type`) and
# what the file is served with (register_media_types, at start-up) are one and the same, on any
# machine (Python's guesses come from the system's mime.types, which differ: .wav is
# audio/x-wav on Debian).
MEDIA_TYPES = {
    ".mp3": "audio/mpeg",
    ".m4a": "audio/mp4",
    ".ogg": "audio/ogg",
    ".oga": "audio/ogg",
    ".opus": "audio/ogg",
    ".wav": "audio/wav",
    ".mp4": "video/mp4",
    ".webm": "video/webm",
    ".vtt": "text/vtt",
}


def register_media_types() -> None:
    for extension, media_type in MEDIA_TYPES.items():
        mimetypes.add_type(media_type, extension)


AUDIO_EXTENSIONS = ["mp3", "m4a", "ogg", "oga", "opus", "wav"]
VIDEO_EXTENSIONS = ["mp4", "webm"]
DEFAULT_MAX_MEDIA_BYTES = 200 * 1024 * 1024


def _mp3(head: bytes) -> bool:
    # An ID3 tag, or straight away an MPEG audio frame (11 sync bits set).
    return head.startswith(b"ID3") or (len(head) > 1 and head[0] == 0xFF and head[1] >= 0xE0)


def _iso_media(head: bytes) -> bool:
    return head[4:8] == b"ftyp"


def _ogg(head: bytes) -> bool:
    return head.startswith(b"OggS")


# How each accepted format begins.
SIGNATURES = {
    "mp3": _mp3,
    "m4a": _iso_media,
    "mp4": _iso_media,
    "ogg": _ogg,
    "oga": _ogg,
    "opus": _ogg,
    "wav": lambda head: head[:4] == b"RIFF" and head[8:12] == b"WAVE",
    "webm": lambda head: head.startswith(b"\x1a\x45\xdf\xa3"),  # EBML
}


def max_media_bytes() -> int:
    return getattr(settings, "LONGREAD_MAX_MEDIA_UPLOAD_SIZE", DEFAULT_MAX_MEDIA_BYTES)


def media_upload_to(instance, filename):
    # A random name: the uploaded name may identify a person.
    extension = os.path.splitext(filename)[1].lower().lstrip(".")
    return f"media_files/{secrets.token_hex(16)}.{extension}"


def validate_size(file):
    if file.size > max_media_bytes():
        raise ValidationError(
            _("The file is larger than %(size)s.") % {"size": filesizeformat(max_media_bytes())}
        )


def matches_extension(file, extension: str) -> bool:
    """Whether the file's first bytes are those of the format its extension names."""
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    return SIGNATURES[extension](head)


def validate_webvtt(file):
    file.seek(0)
    head = file.read(16)
    file.seek(0)
    if isinstance(head, str):
        head = head.encode()
    if not head.lstrip(b"\xef\xbb\xbf").startswith(b"WEBVTT"):
        raise ValidationError(_("Captions must be a WebVTT file that starts with 'WEBVTT'."))


class MediaFile(index.Indexed, models.Model):
    AUDIO = "audio"
    VIDEO = "video"

    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=10, choices=[(AUDIO, _("Audio")), (VIDEO, _("Video"))]
    )
    file = models.FileField(
        _("file"),
        upload_to=media_upload_to,
        validators=[
            FileExtensionValidator(AUDIO_EXTENSIONS + VIDEO_EXTENSIONS),
            validate_size,
        ],
    )
    captions = models.FileField(
        _("captions (WebVTT)"),
        upload_to=media_upload_to,
        blank=True,
        validators=[FileExtensionValidator(["vtt"]), validate_webvtt],
        help_text=_("Required for video."),
    )
    captions_language = models.CharField(_("captions language"), max_length=10, default="nl")
    duration_seconds = models.PositiveIntegerField(_("duration in seconds"), null=True, blank=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("file"),
        FieldPanel("captions"),
        FieldPanel("captions_language"),
        FieldPanel("duration_seconds"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("audio or video file")
        verbose_name_plural = _("audio and video files")

    def __str__(self):
        return self.title

    @property
    def length(self) -> str:
        """The running time as a reader reads it ("2:05", "1:02:05"); "" when not entered.
        Shown next to the player, which (loading nothing before play) shows 0:00 until then."""
        if not self.duration_seconds:
            return ""
        hours, rest = divmod(self.duration_seconds, 3600)
        minutes, seconds = divmod(rest, 60)
        return f"{hours}:{minutes:02}:{seconds:02}" if hours else f"{minutes}:{seconds:02}"

    @property
    def length_iso(self) -> str:
        """The running time for `<time datetime>`: "PT125S"."""
        return f"PT{self.duration_seconds}S" if self.duration_seconds else ""

    def clean(self):
        super().clean()
        extension = os.path.splitext(self.file.name or "")[1].lower().lstrip(".")
        if self.file and self.kind == self.AUDIO and extension not in AUDIO_EXTENSIONS:
            raise ValidationError({"file": _("This is not an audio file.")})
        if self.file and self.kind == self.VIDEO and extension not in VIDEO_EXTENSIONS:
            raise ValidationError({"file": _("This is not a video file.")})
        if (
            self.file
            and not self.file._committed
            and extension in SIGNATURES
            and not matches_extension(self.file.file, extension)
        ):
            message = (
                _("This is not an audio file: its content is not that of a .%(extension)s file.")
                if self.kind == self.AUDIO
                else _(
                    "This is not a video file: its content is not that of a .%(extension)s file."
                )
            )
            raise ValidationError({"file": message % {"extension": extension}})
        if self.kind == self.VIDEO and not self.captions:
            raise ValidationError({"captions": _("A video needs captions (a WebVTT file).")})

    @property
    def mime_type(self) -> str:
        extension = os.path.splitext(self.file.name)[1].lower()
        return MEDIA_TYPES.get(extension, "application/octet-stream")
