"""The block library of the longread body.

Each block validates its input with errors that name the field, renders its own template and
gives a structured API representation. Blocks know nothing of stories or consent: whatever needs
those (related stories, helplines) is handed to the templates through the context.
"""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

# Rich text in a longread stays simple: structure comes from blocks, not from the editor.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


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
        anchor = value.get("anchor") or slugify(value.get("heading", ""))
        if not anchor:
            raise StructBlockValidationError(
                block_errors={"anchor": ErrorList([_("Give an anchor made of letters or digits.")])}
            )
        value["anchor"] = slugify(anchor)
        return value

    def get_api_representation(self, value, context=None):
        return {"heading": value["heading"], "anchor": value["anchor"] or slugify(value["heading"])}


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


class FigureBlock(blocks.StructBlock):
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
        description = _("An image with caption and credit.")

    def clean(self, value):
        value = super().clean(value)
        if not value.get("alt_text") and not value.get("decorative"):
            raise StructBlockValidationError(
                block_errors={
                    "alt_text": ErrorList(
                        [ValidationError(_("Give alternative text, or mark the image decorative."))]
                    )
                }
            )
        return value

    def get_api_representation(self, value, context=None):
        image = value["image"]
        return {
            "image": image.pk if image else None,
            "alt_text": "" if value["decorative"] else value["alt_text"],
            "decorative": value["decorative"],
            "caption": value["caption"],
            "credit": value["credit"],
            "width": value["width"],
        }


class LongreadBody(blocks.StreamBlock):
    chapter = ChapterBlock()
    text = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        label=_("Text"),
        template="longread/blocks/text.html",
        description=_("Paragraphs of running text."),
        preview_value="<p>Een alinea lopende tekst.</p>",
    )
    testimony_quote = TestimonyQuoteBlock()
    figure = FigureBlock()

    class Meta:
        block_counts = {}


def chapters(body) -> list[dict]:
    """The table of contents of a body: heading and anchor of every chapter, in order."""
    return [
        {"heading": child.value["heading"], "anchor": child.value["anchor"]}
        for child in body
        if child.block_type == "chapter"
    ]
