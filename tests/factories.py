"""Factories for every page type, the consent record, organisations, images and the main
longread blocks (wagtail-factories, on factory_boy).

New tests build the pages they need here instead of changing the demo stories: the demo prose
stays the subject of the demo tests only. docs/testing.md shows how to use them.

A page factory needs a parent: `TestimonyPageFactory(parent=story_index("en"))`. The page takes
its parent's language. Pages are created live, as if published; what the publish gate refuses is
tested through `publish()` (tests/consent/test_consent_publishing.py), not here. A body is written
with wagtail-factories' stream syntax:

    TestimonyPageFactory(
        parent=story_index("nl"),
        body__0__chapter__heading="Eerste hoofdstuk",
        body__1__text=rich_text("<p>Een alinea.</p>"),
        body__2__figure__alt_text="Een zee bij nacht",
    )
"""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory
from wagtail.models import Collection, Locale
from wagtail.rich_text import RichText

from longread import blocks as longread_blocks
from longread.models import LongreadImage
from sitewide.models import HomePage, InformationPage
from stories.models import (
    ConsentRecord,
    NewsIndexPage,
    NewsPage,
    Organisation,
    OrganisationDirectoryPage,
    ProjectIndexPage,
    ProjectPage,
    StoryIndexPage,
    TestimonyPage,
)


def rich_text(html: str) -> RichText:
    return RichText(html)


# --- images ---------------------------------------------------------------------------------


class ImageFactory(wagtail_factories.ImageFactory):
    """A real image file (a small generated picture), stored as every upload is: without
    metadata, under a random name. In the root collection, not a new tree of its own."""

    class Meta:
        model = LongreadImage

    title = factory.Sequence(lambda n: f"Abstract shapes {n}")
    collection = factory.LazyFunction(lambda: Collection.get_first_root_node())
    file = factory.django.ImageField(width=640, height=400, color="teal")


# --- blocks -------------------------------------------------------------------------------------


class ChapterBlockFactory(wagtail_factories.StructBlockFactory):
    class Meta:
        model = longread_blocks.ChapterBlock

    heading = factory.Sequence(lambda n: f"Chapter {n}")
    anchor = ""


class TestimonyQuoteBlockFactory(wagtail_factories.StructBlockFactory):
    class Meta:
        model = longread_blocks.TestimonyQuoteBlock

    quote = "Words the teller chose."
    pseudonym = ""
    role = ""
    lang = ""


class PullQuoteBlockFactory(wagtail_factories.StructBlockFactory):
    class Meta:
        model = longread_blocks.PullQuoteBlock

    quote = "A sentence worth repeating."
    attribution = ""


class ImageChooserBlockFactory(wagtail_factories.ImageChooserBlockFactory):
    image = factory.SubFactory(ImageFactory)


class FigureBlockFactory(wagtail_factories.StructBlockFactory):
    """An image with alt text (or marked decorative), as every picture block needs."""

    class Meta:
        model = longread_blocks.FigureBlock

    image = factory.SubFactory(ImageChooserBlockFactory)
    alt_text = "Abstract shapes in teal"
    decorative = False
    caption = ""
    credit = ""
    width = "inline"


class LongreadBodyFactory(wagtail_factories.StreamBlockFactory):
    """The body of every page type (longread.blocks.LongreadBody), with its main blocks."""

    class Meta:
        model = longread_blocks.LongreadBody

    chapter = factory.SubFactory(ChapterBlockFactory)
    text = factory.LazyFunction(lambda: rich_text("<p>A paragraph of the story.</p>"))
    testimony_quote = factory.SubFactory(TestimonyQuoteBlockFactory)
    pull_quote = factory.SubFactory(PullQuoteBlockFactory)
    figure = factory.SubFactory(FigureBlockFactory)


# --- consent --------------------------------------------------------------------------------


class ConsentRecordFactory(DjangoModelFactory):
    """Consent for the website and the API in every language, given ten days ago.

    `languages=["nl"]` narrows the languages; `allows_api=False` and the like narrow the rest.
    """

    class Meta:
        model = ConsentRecord
        skip_postgeneration_save = True

    pseudonym = factory.Sequence(lambda n: f"TELLER-{n}")
    given_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=10))
    evidence_reference = factory.Sequence(lambda n: f"FACTORY-{n}")
    allows_website = True
    allows_api = True
    allows_photos = True

    @factory.post_generation
    def languages(self, create, codes, **kwargs):
        if not create:
            return
        locales = Locale.objects.all()
        if codes is not None:
            locales = locales.filter(language_code__in=codes)
        self.languages.set(locales)
        self.save()  # what a save does (renewing caches, the API's feed) sees the languages


# --- pages --------------------------------------------------------------------------------------


class LongreadPageFactory(wagtail_factories.PageFactory):
    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")
    live = True


class HomePageFactory(LongreadPageFactory):
    class Meta:
        model = HomePage

    intro = "A home page built for a test."


class InformationPageFactory(LongreadPageFactory):
    class Meta:
        model = InformationPage

    title = factory.Sequence(lambda n: f"Information {n}")
    intro = "An information page built for a test."
    body = wagtail_factories.StreamFieldFactory(LongreadBodyFactory)


class StoryIndexPageFactory(LongreadPageFactory):
    class Meta:
        model = StoryIndexPage

    title = factory.Sequence(lambda n: f"Stories {n}")


class TestimonyPageFactory(LongreadPageFactory):
    """A testimony with a consent record of its own (website and API, every language)."""

    class Meta:
        model = TestimonyPage

    title = factory.Sequence(lambda n: f"Testimony {n}")
    consent = factory.SubFactory(ConsentRecordFactory)
    pseudonym = factory.SelfAttribute("consent.pseudonym")
    quote = "A quotation the teller approved."
    teaser = "A story built for a test."
    body = wagtail_factories.StreamFieldFactory(LongreadBodyFactory)


class NewsIndexPageFactory(LongreadPageFactory):
    class Meta:
        model = NewsIndexPage

    title = factory.Sequence(lambda n: f"News {n}")


class NewsPageFactory(LongreadPageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"News item {n}")
    intro = "A news item built for a test."
    body = wagtail_factories.StreamFieldFactory(LongreadBodyFactory)


class ProjectIndexPageFactory(LongreadPageFactory):
    class Meta:
        model = ProjectIndexPage

    title = factory.Sequence(lambda n: f"Projects {n}")


class ProjectPageFactory(LongreadPageFactory):
    class Meta:
        model = ProjectPage

    title = factory.Sequence(lambda n: f"Project {n}")
    acronym = factory.Sequence(lambda n: f"P{n}")
    full_name = factory.LazyAttribute(lambda page: f"The project {page.acronym}")
    body = wagtail_factories.StreamFieldFactory(LongreadBodyFactory)


class OrganisationDirectoryPageFactory(LongreadPageFactory):
    class Meta:
        model = OrganisationDirectoryPage

    title = factory.Sequence(lambda n: f"Organisations {n}")


class OrganisationFactory(DjangoModelFactory):
    """An organisation in the directory; Dutch unless `locale` says otherwise."""

    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    country = "NL"
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="nl"))


# Every concrete page type, with its factory: tests/project/test_factories.py builds each one.
PAGE_FACTORIES = {
    HomePage: HomePageFactory,
    InformationPage: InformationPageFactory,
    StoryIndexPage: StoryIndexPageFactory,
    TestimonyPage: TestimonyPageFactory,
    NewsIndexPage: NewsIndexPageFactory,
    NewsPage: NewsPageFactory,
    ProjectIndexPage: ProjectIndexPageFactory,
    ProjectPage: ProjectPageFactory,
    OrganisationDirectoryPage: OrganisationDirectoryPageFactory,
}


# --- where to put them ------------------------------------------------------------------------


def home(language: str) -> HomePage:
    """The home page of a language tree of the site (the demo seeds nl and en, and ar)."""
    return HomePage.objects.get(locale__language_code=language)


def story_index(language: str) -> StoryIndexPage:
    return StoryIndexPage.objects.get(locale__language_code=language)
