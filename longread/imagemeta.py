"""Photos reveal nothing: every stored image is re-encoded without EXIF, XMP, IPTC or comments.

Metadata such as GPS position, camera serial number and capture time can identify a teller or a
place, so it is removed before the file reaches storage, whatever the upload path.

Re-encoding (rather than deleting known segments) is what makes this hold: the new file is
written by Pillow from pixels alone, so segments we do not know about cannot survive either.
What Pillow 13 would copy on its own, and why each frame's ``info`` is emptied:

- JPEG takes a comment from ``im.info["comment"]`` when none is passed; EXIF, XMP and the raw
  ``extra`` segments (where IPTC lives, in APP13) only from the save arguments.
- PNG, WebP and AVIF take EXIF and XMP only from the save arguments, but AVIF takes the colour
  profile from ``im.info``, and GIF its comment, background and palette.
- The EXIF orientation goes with the EXIF, so it is applied to the pixels first.
"""

import io

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import ExifTags, Image, ImageSequence

# Formats we accept and how each is written back. Only pixel data, the colour profile and the
# animation timing survive; nothing else from the original file is passed to the encoder.
SAVE_OPTIONS = {
    "JPEG": {"quality": 90, "optimize": True, "progressive": True},
    # Originals are never served (only renditions are): zlib's default level, not `optimize`,
    # which costs seconds per large picture on every upload for a few percent of bytes.
    "PNG": {"compress_level": 6},
    "GIF": {},
    "WEBP": {"quality": 90, "method": 4},
    "AVIF": {"quality": 80},
}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp", "AVIF": "avif"}

# Pillow calls many phone and camera JPEGs "MPO": a JPEG followed by further pictures (a depth
# map, a large preview), each with its own EXIF. Only the primary picture is kept, as a JPEG.
READ_AS = {"MPO": "JPEG"}

TRANSPOSE_FOR_ORIENTATION = {
    2: Image.Transpose.FLIP_LEFT_RIGHT,
    3: Image.Transpose.ROTATE_180,
    4: Image.Transpose.FLIP_TOP_BOTTOM,
    5: Image.Transpose.TRANSPOSE,
    6: Image.Transpose.ROTATE_270,
    7: Image.Transpose.TRANSVERSE,
    8: Image.Transpose.ROTATE_90,
}

# The only part of a frame's info that is kept: which palette entry or colour is transparent.
PIXEL_INFO = ("transparency",)

# What Pillow reports when reading a file that holds nothing but pixels, a colour profile and
# timing. Anything else found in a file (EXIF, XMP, IPTC, comments, text chunks) is metadata.
HARMLESS_INFO = frozenset(
    {
        "adobe",
        "adobe_transform",
        "background",
        "bbox",
        "blend",
        "default_image",
        "disposal",
        "dpi",
        "duration",
        "icc_profile",
        "jfif",
        "jfif_density",
        "jfif_unit",
        "jfif_version",
        "loop",
        "progression",
        "progressive",
        "timestamp",
        "transparency",
        "version",
    }
)


def strip_metadata(data: bytes) -> tuple[bytes, str]:
    """Return the image re-encoded without metadata, and the file extension of its format.

    Raises ValidationError for anything that is not a readable image in an accepted format.
    """
    try:
        original = Image.open(io.BytesIO(data))
    except Exception:
        raise ValidationError(
            _("The file is not an image that can be read."), "unreadable"
        ) from None
    image_format = READ_AS.get(original.format, original.format)
    if image_format not in SAVE_OPTIONS:
        raise ValidationError(
            _("Images in %(format)s format are not accepted.") % {"format": original.format},
            "unsupported_format",
        )

    try:
        frames, options = _decode(original, image_format)
    except Exception:
        raise ValidationError(
            _("The file is damaged or incomplete and cannot be read as an image."), "unreadable"
        ) from None

    options.update(SAVE_OPTIONS[image_format])
    icc_profile = original.info.get("icc_profile")
    if icc_profile:
        options["icc_profile"] = icc_profile
    if len(frames) > 1:
        options.update(save_all=True, append_images=frames[1:])

    output = io.BytesIO()
    try:
        frames[0].save(output, format=image_format, **options)
    except (OSError, ValueError):
        raise ValidationError(_("The image cannot be processed."), "unprocessable") from None
    return output.getvalue(), EXTENSIONS[image_format]


def carries_metadata(data: bytes) -> bool:
    """Whether an image file holds anything beyond pixels, colour profile and timing.

    Used as a last check on renditions. Unknown or unreadable counts as carrying metadata.
    """
    try:
        image = Image.open(io.BytesIO(data))
        if set(image.info) - HARMLESS_INFO or image.getexif():
            return True
        if image.format in ("JPEG", "MPO"):
            # Segment by segment: only JFIF (APP0), the colour profile (APP2) and Adobe's colour
            # transform (APP14) may be there; no comment (COM), EXIF/XMP (APP1), IPTC (APP13).
            for marker, payload in image.applist:
                if marker == "APP2" and payload.startswith(b"ICC_PROFILE\x00"):
                    continue
                if marker not in ("APP0", "APP14"):
                    return True
    except Exception:
        return True
    return False


def _decode(original: Image.Image, image_format: str) -> tuple[list[Image.Image], dict]:
    """The frames as bare pixels, upright, and the options that carry their timing."""
    # Apply the EXIF orientation to the pixels, since the tag that carried it goes away.
    transpose = TRANSPOSE_FOR_ORIENTATION.get(original.getexif().get(ExifTags.Base.Orientation))
    animated = image_format != "JPEG" and getattr(original, "n_frames", 1) > 1
    if not animated:
        original.load()
        frame = original
        if image_format == "JPEG" and frame.mode not in ("RGB", "L", "CMYK"):
            frame = frame.convert("RGB")
        return [_bare_copy(frame, transpose)], {}

    options: dict = {}
    if "loop" in original.info:
        options["loop"] = original.info["loop"]
    frames, durations = [], []
    for frame in ImageSequence.Iterator(original):
        frame.load()  # WebP and AVIF set a frame's duration when it is loaded
        durations.append(frame.info.get("duration", 100))
        frames.append(_bare_copy(frame.convert("RGBA"), transpose))
    options["duration"] = durations
    if image_format == "GIF" and any(frame.getextrema()[3][0] < 255 for frame in frames):
        # Each frame is whole; with transparency, it must not be drawn over the one before.
        options["disposal"] = 2
    return frames, options


def _bare_copy(image: Image.Image, transpose) -> Image.Image:
    """A copy of the pixels with an info dict that holds nothing for an encoder to write."""
    copy = image.transpose(transpose) if transpose is not None else image.copy()
    copy.info = {key: image.info[key] for key in PIXEL_INFO if key in image.info}
    return copy
