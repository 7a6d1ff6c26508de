"""The block library of the longread body.

Each block validates its input with errors that name the field, renders its own template, shows
a preview in the admin (`preview_value`, `description`) and gives a structured API
representation. Blocks know nothing of stories, consent or site settings: what needs those
(related stories, helplines, whether audio or video may be shown) reaches the templates through
the context that the page hands down.
"""

import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from longread import preload
from longread.absolute import absolute_url
from longread.richtext import rich_text_api

# Rich text in a longread stays simple: structure comes from blocks, not from the editor.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
# Widths of image renditions offered to browsers; a phone takes the smallest that fits.
IMAGE_WIDTHS = (480, 800, 1200, 1600)
IMAGE_FORMATS = ("webp", "jpeg")
# Wider renditions on the pages, for pictures that fill the screen on dense phones: a cover on a
# 375 x 812 phone of density 3 is drawn about 1150 CSS pixels wide, 3450 device pixels. Each is
# made only from an image wider than the width before it, so a smaller image gets no copies of
# itself. A browser downloads the one rendition it picks; a phone of density 2 stops at 2400.
SCREEN_WIDTHS = (2400, 3200)
LANGUAGE_TAG = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})?$")


def screen_specs(image) -> tuple[str, ...]:
    """The rendition specs of SCREEN_WIDTHS that this image is wide enough for."""
    widths, below = [], IMAGE_WIDTHS[-1]
    for width in SCREEN_WIDTHS:
        if image.width <= below:
            break
        widths.append(width)
        below = width
    return tuple(f"format-{fmt}|width-{width}" for fmt in IMAGE_FORMATS for width in widths)


def video_hosts() -> tuple[str, ...]:
    """Hosts external videos may come from; the page's CSP allows frames from these only. The
    setting is the site's (from its VIDEO_HOSTS variable, where the default hosts are written)."""
    return tuple(settings.LONGREAD_VIDEO_HOSTS)


def allowed_video_url(url: str) -> bool:
    """An external video may come only over HTTPS from one of the allowed hosts."""
    parts = urlsplit(url or "")
    return parts.scheme == "https" and parts.hostname in video_hosts()


def field_error(name: str, message) -> StructBlockValidationError:
    return StructBlockValidationError(block_errors={name: ErrorList([ValidationError(message)])})


def image_api(image, alt_text: str = "", decorative: bool = False, request=None) -> dict | None:
    """An image as a partner front end needs it: renditions only, never the original file,
    at absolute URLs (`longread.absolute`)."""
    if image is None:
        return None
    # The same spec strings as the pages' <picture> (longread/includes/picture.html), so that
    # pages and the API share one set of renditions per image.
    renditions = image.get_renditions(
        *[f"format-{fmt}|width-{width}" for width in IMAGE_WIDTHS for fmt in IMAGE_FORMATS]
    )
    return {
        "id": image.pk,
        # A photo goes with a testimony only while its teller allows photos; an illustration
        # shows no one (longread.models.LongreadImage.kind).
        "kind": image.kind,
        "width": image.width,
        "height": image.height,
        "alt": reader_alt(alt_text, decorative),
        "decorative": decorative,
        "renditions": [
            {
                "url": absolute_url(r.url, request),
                "width": r.width,
                "height": r.height,
                "format": spec.split("|")[0].removeprefix("format-"),
            }
            for spec, r in renditions.items()
        ],
    }


def request_of(context) -> object | None:
    """The request an API answer is built for (the serializer's context), if any."""
    return (context or {}).get("request")


def library_image():
    """An image from the library for admin previews of blocks that show images (or None)."""
    from wagtail.images import get_image_model

    return get_image_model().objects.order_by("pk").first()


class LibraryPreviewMixin:
    """Admin previews of blocks that need an image, audio or document from the library: the
    preview value is built when the preview is shown, from what the library holds then."""

    def preview_value_from_library(self) -> dict:
        raise NotImplementedError

    def get_preview_value(self):
        value = self.preview_value_from_library()
        return self.to_python(value) if value else self.get_default()


def needs_alt_text(image, alt_text, decorative) -> bool:
    """The rule of every picture (blocks, and a story's hero image): one that is not decorative
    needs alternative text."""
    return bool(image) and not alt_text and not decorative


def reader_alt(alt_text, decorative) -> str:
    """The alternative text readers get, on the page (`longread/includes/picture.html`, through
    the `reader_alt` filter of `longread_images`) and in the API (`image_api`): none for a
    decorative picture."""
    return "" if decorative else (alt_text or "")


class AccessibleImageBlock(blocks.StructBlock):
    """A picture with what readers who cannot see it are told: an image, its alternative text,
    and whether it is decorative (then it has none). Every block that shows a picture extends it
    (figure, backdrop, scrolly step, gallery image). The three children come first, under the
    names pages store; a block that calls its picture otherwise redeclares `image` with its own
    label, which keeps its place. Its templates hand `alt` and `decorative` to
    `longread/includes/picture.html`; its API representation is `api_image()`."""

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        max_length=250,
        required=False,
        label=_("Alternative text"),
        help_text=_("What the image shows, for people who cannot see it."),
    )
    decorative = blocks.BooleanBlock(
        required=False, label=_("Decorative"), help_text=_("Adds nothing to the text; no alt text.")
    )

    def clean(self, value):
        value = super().clean(value)
        if needs_alt_text(value.get("image"), value.get("alt_text"), value.get("decorative")):
            raise field_error("alt_text", _("Give alternative text, or mark the image decorative."))
        return value

    @staticmethod
    def api_image(value, context=None) -> dict | None:
        """The picture of a value of this block (or of a subclass) as the API shows it."""
        return image_api(
            value["image"], value["alt_text"], value["decorative"], request_of(context)
        )


class ChapterBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    anchor = blocks.CharBlock(
        max_length=60,
        required=False,
        label=_("Anchor"),
        help_text=_("Stable name for links to this chapter; made from the heading when empty."),
    )

    class Meta:
        icon = "title"
        label = _("Chapter")
        template = "longread/blocks/chapter.html"
        description = _("Starts a chapter; chapters build the table of contents.")
        preview_value = {"heading": "Hoofdstuk één", "anchor": "hoofdstuk-een"}

    def clean(self, value):
        value = super().clean(value)
        anchor = slugify(value.get("anchor") or value.get("heading", ""))
        if not anchor:
            raise field_error("anchor", _("Give an anchor made of letters or digits."))
        value["anchor"] = anchor
        return value

    def get_api_representation(self, value, context=None):
        return {"heading": value["heading"], "anchor": value["anchor"] or slugify(value["heading"])}


class LongreadRichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "longread/blocks/text.html"
        description = _("Paragraphs of running text.")
        preview_value = "<p>Een alinea lopende tekst, zoals die in een verhaal staat.</p>"

    def get_api_representation(self, value, context=None):
        # Links resolved to absolute URLs, as HTML and as a structure (longread.richtext).
        return rich_text_api(value.source, request_of(context))


class TestimonyQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    pseudonym = blocks.CharBlock(max_length=60, required=False, label=_("Pseudonym"))
    role = blocks.CharBlock(max_length=80, required=False, label=_("Role"))
    lang = blocks.CharBlock(
        max_length=10,
        required=False,
        label=_("Language of the quote"),
        help_text=_("Only when the quote is in another language than the page, e.g. 'nl'."),
    )

    class Meta:
        icon = "openquote"
        label = _("Testimony quote")
        template = "longread/blocks/testimony_quote.html"
        description = _("Words of a teller, with pseudonym and role.")
        preview_value = {"quote": "Ik wil dat mensen het zien.", "pseudonym": "Demo", "role": ""}

    def clean(self, value):
        value = super().clean(value)
        lang = (value.get("lang") or "").strip().lower()
        if lang and not LANGUAGE_TAG.match(lang):
            raise field_error("lang", _("Use a language code such as 'nl' or 'en'."))
        value["lang"] = lang
        return value


class PullQuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(max_length=120, required=False, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        label = _("Pull quote")
        template = "longread/blocks/pull_quote.html"
        description = _("A sentence from the text, set large, with who said it.")
        preview_value = {"quote": "Niemand kan dit alleen.", "attribution": "Zorgcoördinator"}


class FigureBlock(LibraryPreviewMixin, AccessibleImageBlock):
    caption = blocks.CharBlock(max_length=300, required=False, label=_("Caption"))
    credit = blocks.CharBlock(max_length=120, required=False, label=_("Credit"))
    width = blocks.ChoiceBlock(
        choices=[("inline", _("Inline")), ("wide", _("Wide")), ("full", _("Full bleed"))],
        default="inline",
        label=_("Width"),
    )

    class Meta:
        icon = "image"
        label = _("Figure")
        template = "longread/blocks/figure.html"
        description = _("An image with caption and credit, inline, wide or full bleed.")

    def preview_value_from_library(self):
        image = library_image()
        return image and {"image": image.pk, "alt_text": image.title, "caption": "Bijschrift"}

    def get_api_representation(self, value, context=None):
        return {
            "image": self.api_image(value, context),
            "caption": value["caption"],
            "credit": value["credit"],
            "width": value["width"],
        }


class BackdropBlock(LibraryPreviewMixin, AccessibleImageBlock):
    """Text cards that scroll over a sticky image. A dark scrim behind the cards keeps white text
    at a contrast of at least 5.7:1 whatever the image: the brightest pixel, white, is darkened
    to rgb(102, 102, 102) by the 60% black scrim."""

    image = ImageChooserBlock(label=_("Background image"))
    cards = blocks.ListBlock(
        blocks.RichTextBlock(features=["bold", "italic", "link"], label=_("Card")),
        min_num=1,
        label=_("Text cards"),
    )
    transition = blocks.ChoiceBlock(
        choices=[
            ("scroll", _("Scroll in: the picture arrives with the section, then stays")),
            ("fade", _("Fade: the picture fades in over the page")),
            ("reveal", _("Reveal: the section uncovers a picture that stands still")),
        ],
        default="scroll",
        required=False,
        label=_("Transition"),
    )

    class Meta:
        icon = "image"
        label = _("Backdrop")
        template = "longread/blocks/backdrop.html"
        description = _("Text cards scrolling over a large image.")

    def preview_value_from_library(self):
        image = library_image()
        return image and {
            "image": image.pk,
            "decorative": True,
            "cards": ["<p>Tekst die over het beeld schuift.</p>"],
        }

    def get_api_representation(self, value, context=None):
        return {
            "image": self.api_image(value, context),
            "cards": [rich_text_api(card.source, request_of(context)) for card in value["cards"]],
            "transition": value.get("transition") or "scroll",
        }


class StepBlock(AccessibleImageBlock):
    image = ImageChooserBlock(label=_("Figure for this step"))
    text = blocks.RichTextBlock(features=["bold", "italic", "link"], label=_("Text"))

    class Meta:
        icon = "list-ol"
        label = _("Step")


class ScrollyStepsBlock(LibraryPreviewMixin, blocks.StructBlock):
    """A sticky figure that changes as text steps scroll by. Every step carries its own figure,
    so without JavaScript the block reads as figure and paragraph pairs, in order."""

    heading = blocks.CharBlock(max_length=120, required=False, label=_("Heading"))
    steps = blocks.ListBlock(StepBlock(), min_num=2, label=_("Steps"))

    class Meta:
        icon = "list-ol"
        label = _("Scrolly steps")
        template = "longread/blocks/scrolly_steps.html"
        description = _("A figure that changes step by step while the reader scrolls.")

    def preview_value_from_library(self):
        image = library_image()
        step = {"image": image and image.pk, "decorative": True}
        return image and {
            "steps": [
                {**step, "text": "<p>Eerste stap.</p>"},
                {**step, "text": "<p>Tweede stap.</p>"},
            ]
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # Steps without any picture (images deleted from the library, or photos the teller's
        # consent keeps from readers) read as plain text.
        from longread.models import shown_to_readers

        allowed = (parent_context or {}).get("media_allowed")
        context["has_images"] = any(
            shown_to_readers(step.get("image"), allowed) for step in value["steps"]
        )
        return context

    def get_api_representation(self, value, context=None):
        return {
            "heading": value["heading"],
            "steps": [
                {
                    "image": AccessibleImageBlock.api_image(step, context),
                    "text": rich_text_api(step["text"].source, request_of(context)),
                }
                for step in value["steps"]
            ],
        }


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(
        max_length=30, label=_("Figure"), help_text=_("As readers read it, e.g. '5.000–7.500'.")
    )
    count_to = blocks.IntegerBlock(
        required=False,
        min_value=0,
        label=_("Count up to"),
        help_text=_("Optional: a number to count up to when the reader allows motion."),
    )
    label = blocks.CharBlock(max_length=160, label=_("What it counts"))
    source = blocks.CharBlock(max_length=200, required=False, label=_("Source"))


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, required=False, label=_("Heading"))
    figures = blocks.ListBlock(KeyFigureBlock(), min_num=1, max_num=6, label=_("Figures"))

    class Meta:
        icon = "table"
        label = _("Key figures")
        template = "longread/blocks/key_figures.html"
        description = _("A few numbers that matter, set large.")
        preview_value = {
            "heading": "",
            "figures": [
                {
                    "figure": "5.000–7.500",
                    "count_to": None,
                    "label": "slachtoffers per jaar",
                    "source": "",
                }
            ],
        }


class TimelineEventBlock(blocks.StructBlock):
    when = blocks.CharBlock(max_length=60, label=_("When"), help_text=_("e.g. 'March 2021'"))
    title = blocks.CharBlock(max_length=160, label=_("Title"))
    text = blocks.TextBlock(required=False, label=_("Text"))


class TimelineBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, required=False, label=_("Heading"))
    events = blocks.ListBlock(TimelineEventBlock(), min_num=1, label=_("Events"))

    class Meta:
        icon = "date"
        label = _("Timeline")
        template = "longread/blocks/timeline.html"
        description = _("Events in order of time.")
        preview_value = {
            "heading": "",
            "events": [{"when": "2014", "title": "Start", "text": ""}],
        }


class AudioBlock(LibraryPreviewMixin, blocks.StructBlock):
    media = SnippetChooserBlock("longread.MediaFile", label=_("Audio file"))
    title = blocks.CharBlock(max_length=160, label=_("Title"))
    transcript = blocks.RichTextBlock(
        features=["bold", "italic"],
        label=_("Transcript"),
        help_text=_("Required: everything that is said, for readers who cannot listen."),
    )

    class Meta:
        icon = "media"
        label = _("Audio")
        template = "longread/blocks/audio.html"
        description = _("Self-hosted audio with a transcript; it never plays by itself.")

    def preview_value_from_library(self):
        from longread.mediafiles import MediaFile

        audio = MediaFile.objects.filter(kind=MediaFile.AUDIO).first()
        return audio and {
            "media": audio.pk,
            "title": audio.title,
            "transcript": "<p>Wat er gezegd wordt.</p>",
        }

    def clean(self, value):
        value = super().clean(value)
        media = value.get("media")
        if media is not None and media.kind != "audio":
            raise field_error("media", _("Choose an audio file, not a video."))
        if not value.get("transcript") or not value["transcript"].source.strip():
            raise field_error("transcript", _("Audio needs a transcript."))
        return value

    def get_api_representation(self, value, context=None):
        media = value["media"]
        return {
            "title": value["title"],
            "url": absolute_url(media.file.url, request_of(context)) if media else None,
            "mime_type": media.mime_type if media else None,
            "transcript": rich_text_api(value["transcript"].source, request_of(context)),
        }


class VideoBlock(LibraryPreviewMixin, blocks.StructBlock):
    """Self-hosted video with captions, or an external video behind click-to-load: no request
    goes to the video host before the reader asks for it."""

    media = SnippetChooserBlock("longread.MediaFile", required=False, label=_("Video file"))
    external_url = blocks.URLBlock(
        required=False,
        label=_("External video URL"),
        help_text=_(
            "Embed URL from an allowed host, e.g. https://www.youtube-nocookie.com/embed/…"
        ),
    )
    title = blocks.CharBlock(max_length=160, label=_("Title"))
    poster = ImageChooserBlock(required=False, label=_("Poster image"))
    privacy_note = blocks.CharBlock(
        max_length=300,
        required=False,
        label=_("Privacy note"),
        help_text=_("Shown before loading an external video. A standard note is used if empty."),
    )
    transcript = blocks.RichTextBlock(features=["bold", "italic"], required=False)

    class Meta:
        icon = "media"
        label = _("Video")
        template = "longread/blocks/video.html"
        description = _("Self-hosted video with captions, or an external video loaded on click.")

    def preview_value_from_library(self):
        return {
            "external_url": f"https://{video_hosts()[0]}/embed/preview",
            "title": "Video",
        }

    def clean(self, value):
        value = super().clean(value)
        media, url = value.get("media"), value.get("external_url")
        if bool(media) == bool(url):
            raise field_error("media", _("Choose a video file or give an external URL (one)."))
        if media is not None:
            if media.kind != "video":
                raise field_error("media", _("Choose a video file, not audio."))
            if not media.captions:
                raise field_error("media", _("This video has no captions; add a WebVTT file."))
        if url and not allowed_video_url(url):
            raise field_error(
                "external_url",
                _("Videos may come only from: %(hosts)s.") % {"hosts": ", ".join(video_hosts())},
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        # Checked again here: a URL can reach the page without the form (a translator's override
        # in wagtail-localize, an import), and the reader's browser frames what this gives.
        context["embed_url"] = self.embed_url(value)
        # Named on the play button: the reader knows which site the click reaches.
        context["embed_host"] = urlsplit(context["embed_url"]).hostname or ""
        return context

    @staticmethod
    def embed_url(value) -> str:
        url = value.get("external_url") or ""
        return url if allowed_video_url(url) else ""

    def get_api_representation(self, value, context=None):
        media = value["media"]
        return {
            "title": value["title"],
            "url": absolute_url(media.file.url, request_of(context)) if media else None,
            "captions_url": (
                absolute_url(media.captions.url, request_of(context))
                if media and media.captions
                else None
            ),
            "external_url": self.embed_url(value) or None,
            "poster": image_api(value["poster"], "", True, request_of(context)),
            "transcript": rich_text_api(
                value["transcript"].source if value["transcript"] else "", request_of(context)
            ),
        }


class GalleryImageBlock(AccessibleImageBlock):
    caption = blocks.CharBlock(max_length=300, required=False, label=_("Caption"))


class GalleryBlock(LibraryPreviewMixin, blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, required=False, label=_("Heading"))
    images = blocks.ListBlock(GalleryImageBlock(), min_num=2, label=_("Images"))

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "longread/blocks/gallery.html"
        description = _("Images side by side; the reader scrolls them, nothing moves by itself.")

    def preview_value_from_library(self):
        image = library_image()
        item = {"image": image and image.pk, "alt_text": image and image.title}
        return image and {"images": [item, item]}

    def get_api_representation(self, value, context=None):
        return {
            "heading": value["heading"],
            "images": [
                {
                    "image": AccessibleImageBlock.api_image(item, context),
                    "caption": item["caption"],
                }
                for item in value["images"]
            ],
        }


class ImageComparisonBlock(LibraryPreviewMixin, blocks.StructBlock):
    before = ImageChooserBlock(label=_("Before"))
    before_alt = blocks.CharBlock(max_length=250, label=_("Alternative text, before"))
    before_label = blocks.CharBlock(max_length=60, label=_("Label, before"))
    after = ImageChooserBlock(label=_("After"))
    after_alt = blocks.CharBlock(max_length=250, label=_("Alternative text, after"))
    after_label = blocks.CharBlock(max_length=60, label=_("Label, after"))
    caption = blocks.CharBlock(max_length=300, required=False, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image comparison")
        template = "longread/blocks/image_comparison.html"
        description = _("Two images compared with a slider; without JavaScript, one after another.")

    def preview_value_from_library(self):
        image = library_image()
        return image and {
            "before": image.pk,
            "before_alt": image.title,
            "before_label": "Toen",
            "after": image.pk,
            "after_alt": image.title,
            "after_label": "Nu",
        }

    def get_api_representation(self, value, context=None):
        return {
            "before": image_api(value["before"], value["before_alt"], request=request_of(context)),
            "before_label": value["before_label"],
            "after": image_api(value["after"], value["after_alt"], request=request_of(context)),
            "after_label": value["after_label"],
            "caption": value["caption"],
        }


class HelpBoxBlock(blocks.StructBlock):
    """Where to get help. The helpline itself comes from the language's settings (context)."""

    heading = blocks.CharBlock(max_length=120, required=False, label=_("Heading"))
    text = blocks.RichTextBlock(features=["bold", "link"], required=False, label=_("Extra text"))

    class Meta:
        icon = "help"
        label = _("Help box")
        template = "longread/blocks/help_box.html"
        description = _("Where readers can get help, with the helpline of their language.")
        preview_value = {"heading": "Hulp nodig?", "text": ""}

    def get_api_representation(self, value, context=None):
        text = value["text"]
        return {
            "heading": value["heading"],
            "text": rich_text_api(text.source if text else "", request_of(context)),
        }


class RelatedStoriesBlock(blocks.StructBlock):
    """Shows the related stories the page hands down; which may be shown is decided there."""

    heading = blocks.CharBlock(max_length=120, required=False, label=_("Heading"))

    class Meta:
        icon = "list-ul"
        label = _("Related stories")
        template = "longread/blocks/related_stories.html"
        description = _("The page's related stories, where their tellers' consent allows.")
        preview_value = {"heading": "Meer verhalen"}


class DocumentBlock(LibraryPreviewMixin, blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document (PDF)"))
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    description = blocks.TextBlock(required=False, label=_("Description"))
    language = blocks.CharBlock(
        max_length=10, required=False, label=_("Language of the document"), help_text="e.g. en"
    )

    class Meta:
        icon = "doc-full"
        label = _("Document download")
        template = "longread/blocks/document.html"
        description = _("A document to download, with its language and size.")

    def preview_value_from_library(self):
        from wagtail.documents import get_document_model

        document = get_document_model().objects.order_by("pk").first()
        return document and {"document": document.pk, "title": document.title}

    def get_api_representation(self, value, context=None):
        document = value["document"]
        return {
            "title": value["title"],
            "description": value["description"],
            "language": value["language"],
            "url": absolute_url(document.url, request_of(context)) if document else None,
            "file_size": document.get_file_size() if document else None,
        }


class LongreadBody(blocks.StreamBlock):
    chapter = ChapterBlock()
    text = LongreadRichTextBlock()
    testimony_quote = TestimonyQuoteBlock()
    pull_quote = PullQuoteBlock()
    figure = FigureBlock()
    backdrop = BackdropBlock()
    scrolly_steps = ScrollyStepsBlock()
    key_figures = KeyFiguresBlock()
    timeline = TimelineBlock()
    audio = AudioBlock()
    video = VideoBlock()
    gallery = GalleryBlock()
    image_comparison = ImageComparisonBlock()
    help_box = HelpBoxBlock()
    related_stories = RelatedStoriesBlock()
    document = DocumentBlock()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        preload.install(self)

    def to_python(self, value):
        # A stored body converts all at once, one query per kind of chosen object. A value that
        # is already a StreamValue (perhaps changed in memory) is kept as it is.
        converted = super().to_python(value)
        if converted is value or not converted.is_lazy or converted.raw_text is not None:
            return converted
        return preload.PreloadingStreamValue(self, converted._raw_data, is_lazy=True)


def chapters(body) -> list[dict]:
    """The table of contents of a body: heading and anchor of every chapter, in order. Read from
    the stored body, so that asking converts no other block (a kept body is never converted:
    longread.fragments)."""
    block = body.stream_block.child_blocks["chapter"]
    found = []
    for raw in body.raw_data:
        if raw.get("type") == "chapter":
            value = block.to_python(raw.get("value") or {})
            found.append({"heading": value["heading"], "anchor": value["anchor"]})
    return found


# Blocks that a page shows once: a second help box or list of related stories repeats the first.
ONCE_PER_PAGE = ("help_box", "related_stories")
# Blocks that show a quotation: one the page already shows above the body (a story's cover shows
# the teller's quote) is not shown a second time a few screens further. Its words are never
# changed; the block is left out whole.
QUOTE_BLOCKS = ("testimony_quote", "pull_quote")


def same_quotation(one: str, other: str) -> bool:
    """The same words, whatever the spacing, case, quotation marks or closing punctuation."""

    def words(text):
        return " ".join(str(text or "").split()).strip(" \"'‘’“”„«»‹›.!?…").casefold()

    return bool(words(one)) and words(one) == words(other)


def placed_once(body, shown_quote: str = "") -> list:
    """The body's blocks in order, without repeats of the blocks a page shows only once, and
    without a quote block that repeats `shown_quote`, the quotation shown above the body."""
    seen = set()
    kept = []
    for child in body:
        if child.block_type in ONCE_PER_PAGE:
            if child.block_type in seen:
                continue
            seen.add(child.block_type)
        if (
            shown_quote
            and child.block_type in QUOTE_BLOCKS
            and same_quotation(child.value.get("quote"), shown_quote)
        ):
            continue
        kept.append(child)
    return kept


def places(body, block_type: str) -> bool:
    """Whether the body itself places a block of this type (the page then does not)."""
    return body is not None and any(raw.get("type") == block_type for raw in body.raw_data)
