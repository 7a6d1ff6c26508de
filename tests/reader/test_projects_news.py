"""Projects, news, organisations: facts in both languages, feeds, filters, validation."""

import datetime
from decimal import Decimal

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from wagtail.models import Locale

from stories.models import (
    NewsIndexPage,
    NewsPage,
    Organisation,
    OrganisationDirectoryPage,
    ProjectIndexPage,
    ProjectPage,
)
from tests.helpers import FIRST_PSEUDONYM, SECOND_PSEUDONYM, form_data, make_user

pytestmark = pytest.mark.django_db


def project(acronym, language):
    return ProjectPage.objects.get(acronym=acronym, locale__language_code=language)


def text_of(client, url):
    return BeautifulSoup(client.get(url).content.decode(), "html.parser").get_text(" ")


def test_ravot_eur_budget_and_dates_read_as_each_language_writes_them(client):
    dutch = text_of(client, project("RAVOT-EUR", "nl").url)
    english = text_of(client, project("RAVOT-EUR", "en").url)
    assert "€ 346.069" in dutch and "€ 311.462" in dutch
    assert "€346,069" in english and "€311,462" in english
    assert "1 februari 2014" in dutch and "31 januari 2016" in dutch
    assert "1 February 2014" in english and "31 January 2016" in english
    assert "HOME/2012/ISEC/AG/4000004405" in english


def test_a_period_is_shown_only_as_far_as_it_is_known(client):
    assert "Period" not in text_of(client, project("REST", "en").url)  # no dates in the facts
    ravot = text_of(client, project("RAVOT-EUR", "en").url)
    assert "Period 1 February 2014 – 31 January 2016" in " ".join(ravot.split())


def test_rest_facts_partners_deliverables_and_recommendations(client):
    html = text_of(client, project("REST", "en").url)
    for partner in (
        "Comité Contre l'Esclavage Moderne",
        "Proyecto Esperanza",
        "La Strada Moldova",
        "Astra",
        "CoMensha",
    ):
        assert partner in html
    assert "LEFÖ-IBF" in html
    assert "Guide of Promising Practices" in html
    assert "Dublin transfers" in html and "right to work" in html
    # The webinar is a click-to-load video: no frame and no request before a click.
    soup = BeautifulSoup(client.get(project("REST", "en").url).content.decode(), "html.parser")
    assert soup.select_one("[data-embed-src]") and not soup.find("iframe")


def test_a_project_page_shows_the_stories_linked_to_it_while_readers_may_see_them(client):
    from stories.consent.takedown import withdraw
    from stories.models import ConsentWithdrawal, TestimonyPage

    source = TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="nl")
    source.related_projects.set([project("REST", "nl")])  # chosen once, on the source
    source.save_revision().publish()
    for language, title in (("nl", "Mijn vertrouwen terug"), ("en", "Getting my trust back")):
        soup = BeautifulSoup(client.get(project("REST", language).url).content, "html.parser")
        cards = soup.select_one("[aria-labelledby=project-stories-heading]")
        assert cards is not None, language
        assert [a.get_text(strip=True) for a in cards.select("h3 a")] == [title]
    assert "Verhalen uit dit project" in text_of(client, project("REST", "nl").url)
    withdraw(source.consent, "test", part=ConsentWithdrawal.EVERYTHING)
    html = client.get(project("REST", "en").url).content.decode()
    assert "project-stories-heading" not in html and "Getting my trust back" not in html


def test_project_index_filters_by_status_country_and_programme(client):
    index = ProjectIndexPage.objects.get(locale__language_code="en")
    all_text = text_of(client, index.url)
    assert "RAVOT-EUR" in all_text and "COMPASS" in all_text
    belgium = text_of(client, f"{index.url}?country=BE")
    assert "RAVOT-EUR" in belgium and "COMPASS" not in belgium
    ongoing = text_of(client, f"{index.url}?status=ongoing")
    assert "COMPASS" in ongoing and "RAVOT-EUR" not in ongoing
    amif = text_of(client, f"{index.url}?programme=EU+AMIF")
    assert "SAFE!" in amif and "REST" not in amif.replace("REST:", "").split("Filter")[-1]


def test_news_index_filters_by_project(client):
    index = NewsIndexPage.objects.get(locale__language_code="en")
    rest = project("REST", "en")
    filtered = text_of(client, f"{index.url}?project={rest.pk}")
    assert "REST final report presented" in filtered and "COMPASS launched" not in filtered


def test_news_index_paginates_and_keeps_the_filter(client):
    index = NewsIndexPage.objects.get(locale__language_code="en")
    for number in range(NewsIndexPage.per_page):
        index.add_child(
            instance=NewsPage(
                title=f"Extra item {number}", slug=f"extra-{number}", date="2022-01-01"
            )
        )
    first = BeautifulSoup(client.get(index.url).content.decode(), "html.parser")
    assert len(first.select(".lr-list li")) == NewsIndexPage.per_page
    next_link = first.select_one('a[rel="next"]')
    assert next_link and "page=2" in next_link["href"]
    second = text_of(client, index.url + next_link["href"])
    assert "Extra item" in second or "REST final report presented" in second
    # Past the end: the last page; no page number: the first (stories.models.listing).
    last = client.get(f"{index.url}?page=999&project=")
    assert last.status_code == 302 and last["Location"] == f"{index.url}?page=2&project="
    assert client.get(f"{index.url}?page=abc")["Location"] == index.url


def test_story_index_filters_by_kind_and_theme(client):
    from stories.models import StoryIndexPage

    index = StoryIndexPage.objects.get(locale__language_code="en")
    professionals = text_of(client, f"{index.url}?kind=professional")
    assert (
        "Mark [demo]" in professionals and FIRST_PSEUDONYM not in professionals.split("Filter")[-1]
    )
    labour = text_of(client, f"{index.url}?theme=labour")
    assert SECOND_PSEUDONYM in labour and FIRST_PSEUDONYM not in labour.split("Filter")[-1]


def test_story_index_shows_each_story_as_a_card_with_picture_title_and_reading_time(client):
    from stories.models import StoryIndexPage, TestimonyPage

    index = StoryIndexPage.objects.get(locale__language_code="en")
    soup = BeautifulSoup(client.get(index.url).content.decode(), "html.parser")
    cards = soup.select(".lr-card")
    stories = TestimonyPage.objects.live().child_of(index)
    assert len(cards) == stories.count() >= 4
    for story in stories:
        card = next(card for card in cards if card.a["href"] == story.url)
        assert card.select_one(".lr-card__title").get_text(strip=True) == story.title
        assert story.pseudonym in card.select_one(".lr-card__who").get_text()
        assert card.select_one(".lr-card__meta").get_text(strip=True).endswith("minute read")
        # The demo's heroes are illustrations: every card shows its picture.
        assert card.select_one("img[src]"), story.title


@pytest.mark.parametrize("language", ["nl", "en"])
def test_feeds_are_valid_rss_and_atom_per_language(client, language):
    index = NewsIndexPage.objects.get(locale__language_code=language)
    urls = index.feed_urls()
    rss = feedparser.parse(client.get(urls["rss"]).content)
    atom = feedparser.parse(client.get(urls["atom"]).content)
    assert not rss.bozo and not atom.bozo, (rss.get("bozo_exception"), atom.get("bozo_exception"))
    assert rss.version == "rss20" and atom.version == "atom10"
    assert rss.feed.language == language
    titles = {entry.title for entry in rss.entries}
    expected = (
        "REST final report presented" if language == "en" else "Eindrapport REST gepresenteerd"
    )
    assert expected in titles
    assert {entry.title for entry in atom.entries} == titles
    for entry in rss.entries:
        assert entry.link.startswith(f"http://testserver/{language}/")


def test_organisation_directory_filters_by_country_and_kind(client):
    soup = BeautifulSoup(
        client.get("/en/organisations/?country=NL&kind=return").content.decode(), "html.parser"
    )
    listed = soup.select_one(".lr-organisations").get_text(" ")
    # The service that carries out departure is not listed as a helper with return.
    assert "IOM Nederland" in listed and "Dienst Terugkeer en Vertrek" not in listed
    assert "Payoke vzw" not in listed and "CoMensha" not in listed


def test_return_page_lists_organisations_from_the_directory(client):
    html = text_of(client, "/en/returning-home/")
    assert "Safe Future" in html
    assert "IOM Nederland" in html and "La Strada Moldova" in html


def test_every_partner_organisation_exists_in_both_languages():
    for language in ("nl", "en"):
        names = set(
            Organisation.objects.filter(locale__language_code=language).values_list(
                "name", flat=True
            )
        )
        assert {"LEFÖ-IBF", "HVO-Querido", "Payoke vzw", "FairWork", "VNG"} <= names


def test_end_before_start_and_eu_over_total_are_refused_naming_the_field():
    page = project("RAVOT-EUR", "nl")
    page.end_date = datetime.date(2010, 1, 1)
    page.eu_contribution = Decimal("999999")
    with pytest.raises(ValidationError) as caught:
        page.clean()
    assert set(caught.value.message_dict) == {"end_date", "eu_contribution"}


def test_invalid_country_code_is_refused():
    organisation = Organisation(name="X", country="XX", locale=Locale.get_default())
    with pytest.raises(ValidationError) as caught:
        organisation.full_clean()
    assert "country" in caught.value.message_dict


def test_a_partner_listed_twice_is_an_admin_error_on_that_field(client):
    client.force_login(make_user("boss", superuser=True))
    page = project("RAVOT-EUR", "nl")
    url = f"/admin/pages/{page.pk}/edit/"
    data = form_data(client.get(url).content.decode())
    data.setdefault("body-count", ["0"])
    first = data["partners-0-organisation"][0]
    data["partners-1-organisation"] = [first]
    data["action-publish"] = ["action-publish"]
    response = client.post(url, data)
    assert response.status_code == 200
    assert "is listed twice as a partner" in response.content.decode()


def test_a_preview_of_a_news_item_names_its_related_projects(client):
    """A preview holds the related projects in memory (the editor's form, or a translation's
    draft); the item's related projects show in its language as on the live page."""
    from wagtail_localize.models import Translation

    from stories.models import NewsPage

    client.force_login(make_user("baas", superuser=True))
    english = NewsPage.objects.filter(locale__language_code="en", related_projects__isnull=False)
    item = english.first()
    assert item is not None
    translation = Translation.objects.get(
        source__object_id=item.translation_key, target_locale=item.locale
    )
    response = client.get(f"/admin/localize/translate/{translation.pk}/preview/")
    assert response.status_code == 200
    linked = item.related_projects.first()
    english_project = ProjectPage.objects.get(
        translation_key=linked.translation_key, locale=item.locale
    )
    assert english_project.title in response.content.decode()

    dutch = item.get_translation(Locale.objects.get(language_code="nl"))
    data = form_data(client.get(f"/admin/pages/{dutch.pk}/edit/").content.decode())
    data["body-count"] = ["0"]  # the body's blocks are drawn by the editor's scripts
    response = client.post(f"/admin/pages/{dutch.pk}/edit/preview/", data)
    assert response.json().get("is_valid"), response.content
    response = client.get(f"/admin/pages/{dutch.pk}/edit/preview/")
    assert response.status_code == 200


def test_the_editor_offers_related_projects_in_the_pages_own_language(client):
    """Related projects are chosen once, on the Dutch page: its editor lists the Dutch
    projects, not each language's copy of them."""
    from stories.models import NewsPage, TestimonyPage

    client.force_login(make_user("baas", superuser=True))
    dutch_news = NewsPage.objects.filter(locale__language_code="nl").first()
    dutch_story = TestimonyPage.objects.get(pseudonym=FIRST_PSEUDONYM, locale__language_code="nl")
    for page in (dutch_news, dutch_story):
        soup = BeautifulSoup(client.get(f"/admin/pages/{page.pk}/edit/").content, "html.parser")
        offered = {
            int(choice["value"])
            for choice in soup.select(
                "select[name=related_projects] option, input[name=related_projects]"
            )
            if choice.get("value")
        }
        assert offered, page
        languages = set(
            ProjectPage.objects.filter(pk__in=offered).values_list(
                "locale__language_code", flat=True
            )
        )
        assert languages == {"nl"}, (page, languages)


@pytest.mark.parametrize(
    "language, said, survivor",
    [
        ("en", "Results: ", "Survivor"),
        ("nl", "Resultaten: ", "Overlevende"),
        ("ar", "النتائج: ", None),
    ],
)
def test_a_filtered_listing_says_how_many_it_found_and_what_was_chosen(
    client, language, said, survivor
):
    from stories.models import StoryIndexPage

    rest = project("REST", language)
    listings = [
        (StoryIndexPage, "kind=survivor", ".lr-cards > ul > li", survivor),
        (ProjectIndexPage, "status=ongoing", ".lr-list > li", None),
        (NewsIndexPage, f"project={rest.pk}", ".lr-list > li", rest.acronym),
        (OrganisationDirectoryPage, "country=NL&kind=return", ".lr-organisations > li", None),
    ]
    for model, query, item, chosen in listings:
        index = model.objects.get(locale__language_code=language)
        whole = BeautifulSoup(client.get(index.url).content.decode(), "html.parser")
        assert whole.select_one(".lr-filters__count") is None  # nothing filtered: no count
        found = BeautifulSoup(client.get(f"{index.url}?{query}").content.decode(), "html.parser")
        shown = len(found.select(item))
        count = found.select_one(".lr-filters__count")
        text = count.get_text(" ", strip=True)
        assert text.startswith(f"{said}{shown}"), (model, text)
        assert chosen is None or f"· {chosen}" in text, (model, text)
        # The way back to everything, whatever was found.
        assert count.select_one("a")["href"] == index.url
        assert count.find_previous("form") is not None
