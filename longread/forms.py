"""The admin's image form: every unreadable upload is a form error, never a server error."""

from django.core.exceptions import ValidationError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class ReadableImageField(WagtailImageField):
    """Wagtail's field reads the first frame and catches only decompression bombs there; a file
    cut short makes Pillow raise OSError, which would otherwise end as a 500."""

    def check_image_pixel_size(self, f):
        try:
            return super().check_image_pixel_size(f)
        except (OSError, SyntaxError, ValueError) as error:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error


class LongreadImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only forms that take a file have the field (the multiple uploader's edit form has not).
        if "file" in self.fields:
            original = self.fields["file"]
            self.fields["file"] = ReadableImageField(
                label=original.label, required=original.required, widget=original.widget
            )
