"""The admin's upload forms: every file that is not what it should be is a form error.

Images (WAGTAILIMAGES_IMAGE_FORM_BASE) and documents (WAGTAILDOCS_DOCUMENT_FORM_BASE) are
checked from their first bytes, before anything decodes them: a small file that would decode to
gigabytes (a decompression bomb) is refused without its pixels ever being in memory.
"""

import os

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

DOCUMENT_EXTENSIONS = ("pdf",)
PDF_SIGNATURE = b"%PDF-"


class ReadableImageField(WagtailImageField):
    """Wagtail's image field, with the pixel count read from the header.

    Wagtail 8.0 asks Willow for the size, and Willow decodes the whole image to answer: a 17 KB
    PNG of 12000 × 12000 pixels took 144 MB before its size was compared with the limit. Pillow's
    ``Image.open`` reads only the header, so the size and frame count are taken from there, and
    the pixels are first decoded when the accepted file is cleaned of metadata (longread.models).
    """

    def check_image_pixel_size(self, f):
        file = f.image.f  # what Willow identified the format from
        try:
            file.seek(0)
            with PILImage.open(file) as image:
                width, height = image.size
                frames = getattr(image, "n_frames", 1)
        except PILImage.DecompressionBombError:
            # Pillow refuses, at open, headers of more than twice its own limit.
            raise self.too_many_pixels(_("unknown number")) from None
        except Exception as error:  # a file cut short or otherwise unreadable: OSError and more
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error
        finally:
            file.seek(0)
        if self.max_image_pixels is not None and width * height * frames > self.max_image_pixels:
            raise self.too_many_pixels(width * height * frames)

    def too_many_pixels(self, count) -> ValidationError:
        return ValidationError(
            self.error_messages["file_too_many_pixels"]
            % {"num_pixels": count, "max_pixels_count": self.max_image_pixels},
            code="file_too_many_pixels",
        )


class LongreadImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only forms that take a file have the field (the multiple uploader's edit form has not).
        if "file" in self.fields:
            original = self.fields["file"]
            self.fields["file"] = ReadableImageField(
                label=original.label, required=original.required, widget=original.widget
            )


class LongreadDocumentForm(BaseDocumentForm):
    """Documents are PDFs, by name and by content: a page or script renamed .pdf is refused."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if not isinstance(file, UploadedFile):
            return file  # the stored file, unchanged on edit
        extension = os.path.splitext(file.name)[1].lower().lstrip(".")
        if extension not in DOCUMENT_EXTENSIONS:
            raise ValidationError(
                _("Only PDF files can be uploaded as documents (a name ending in .pdf)."),
                code="invalid_extension",
            )
        file.seek(0)
        head = file.read(len(PDF_SIGNATURE))
        file.seek(0)
        if head != PDF_SIGNATURE:
            raise ValidationError(
                _("This file is not a PDF: its content does not begin as a PDF file does."),
                code="not_pdf",
            )
        return file

    def _post_clean(self):
        # A refused new file leaves the document without one, and Wagtail's model check then adds
        # "File extension '' is not allowed": the field's own error says it better.
        refused = list(self._errors.get("file", []))
        super()._post_clean()
        if refused:
            self._errors["file"] = self.error_class(refused)
