"""Photos reveal nothing: every stored image is re-encoded without EXIF, XMP, IPTC or comments.

Metadata such as GPS position, camera serial number and capture time can identify a teller or a
place, so it is removed before the file reaches storage, whatever the upload path.
"""

import io

from django.core.exceptions import ValidationError
from PIL import Image, ImageOps

# Formats we accept and how each is written back. Only pixel data, the colour profile and the
# animation timing survive; nothing else from the original file is passed to the encoder.
SAVE_OPTIONS = {
    "JPEG": {"quality": 90, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
    "GIF": {},
    "WEBP": {"quality": 90, "method": 4},
    "AVIF": {"quality": 80},
}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp", "AVIF": "avif"}


def strip_metadata(data: bytes) -> tuple[bytes, str]:
    """Return the image re-encoded without metadata, and the file extension of its format."""
    try:
        original = Image.open(io.BytesIO(data))
        original.load()
    except Exception as error:
        raise ValidationError(f"The file is not an image that can be read ({error}).") from None
    image_format = original.format
    if image_format not in SAVE_OPTIONS:
        raise ValidationError(f"Images in {image_format or 'this'} format are not accepted.")

    options = dict(SAVE_OPTIONS[image_format])
    icc_profile = original.info.get("icc_profile")
    if icc_profile:
        options["icc_profile"] = icc_profile

    animated = getattr(original, "is_animated", False) and original.n_frames > 1
    if animated:
        frames, durations = [], []
        for index in range(original.n_frames):
            original.seek(index)
            durations.append(original.info.get("duration", 100))
            frames.append(_bare_copy(original.convert("RGBA")))
        options.update(
            save_all=True,
            append_images=frames[1:],
            duration=durations,
            loop=original.info.get("loop", 0),
        )
        clean = frames[0]
    else:
        # Apply the EXIF orientation to the pixels, since the tag that carried it goes away.
        clean = _bare_copy(ImageOps.exif_transpose(original))
        if image_format == "JPEG" and clean.mode not in ("RGB", "L", "CMYK"):
            clean = clean.convert("RGB")

    output = io.BytesIO()
    clean.save(output, format=image_format, **options)
    return output.getvalue(), EXTENSIONS[image_format]


def _bare_copy(image: Image.Image) -> Image.Image:
    """A copy of the pixels with an empty info dict, so no encoder can find metadata to write."""
    copy = image.copy()
    copy.info = {}
    if hasattr(copy, "encoderinfo"):
        copy.encoderinfo = {}
    return copy
