"""What every time budget of the bench is measured against: a plain Wagtail page as a stock
site has it (bakerydemo's blog post): a title, one image and a rich-text body, served by its own
template with Wagtail's template tags and nothing of the project's reader templates."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.models import Page


class ReferencePage(Page):
    image = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = RichTextField(blank=True)

    content_panels = [*Page.content_panels, FieldPanel("image"), FieldPanel("body")]

    # The one rendition the template asks for (`{% image page.image width-1200 %}`); the bench
    # makes it before any timed request, as it makes the stories' renditions.
    RENDITION = "width-1200"
