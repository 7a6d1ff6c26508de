"""The image library used by every block: metadata-free files under random names.

An uploaded photo may identify the person in it three ways besides its pixels: the metadata in
the file (see ``longread.imagemeta``), the file's name, and a title made from that name. The
first two never reach storage; the third is replaced by a neutral title at upload.
"""

import functools
import os
import re
import secrets
import unicodedata
from io import BytesIO

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from django.db.models.signals import pre_save
from django.dispatch import Signal, receiver
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Image
from wagtail.models import UploadedFile
from wagtail.utils.file import hash_filelike

from longread.imagemeta import carries_metadata, strip_metadata

# A title that ends like an image file's name was made from one (the multiple uploader's
# server-side default title is the whole file name, extension included).
FILE_NAME_TITLE = re.compile(r"\.(jpe?g|jfif|png|gif|webp|avif|heic|heif|tiff?|bmp|svg)\s*$", re.I)


def random_file_name(extension: str) -> str:
    """A file name that says nothing: the uploaded name may be a person's name."""
    return f"{secrets.token_hex(16)}.{extension}"


def neutral_title() -> str:
    return f"Afbeelding {secrets.token_hex(4)}"


def _words(text: str) -> str:
    """Text compared as words: case, accents, and _ - . , white space and other punctuation
    do not count."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    return " ".join(word for word in re.split(r"[\W_]+", text) if word)


def reveals_file_name(text: str, file_name: str) -> bool:
    """Whether text holds the stem of file_name, or is part of it, word for word."""
    stem = _words(os.path.splitext(os.path.basename(file_name))[0])
    words = _words(text)
    if not stem or not words:
        return False
    return f" {stem} " in f" {words} " or f" {words} " in f" {stem} "


class MetadataFreeImageFieldFile(ImageFieldFile):
    """Every write of an original goes through here: the edit form and the multiple uploader."""

    def save(self, name, content, save=True):
        cleaned, extension = self.metadata_free(content)
        # The name as uploaded is kept in memory only, so that the title can be checked against it.
        self.instance._uploaded_file_name = name
        super().save(random_file_name(extension), ContentFile(cleaned), save=False)
        self._metadata_free = None
        # Width and height are those of the cleaned file (orientation may have been applied), and
        # so are size and hash (the image form works them out from the upload, before this).
        self.field.update_dimension_fields(self.instance, force=True)
        self.instance.file_size = len(cleaned)
        self.instance.file_hash = hash_filelike(BytesIO(cleaned))
        if save:
            self.instance.save()

    def metadata_free(self, content) -> tuple[bytes, str]:
        """The content re-encoded without metadata, and its extension; worked out once."""
        cached = getattr(self, "_metadata_free", None)
        if cached is not None and cached[0] is content:
            return cached[1]
        content.seek(0)
        result = strip_metadata(content.read())
        content.seek(0)
        self._metadata_free = (content, result)
        return result


class MetadataFreeImageField(models.ImageField):
    attr_class = MetadataFreeImageFieldFile

    def validate(self, value, model_instance):
        """A file that cannot be cleaned is a form error on the file field, not a failed save."""
        super().validate(value, model_instance)
        if value and not value._committed:
            value.metadata_free(value.file)


def original_upload_to(instance, filename):
    return f"original_images/{filename}"


# Sent each time an image is encoded into a rendition (every path that makes one comes through
# LongreadImage.generate_rendition_file): readers' requests should never do it, and the bench and
# the tests count it.
rendition_encoded = Signal()


@functools.lru_cache(maxsize=256)
def _filter_for_spec(spec: str) -> Filter:
    return Filter(spec=spec)


def parsed_filter(filter):
    """One Filter per spec for the process: Wagtail makes a new one for every image a template
    shows, and parsing its operations (through `inspect`) took a third of a long story's time.
    A Filter holds nothing but its spec and the operations parsed from it."""
    if isinstance(filter, str):
        return _filter_for_spec(filter)
    if type(filter) is Filter and filter.spec:
        return _filter_for_spec(filter.spec)
    return filter


def shown_to_readers(image, media_allowed) -> bool:
    """Whether readers may see `image` on a page that hands its templates `media_allowed`
    (stories.models.TestimonyPage.media_allowed): a photo needs the teller's photo permission,
    an illustration does not. Pages without a teller hand none and show every image."""
    if image is None:
        return False
    photos = not isinstance(media_allowed, dict) or media_allowed.get("photos") is not False
    return photos or not image.is_photo


class LongreadImage(AbstractImage):
    """An image of the library. A photo (the default, the safe side) goes with a testimony only
    while its teller's consent allows photos; an illustration, made for the site and showing no
    one, is shown whatever that permission says (stories.models.TestimonyPage.image_is_shown)."""

    PHOTO = "photo"
    ILLUSTRATION = "illustration"

    file = MetadataFreeImageField(
        verbose_name=_("file"),
        upload_to=original_upload_to,
        width_field="width",
        height_field="height",
    )
    kind = models.CharField(
        _("kind"),
        max_length=12,
        choices=[
            (PHOTO, _("Photo")),
            (ILLUSTRATION, _("Illustration (drawn or generated, shows no one)")),
        ],
        default=PHOTO,
        blank=True,  # uploads that do not say (several files at once) are photos
        help_text=_(
            "A photo is shown in a story only while the teller's consent allows photos. "
            "Choose illustration only for an image that shows no person, place or thing "
            "from the teller's life."
        ),
    )

    admin_form_fields = (*Image.admin_form_fields, "kind")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")
        permissions = [("choose_image", "Can choose image")]

    @property
    def is_photo(self) -> bool:
        return self.kind != self.ILLUSTRATION

    def save(self, *args, **kwargs):
        if not self.kind:
            self.kind = self.PHOTO
        update_fields = kwargs.get("update_fields")
        storing_file = update_fields is None or "file" in update_fields
        if storing_file and self.file and not self.file._committed:
            # Store the cleaned file before saving the row, not in the file field's pre_save:
            # width, height, size and hash change with it and are read before that field's.
            self.file.save(self.file.name, self.file.file, save=False)
        if update_fields is None or "title" in update_fields:
            self._hide_uploaded_file_name()
        super().save(*args, **kwargs)
        self._uploaded_file_name = None

    def _hide_uploaded_file_name(self):
        """At upload, a title or description made from the file's name gives way."""
        uploaded = getattr(self, "_uploaded_file_name", None)
        if not self.title.strip() or (
            uploaded
            and (FILE_NAME_TITLE.search(self.title) or reveals_file_name(self.title, uploaded))
        ):
            self.title = neutral_title()
        if uploaded and self.description and reveals_file_name(self.description, uploaded):
            self.description = ""

    # Wagtail writes every rendition it finds back to the rendition cache, even one it has just
    # read from there: with the file cache, a write and a scan of the cache's folder for each
    # picture a page shows. Here what came from the cache (or was prefetched) is not written back.

    def get_rendition(self, filter):
        filter = self.clean_filter_for_svg(parsed_filter(filter))
        Rendition = self.get_rendition_model()
        try:
            rendition = self.find_existing_rendition(filter)
        except Rendition.DoesNotExist:
            return super().get_rendition(filter)
        if not getattr(rendition, "_from_cache", False):
            key = Rendition.construct_cache_key(self, filter.get_cache_key(self), filter.spec)
            Rendition.cache_backend.set(key, rendition)
        return rendition

    def get_renditions(self, *filters):
        return super().get_renditions(*(parsed_filter(f) for f in filters))

    def find_existing_renditions(self, *filters):
        if not filters or self._get_prefetched_renditions() is not None:
            return super().find_existing_renditions(*filters)
        Rendition = self.get_rendition_model()
        keys = {
            Rendition.construct_cache_key(self, f.get_cache_key(self), f.spec): f for f in filters
        }
        found = {}
        for key, rendition in Rendition.cache_backend.get_many(list(keys)).items():
            rendition.image = self  # as Wagtail does: this instance's alt text and the like
            rendition._from_cache = True  # never written back (get_rendition, get_renditions)
            found[keys[key]] = rendition
        missing = [f for f in filters if f not in found]
        if missing:  # the database, as Wagtail looks there
            found.update(super().find_existing_renditions(*missing))
        return found

    def generate_rendition_file(self, filter, *, source=None):
        """Renditions hold no metadata either, even if an original somehow still did."""
        rendition_encoded.send(sender=type(self), image=self, filter=filter)
        rendition_file = super().generate_rendition_file(filter, source=source)
        rendition_file.seek(0)
        data = rendition_file.read()
        rendition_file.seek(0)
        if not carries_metadata(data):
            return rendition_file
        return ContentFile(strip_metadata(data)[0], name=rendition_file.name)


class LongreadRendition(AbstractRendition):
    image = models.ForeignKey(LongreadImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


@receiver(pre_save, sender=UploadedFile)
def clean_parked_upload(sender, instance, raw=False, **kwargs):
    """The multiple uploader parks a file as an UploadedFile when a field other than the file
    fails (a title too long, say), byte for byte under its own name. Park an image clean."""
    if raw or not instance.file or instance.file._committed:
        return
    if instance.for_content_type_id != ContentType.objects.get_for_model(LongreadImage).pk:
        return
    content = instance.file.file
    content.seek(0)
    cleaned, extension = strip_metadata(content.read())
    instance.file = ContentFile(cleaned, name=random_file_name(extension))


# Audio and video live in their own module; imported here so Django registers the model.
from longread.mediafiles import MediaFile  # noqa: E402,F401
