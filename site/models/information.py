"""General information pages, such as 'About us', 'Return home' or the privacy statement."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from longread.blocks import LongreadBody, chapters
from stories.api_fields import BodyField, ListedOrganisationsField
from stories.models import HelpKind, LongreadPage, organisations_in


class InformationPage(LongreadPage):
    """A general information page, such as 'About us', 'Return home' or the privacy statement."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(LongreadBody(), blank=True, verbose_name=_("body"))
    organisations_kind = models.CharField(
        _("list organisations offering"),
        max_length=20,
        choices=HelpKind.choices,
        blank=True,
        help_text=_("Lists organisations from the directory that offer this kind of help."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("organisations_kind"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]
    api_fields = LongreadPage.api_fields + [
        APIField("intro"),
        APIField("body", serializer=BodyField()),
        APIField("organisations", serializer=ListedOrganisationsField()),
    ]

    class Meta:
        verbose_name = _("information page")

    def table_of_contents(self):
        return chapters(self.body)

    def organisations(self):
        if not self.organisations_kind:
            return []
        return organisations_in(self.locale, kind=self.organisations_kind)
