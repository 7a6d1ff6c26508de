"""The image library used by every block: metadata-free files under random names."""

import secrets

from django.core.files.base import ContentFile
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from longread.imagemeta import strip_metadata


def random_file_name(extension: str) -> str:
    """A file name that says nothing: the uploaded name may be a person's name."""
    return f"{secrets.token_hex(16)}.{extension}"


class MetadataFreeImageFieldFile(ImageFieldFile):
    """Every write of an original goes through here: the edit form and the multiple uploader."""

    def save(self, name, content, save=True):
        content.seek(0)
        cleaned, extension = strip_metadata(content.read())
        super().save(random_file_name(extension), ContentFile(cleaned), save=False)
        # Width and height are those of the cleaned file (orientation may have been applied).
        if hasattr(self, "_dimensions_cache"):
            del self._dimensions_cache
        self.field.update_dimension_fields(self.instance, force=True)
        if save:
            self.instance.save()


class MetadataFreeImageField(models.ImageField):
    attr_class = MetadataFreeImageFieldFile


def original_upload_to(instance, filename):
    return f"original_images/{filename}"


class LongreadImage(AbstractImage):
    file = MetadataFreeImageField(
        verbose_name=_("file"),
        upload_to=original_upload_to,
        width_field="width",
        height_field="height",
    )

    admin_form_fields = Image.admin_form_fields

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]


class LongreadRendition(AbstractRendition):
    image = models.ForeignKey(LongreadImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
