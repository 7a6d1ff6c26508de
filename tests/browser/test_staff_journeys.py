"""Staff journeys through the real Dutch admin in Chromium, as people do them.

The administrator makes the staff accounts (Users, Add user); each person signs in with their
password and an authenticator code computed from the secret the enrolment page shows. Then:

- an editor writes a new Dutch testimony with blocks and a photo uploaded in the editor; the
  consent officer writes the teller's record, links it to the story and records the teller's
  approval; a moderator approves and the story is live, its photo without camera metadata;
- the teller approves a new version on a phone through their link, the consent officer sees it
  on the story and confirms it, a moderator approves and the change goes live;
- a consent officer withdraws a teller's consent (the form names what goes offline first) while
  the story waits for the second approval; the moderator's approval is refused with the reason;
- a translator starts a translation from their dashboard, translates a segment in the editor and
  hands it over with "Ready for review"; the moderator finds it in their queue;
- a translator translates a page with a PO file (downloaded, translated, uploaded) and hands it
  over; a moderator opens it from their queue and publishes it;
- the English translator starts the English translation of a new Dutch page from their
  dashboard, translates it in the editor and hands it over; a moderator publishes it, and readers
  read it in English;
- the officer withdraws one language of a story, then everything: the site and the API follow.

Screenshots of each step go to test-results/screenshots/staff-*.png.
"""

import io
import re
import time

import polib
import pytest
from PIL import ExifTags, Image
from playwright.sync_api import expect

from tests.browser import SCREENSHOTS
from tests.browser.test_admin_csp import edit_url_of, sign_in
from tests.browser.test_teller_link import issue_cards
from tests.helpers import FIRST_PSEUDONYM, SECOND_PSEUDONYM, second_story_path

pytestmark = pytest.mark.browser

PASSWORD = "een-lang-wachtwoord-voor-tests"
# Staff browsers prefer English; the staff accounts work in Dutch all the same, the
# organisation's default (the administrator chose English when its account was made).
ENGLISH_BROWSER = {"locale": "en-GB", "extra_http_headers": {"Accept-Language": "en-GB,en;q=0.9"}}


def shot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"staff-{name}.png"), full_page=True)


def messages_text(page) -> str:
    messages = page.locator(".messages li")
    messages.first.wait_for()
    return " ".join(messages.all_inner_texts())


def add_user(page, username: str, group: str) -> None:
    """The administrator adds a staff account in the admin's Users screen."""
    page.goto("/admin/users/new/")
    page.fill("#id_username", username)
    page.fill("#id_email", f"{username}@example.org")
    page.fill("#id_first_name", username.capitalize())
    page.fill("#id_last_name", "Demo")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.locator("#tab-label-roles").click()
    page.get_by_label(group, exact=True).check()
    shot(page, f"0-add-user-{username}")
    page.locator("main form [type=submit]").last.click()
    page.wait_for_url(re.compile(r"/admin/users/$"))


@pytest.fixture(scope="module")
def staff(browser, site_url, admin_credentials):
    """Signed-in browser pages for the administrator and the staff they add."""
    contexts = []

    def person(credentials):
        context = browser.new_context(base_url=site_url, **ENGLISH_BROWSER)
        context.set_default_timeout(15_000)
        contexts.append(context)
        page = context.new_page()
        sign_in(page, credentials)
        return page

    admin = person(admin_credentials)
    accounts = {
        "redacteur": "Editors",
        "officier": "Consent officers",
        "moderator": "Moderators",
        "vertaler": "Translators (de)",
        "translator": "Translators (en)",
    }
    for username, group in accounts.items():
        add_user(admin, username, group)
    pages = {"admin": admin}
    for username in accounts:
        pages[username] = person((username, PASSWORD))
    yield pages
    for context in contexts:
        context.close()


def submit_for_review(page, title: str, teaser: str | None = None) -> None:
    """An editor (here the administrator) changes the story and submits it to its workflow."""
    page.goto(edit_url_of(page, title))
    # A person acts once the editor shows the story: the body's blocks, drawn by the admin's
    # scripts after the page loads. Submitted earlier, the form lacks the body and is refused.
    page.locator("[data-contentpath='body'] [data-contentpath]").first.wait_for()
    if teaser is not None:
        page.fill("#id_teaser", teaser)
    footer = page.locator("footer")
    submit = footer.locator("button[name=action-submit]")
    if not submit.is_visible():
        footer.locator("[data-w-dropdown-target='toggle']").last.click()
    submit.click()
    messages = page.locator(".messages")
    expect(messages).to_be_visible()
    said = messages.inner_text()
    if "kon niet" in said or "could not" in said:
        # Say which field refused, as the editor would read it beside the field.
        shot(page, "submit-refused")
        errors = page.evaluate(
            """() => [...document.querySelectorAll('.error-message, .w-field__errors')]
                .filter((node) => node.innerText.trim())
                .map((node) => {
                    const path = [];
                    for (let at = node; at; at = at.parentElement?.closest('[data-contentpath]')) {
                        const where = at.closest('[data-contentpath]');
                        if (!where) break;
                        path.unshift(where.dataset.contentpath);
                        at = where;
                    }
                    return path.join('.') + ': ' + node.innerText.trim();
                })"""
        )
        pytest.fail(f"{title!r} was not submitted: {errors}")
    # Submitted, not refused: the page's workflow state says it waits for review.
    expect(messages).not_to_contain_text("kon niet")
    expect(messages).not_to_contain_text("could not")


def approve_from_dashboard(page, title: str, action: str) -> None:
    """In "Awaiting your review" on the dashboard: the row's actions menu, then the action."""
    page.goto("/admin/")
    toggle = page.locator("[data-w-dropdown-target='toggle']")
    row = page.locator("tr", has_text=title).filter(has=toggle).first
    row.locator("[data-w-dropdown-target='toggle']").first.click()
    button = row.get_by_role("button", name=action, exact=True).first
    button.wait_for()
    with page.expect_navigation():
        button.click()


# Where a dashboard panel puts its heading and its first line of text, from its left edge (and
# where the panel is): the project's panels are drawn as Wagtail's own. Text a screen reader
# alone reads (a table's hidden header) is not where a person reads.
PANEL_GEOMETRY = """(section) => {
  const box = section.getBoundingClientRect();
  const heading = section.querySelector(".w-panel__heading").getBoundingClientRect();
  const walker = document.createTreeWalker(
    section.querySelector(".w-panel__content"),
    NodeFilter.SHOW_TEXT,
    (node) => node.nodeValue.trim() && !node.parentElement.closest(".w-sr-only")
      ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP,
  );
  const range = document.createRange();
  range.selectNodeContents(walker.nextNode());
  const text = range.getBoundingClientRect();
  return {
    left: Math.round(box.left), width: Math.round(box.width),
    heading: Math.round(heading.left - box.left), text: Math.round(text.left - box.left),
  };
}"""


def panel_geometry(page, heading: str) -> dict:
    """The dashboard panel with this heading: where it is and where its text starts."""
    page.goto("/admin/")
    title = page.locator(".w-panel__heading", has_text=heading)
    section = page.locator("section.w-panel--dashboard", has=title).first
    return section.evaluate(PANEL_GEOMETRY)


PHONE = {"width": 375, "height": 812}


def photo_with_camera_metadata() -> bytes:
    """A photo as a phone writes it: the maker's name and where it was taken."""
    exif = Image.Exif()
    exif[ExifTags.Base.Artist] = "Iemand Demo"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 22.0, 13.5)
    output = io.BytesIO()
    Image.new("RGB", (1200, 800), (40, 90, 130)).save(output, "JPEG", exif=exif)
    return output.getvalue()


def test_an_editor_writes_a_new_testimony_with_a_photo_and_it_goes_live(staff, site_url):
    editor, officer, moderator = staff["redacteur"], staff["officier"], staff["moderator"]
    title = "Een nieuw begin (demo)"

    # The editor: Pages, the Dutch story index's menu, "add child page", a testimony.
    editor.goto("/admin/pages/search/?q=Verhalen")
    toggle = editor.locator("[data-w-dropdown-target='toggle']")
    row = editor.locator("tr", has_text="Verhalen").filter(has=toggle).first
    row.locator("[data-w-dropdown-target='toggle']").first.click()
    row.get_by_role("link", name="Voeg onderliggende pagina toe").click()
    # A story index holds testimonies only: Wagtail opens that form at once.
    editor.wait_for_url(re.compile(r"/add/stories/testimonypage/\d+/$"))
    expect(editor.locator("header")).to_contain_text("Nieuw: Getuigenis")
    body = editor.locator("[data-contentpath='body']")
    body.first.wait_for()
    editor.fill("#id_title", title)
    editor.fill("#id_pseudonym", "SAM")
    editor.fill("#id_quote", "Ik wilde dat iemand het hoorde.")
    editor.fill("#id_teaser", "Een verzonnen demoverhaal over een nieuw begin.")

    def add_block(name: str) -> None:
        body.get_by_role("button", name="Blok invoegen").last.click()
        editor.get_by_role("option", name=name, exact=True).click()

    add_block("Hoofdstuk")
    body.get_by_label("Kop").last.fill("Het begin")
    add_block("Tekst")
    paragraph = body.locator("[role=textbox][contenteditable=true]").last
    paragraph.click()
    paragraph.type("Dit is een verzonnen alinea voor de demo.")
    add_block("Afbeelding")
    body.get_by_role("button", name="Kies een afbeelding").last.click()
    chooser = editor.locator(".modal-content")
    chooser.get_by_role("tab", name="Uploaden").click()
    chooser.locator("input[type=file]").set_input_files(
        {"name": "zee.jpg", "mimeType": "image/jpeg", "buffer": photo_with_camera_metadata()}
    )
    chooser.get_by_label("Soort").select_option(label="Foto")
    shot(editor, "a1-photo-upload")
    chooser.locator("form").last.locator("[type=submit]").click()
    chooser.wait_for(state="detached")
    body.get_by_label("Alternatieve tekst").last.fill("Een donkerblauw vlak, als een zee bij nacht")
    footer = editor.locator("footer")
    submit = footer.locator("button[name=action-submit]")
    if not submit.is_visible():
        footer.locator("[data-w-dropdown-target='toggle']").last.click()
    submit.click()
    text = messages_text(editor)
    shot(editor, "a2-submitted")
    assert "ter goedkeuring ingediend" in text, text

    # The consent officer writes the teller's record in the register...
    officer.goto("/admin/snippets/stories/consentrecord/add/")
    officer.fill("#id_pseudonym", "SAM")
    officer.get_by_label("Datum van toestemming").fill(time.strftime("%Y-%m-%d"))
    officer.get_by_label("Waar het ondertekende bewijs wordt bewaard").fill("Dossier DEMO-7")
    for label in ("Website (html-pagina's)", "Foto's", "Nederlands"):
        officer.get_by_label(label, exact=True).check()
    # "Recorded by" is the signed-in officer unless they choose otherwise.
    expect(officer.locator("#id_recorded_by option:checked")).to_have_text("officier")
    officer.get_by_role("button", name="Opslaan").click()
    assert "SAM" in messages_text(officer)
    # Back in the register, SAM's row has no "Verhaal lezen" yet (no story is linked): its
    # buttons start under its name all the same, where every other row's start.
    officer.wait_for_url(re.compile(r"/admin/snippets/stories/consentrecord/$"))
    sam = officer.locator("tbody tr", has_text="SAM")
    expect(sam.get_by_role("link", name="Verhaal lezen")).to_have_count(0)
    expect(sam.get_by_role("link", name="Intrekken")).to_be_visible()
    starts = officer.locator("tbody td.title").evaluate_all(
        """(cells) => cells.map((cell) => [
            Math.round(cell.querySelector(".title-wrapper a").getBoundingClientRect().left),
            Math.round(cell.querySelector(".actions > li").getBoundingClientRect().left),
        ])"""
    )
    assert len(starts) > 1 and len({left for row in starts for left in row}) == 1, starts
    shot(officer, "b0-register-new-record")
    # ...links it to the story from the story's status (no new version of the text)...
    officer.goto(edit_url_of(officer, title))
    status = officer.locator("[data-story-status]")
    status.get_by_role("link", name="Toestemmingsregistratie koppelen").click()
    expect(officer.get_by_label("Toestemmingsregistratie")).to_have_value(re.compile(r"\d+"))
    shot(officer, "b1-link-record")
    officer.get_by_role("button", name="Toestemmingsregistratie koppelen").click()
    text = messages_text(officer)
    assert "gekoppeld" in text and "SAM" in text, text
    # Her dashboard's consent panel is drawn as Wagtail's "Awaiting your review" beside it: the
    # same place, heading and inset of the text (at 1280 px).
    consent_panel = panel_geometry(officer, "Toestemming")
    assert consent_panel == panel_geometry(officer, "In afwachting van jouw beoordeling")
    shot(officer, "b2-officer-dashboard")
    # ...and records the teller's approval of the text that was submitted.
    approve_from_dashboard(officer, title, "De verteller heeft deze versie goedgekeurd")
    text = messages_text(officer)
    shot(officer, "b3-teller-approval-recorded")
    assert "vastgelegd" in text and "geen toegang" not in text.lower(), text

    # A moderator who did not write it approves: it is published at once.
    approve_from_dashboard(moderator, title, "Goedkeuren")
    assert "goedgekeurd en gepubliceerd" in messages_text(moderator)

    reader = moderator.context.new_page()
    reader.goto(f"{site_url}/nl/verhalen/een-nieuw-begin-demo/")
    expect(reader.get_by_role("heading", level=1)).to_have_text(title)
    photo = reader.get_by_role("img", name="Een donkerblauw vlak, als een zee bij nacht")
    photo.scroll_into_view_if_needed()
    expect(photo).to_be_visible()
    shot(reader, "c1-live")
    source = photo.evaluate("(image) => image.currentSrc || image.src")
    served = Image.open(io.BytesIO(reader.request.get(source).body()))
    assert not served.getexif(), dict(served.getexif())  # no maker, no place
    reader.close()


def test_the_teller_approves_on_a_phone_and_the_officer_confirms_it(browser, staff, site_url):
    admin, officer, moderator = staff["admin"], staff["officier"], staff["moderator"]
    title = "Wat ik zie bij controles"
    new_teaser = "Een handhaver over signalen, en over wat hij er daarna mee doet"
    submit_for_review(admin, title, new_teaser)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    link, code, _screen = issue_cards(officer, "Mark", teller_language="nl", admin_language="nl")

    # The teller opens the link on a phone, enters the code, reads the waiting version.
    phone = browser.new_context(viewport=PHONE, locale="nl-NL", is_mobile=True, has_touch=True)
    teller = phone.new_page()
    teller.goto(link)
    teller.get_by_label("Je code").fill(code)
    teller.get_by_role("button", name="Openen").click()
    waiting = teller.locator("section.teller__version")
    expect(waiting.get_by_role("heading", level=2)).to_have_text(
        "Een nieuwe versie wacht op jouw goedkeuring"
    )
    expect(waiting).to_contain_text(new_teaser)
    shot(teller, "13-teller-reads-the-waiting-version")
    # The link at the top leads past the text to the button.
    waiting.get_by_role("link", name="Naar het eind van de tekst").click()
    button = teller.get_by_role("button", name="Ik keur deze versie goed")
    box = button.bounding_box()
    bar = teller.locator("[data-quick-exit]").bounding_box()
    # On screen, and not under the sticky quick-exit bar.
    assert box and bar["y"] + bar["height"] <= box["y"], (box, bar)
    assert box["y"] + box["height"] <= PHONE["height"], box
    button.click()
    expect(teller.get_by_role("status")).to_contain_text("Je hebt deze versie goedgekeurd")
    expect(teller.get_by_role("status")).to_contain_text("Iemand van ons team publiceert haar")
    shot(teller, "14-teller-approved")
    assert phone.cookies() == []
    phone.close()

    # The officer sees the teller's approval on the story, then confirms it in the workflow.
    officer.goto(edit_url_of(officer, title))
    expect(officer.locator("[data-teller-via-link]")).to_contain_text(
        "de verteller keurde de nieuwste versie goed op"
    )
    shot(officer, "15-officer-sees-the-tellers-approval")
    approve_from_dashboard(officer, title, "De verteller heeft deze versie goedgekeurd")
    assert "geen toegang" not in officer.content()

    approve_from_dashboard(moderator, title, "Goedkeuren")
    assert "goedgekeurd en gepubliceerd" in messages_text(moderator)
    public = moderator.context.new_page()
    public.goto(f"{site_url}/nl/verhalen/handhaver-mark/")
    expect(public.locator("body")).to_contain_text(new_teaser)
    public.close()


def test_a_refused_approval_says_why_in_dutch(staff, site_url):
    admin, officer, moderator = staff["admin"], staff["officier"], staff["moderator"]
    submit_for_review(admin, "Mijn vertrouwen terug")
    approve_from_dashboard(
        officer, "Mijn vertrouwen terug", "De verteller heeft deze versie goedgekeurd"
    )

    # The teller withdraws her consent while the story waits for the second approval.
    officer.goto("/admin/snippets/stories/consentrecord/")
    row = officer.locator("tr", has_text=FIRST_PSEUDONYM).first
    shot(officer, "5-consent-register")
    withdraw = row.get_by_role("link", name="Intrekken").first
    if not withdraw.is_visible():
        row.locator("[data-w-dropdown-target='toggle']").first.click()
    withdraw.click()
    officer.fill("textarea[name=reason]", "De verteller vroeg het telefonisch")
    officer.select_option("select[name=part]", "everything")
    officer.get_by_role("button", name="Toestemming intrekken").click()
    summary = officer.locator("main")
    expect(summary).to_contain_text("Mijn vertrouwen terug")
    shot(officer, "6-withdrawal-summary")
    officer.get_by_role("button", name="Intrekking bevestigen").click()
    text = messages_text(officer)
    assert "Mijn vertrouwen terug" in text, text
    shot(officer, "7-withdrawn")

    approve_from_dashboard(moderator, "Mijn vertrouwen terug", "Goedkeuren")
    text = messages_text(moderator)
    shot(moderator, "8-refused")
    assert FIRST_PSEUDONYM in text and "ingetrokken" in text, text
    assert "geen toegang" not in text.lower()
    # A person sees the reason where it appears: on screen, in the message area.
    box = moderator.locator(".messages").first.bounding_box()
    assert box and box["height"] > 0


def test_a_translator_starts_a_translation_and_hands_it_over(staff):
    translator, moderator = staff["vertaler"], staff["moderator"]
    # The translator's and the moderator's panels are drawn as the consent panel beside Wagtail's
    # own on the administrator's dashboard (English), at 1280 px.
    drawn_as_wagtails = panel_geometry(staff["admin"], "Consent")
    assert panel_geometry(translator, "Jouw vertalingen") == drawn_as_wagtails
    queue = translator.locator("section", has_text="Jouw vertalingen")
    expect(queue).to_be_visible()
    shot(translator, "9-translator-dashboard")
    item = queue.locator("li", has_text="Zorg die blijft").first
    item.get_by_role("button", name=re.compile("^Vertalen naar")).click()
    translator.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    editor = translator.locator(".js-translation-editor")
    editor.get_by_text("Zorg die blijft").first.wait_for()
    # The editor's heading in Dutch (wagtail-localize writes it in English).
    expect(editor).to_contain_text("Vertaling uit het Nederlands naar het Duits")
    expect(editor).not_to_contain_text("translation")
    # Its footer offers no empty "More actions" menu (every action in it is withheld from
    # translators), and no English left from wagtail-localize's script.
    expect(translator.locator("footer").get_by_role("button", name="Meer acties")).to_have_count(0)
    expect(translator.get_by_text("More actions")).to_have_count(0)
    shot(translator, "10-translation-editor")
    # The translator sees no action that takes the page away.
    body = translator.content()
    # (The server refuses these to translators too: tests/translation/test_translator_handoff.py.)
    for word in ("Verwijderen", "Publiceren", "Stop synchrone vertaling"):
        assert not translator.get_by_role("button", name=word, exact=True).is_visible(), word
    assert not translator.get_by_text(re.compile("alias", re.I)).first.is_visible()
    assert "convert_to_alias" not in body

    # Translate the title in wagtail-localize's editor.
    segment = editor.locator("li", has_text="Zorg die blijft").first
    segment.get_by_role("button").first.click()
    segment.locator("textarea").fill("Pflege, die bleibt")
    segment.get_by_role("button", name=re.compile("Opslaan|Save")).click()
    expect(segment).to_contain_text("Pflege, die bleibt")

    translator.goto("/admin/")
    mine = translator.locator("section", has_text="Jouw vertalingen")
    mine.locator("li", has_text="Zorg die blijft").get_by_role(
        "button", name="Klaar voor controle"
    ).click()
    text = messages_text(translator)
    assert "klaar voor controle" in text, text
    # Only the title is translated: the translator reads that it cannot be published yet.
    assert "nog niet vertaald" in text, text
    shot(translator, "11-handed-over")

    moderator.goto("/admin/")
    review = moderator.locator("section", has_text="Vertalingen klaar voor controle")
    # The hand-off saved the translated draft: the queue shows its German title.
    expect(review).to_contain_text("Pflege, die bleibt")
    assert panel_geometry(moderator, "Vertalingen klaar voor controle") == drawn_as_wagtails
    moderator.goto("/admin/")
    shot(moderator, "12-review-queue")


def test_a_translator_round_trips_a_po_file_and_a_moderator_publishes(staff):
    translator, moderator = staff["vertaler"], staff["moderator"]
    translator.goto("/admin/")
    queue = translator.locator("section", has_text="Jouw vertalingen")
    queue.locator("li").filter(has_text=re.compile(r"^\s*Nieuws\b")).get_by_role(
        "button", name=re.compile("^Vertalen naar")
    ).click()
    translator.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    # Beside the editor's own PO buttons, the way to the page's file in either format.
    files = translator.get_by_role(
        "link", name="Vertaalbestand (PO, XLIFF): downloaden of uploaden"
    )
    files.click()
    expect(translator.locator("main h2").first).to_contain_text("Nieuws (pagina ")
    with translator.expect_download() as download:
        translator.get_by_role("link", name="PO downloaden").click()
    catalogue = polib.pofile(download.value.path().read_text())
    german = {
        "title": "Neuigkeiten",
        "slug": "neuigkeiten",
        "intro": "Neuigkeiten über Projekte und über die Bekämpfung des Menschenhandels.",
    }
    assert {entry.msgctxt for entry in catalogue} == set(german), [e.msgctxt for e in catalogue]
    for entry in catalogue:  # what a translation tool does
        entry.msgstr = german[entry.msgctxt]
    translator.get_by_label("PO- of XLIFF-bestand").set_input_files(
        {
            "name": "nieuws.de.po",
            "mimeType": "text/x-gettext-translation",
            "buffer": str(catalogue).encode(),
        }
    )
    translator.get_by_role("button", name="Uploaden en importeren").click()
    text = messages_text(translator)
    shot(translator, "d1-po-imported")
    assert "Geïmporteerd: 3 vertaling(en) gewijzigd" in text, text
    # A translator does not publish: the message says how the page goes on.
    assert "Klaar voor controle" in text and "Publiceer" not in text, text

    translator.goto("/admin/")
    mine = translator.locator("section", has_text="Jouw vertalingen")
    mine.locator("li", has_text="Nieuws (Duits").get_by_role(
        "button", name="Klaar voor controle"
    ).click()
    text = messages_text(translator)
    assert "klaar voor controle" in text and "nog niet vertaald" not in text, text

    moderator.goto("/admin/")
    review = moderator.locator("section", has_text="Vertalingen klaar voor controle")
    review.get_by_role("link", name="Neuigkeiten").click()
    editor = moderator.locator(".js-translation-editor")
    expect(editor).to_contain_text("Neuigkeiten über Projekte")
    # Dates in the admin's language (wagtail-localize writes English month names).
    expect(editor).to_contain_text(re.compile(r"Handmatig vertaald op \d{1,2} [a-z]+ \d{4}"))
    shot(moderator, "e1-review-translation")
    moderator.get_by_role("button", name="Publiceren in het Duits").click()
    text = messages_text(moderator)
    shot(moderator, "e2-published")
    assert "in Duits gepubliceerd" in text, text
    # The German home is still a draft in the demo: the moderator reads that readers cannot
    # reach the page yet, and why.
    assert "Lezers kunnen deze pagina nog niet bereiken" in text, text


# A Dutch news page without an English version (every demo page has one), as an editor would
# have published it; made on the served site with the ORM: no person's step under test.
NEW_DUTCH_NEWS = {
    "title": "Spreekuur in de bibliotheek",
    "slug": "spreekuur-in-de-bibliotheek",
    "intro": "Elke dinsdag is er een spreekuur in de bibliotheek.",
    "text": "Iedereen kan zonder afspraak langskomen.",
}
PUBLISH_NEW_DUTCH_NEWS = f"""
from wagtail.rich_text import RichText
from stories.models import NewsIndexPage, NewsPage
news = {NEW_DUTCH_NEWS!r}
index = NewsIndexPage.objects.get(locale__language_code="nl")
page = NewsPage(
    title=news["title"], slug=news["slug"], intro=news["intro"],
    body=[("text", RichText("<p>" + news["text"] + "</p>"))],
)
index.add_child(instance=page)
page.save_revision().publish()
"""
ENGLISH_NEWS = {
    "title": "Drop-in hours at the library",
    "slug": "drop-in-hours-at-the-library",
    "intro": "Every Tuesday there are drop-in hours at the library.",
    "text": "Anyone can come by without an appointment.",
}


def test_the_english_translator_translates_a_new_page_and_a_moderator_publishes_it(
    staff, served_site
):
    """The English translator starts the English version of a new Dutch page from their
    dashboard, translates each segment in the editor and hands it over; a moderator publishes
    it from their queue, and a reader reads the English page."""
    served_site.manage("shell", "-c", PUBLISH_NEW_DUTCH_NEWS)
    translator, moderator = staff["translator"], staff["moderator"]

    translator.goto("/admin/")
    queue = translator.locator("section", has_text="Jouw vertalingen")
    item = queue.locator("li", has_text=NEW_DUTCH_NEWS["title"]).first
    item.get_by_role("button", name="Vertalen naar het Engels").click()
    translator.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    editor = translator.locator(".js-translation-editor")
    editor.get_by_text(NEW_DUTCH_NEWS["title"]).first.wait_for()
    expect(editor).to_contain_text("Vertaling uit het Nederlands naar het Engels")

    def translate(field: str) -> None:
        segment = editor.locator("li", has_text=NEW_DUTCH_NEWS[field]).first
        segment.get_by_role("button", name="Vertaal").first.click()
        segment.locator("textarea").fill(ENGLISH_NEWS[field])
        segment.get_by_role("button", name="Opslaan").click()
        expect(segment).to_contain_text(ENGLISH_NEWS[field])

    for field in ("title", "intro", "text"):
        translate(field)
    # The page's address is on the editor's other tab.
    translator.get_by_role("tab", name="Eigenschappen").click()
    translate("slug")
    shot(translator, "f1-english-translation")

    # Handed over where the translator works: the editor's own "Ready for review".
    translator.get_by_role("tab", name="Inhoud").click()
    handover = translator.locator("[data-translation-handover]")
    expect(handover).to_be_visible()
    handover.get_by_role("button", name="Klaar voor controle").click()
    text = messages_text(translator)
    shot(translator, "f2-english-handed-over")
    assert "klaar voor controle" in text and "nog niet vertaald" not in text, text
    expect(translator.locator("[data-translation-handover]")).to_contain_text("wacht op controle")

    moderator.goto("/admin/")
    review = moderator.locator("section", has_text="Vertalingen klaar voor controle")
    # The hand-off saved the translated draft: the queue names it by its English title.
    review.get_by_role("link", name=ENGLISH_NEWS["title"]).click()
    editor = moderator.locator(".js-translation-editor")
    expect(editor).to_contain_text(ENGLISH_NEWS["text"])
    moderator.get_by_role("button", name="Publiceren in het Engels").click()
    text = messages_text(moderator)
    shot(moderator, "f3-english-published")
    assert f"'{ENGLISH_NEWS['title']}' in Engels gepubliceerd" in text, text
    # The English home and news index are live: readers reach the page at once.
    assert "nog niet bereiken" not in text, text

    reader = moderator.context.new_page()
    response = reader.goto(f"{served_site.url}/en/news/{ENGLISH_NEWS['slug']}/")
    assert response.status == 200
    expect(reader.locator("html")).to_have_attribute("lang", "en")
    expect(reader.get_by_role("heading", level=1)).to_have_text(ENGLISH_NEWS["title"])
    main = reader.locator("main")
    expect(main).to_contain_text(ENGLISH_NEWS["intro"])
    expect(main).to_contain_text(ENGLISH_NEWS["text"])
    expect(main).not_to_contain_text(NEW_DUTCH_NEWS["text"])
    shot(reader, "f4-english-page")
    reader.close()


def test_the_officer_withdraws_one_language_then_everything(staff, site_url):
    """English first: the English page goes offline on the site and in the API, the Dutch one
    stays; then everything: neither is shown anywhere."""
    officer = staff["officier"]
    reader = officer.context.new_page()

    def shown(path: str) -> int:
        return reader.request.get(f"{site_url}{path}", max_redirects=0).status

    assert shown(second_story_path("en")) == 200 and shown(second_story_path("nl")) == 200

    def withdraw(part: str, language: str | None, reason: str):
        officer.goto(f"/admin/snippets/stories/consentrecord/?q={SECOND_PSEUDONYM}")
        row = officer.locator("tr", has_text=SECOND_PSEUDONYM).first
        link = row.get_by_role("link", name="Intrekken").first
        if not link.is_visible():
            row.locator("[data-w-dropdown-target='toggle']").first.click()
        link.click()
        officer.fill("textarea[name=reason]", reason)
        officer.select_option("select[name=part]", part)
        if language:
            officer.select_option("select[name=language]", label=language)
        officer.get_by_role("button", name="Toestemming intrekken").click()
        officer.get_by_role("button", name="Intrekking bevestigen").click()
        return messages_text(officer)

    said = withdraw("language", "Engels", "De verteller wil het Engels offline")
    shot(officer, "19-english-withdrawn")
    assert "Under pressure" in said and "Engels" in said, said
    assert shown(second_story_path("en")) == 404
    english_api = reader.request.get(f"{site_url}/api/v2/pages/?locale=en&search=pressure")
    assert "Under pressure" not in english_api.text()
    assert shown(second_story_path("nl")) == 200

    said = withdraw("everything", None, "De verteller trekt alles in")
    shot(officer, "20-everything-withdrawn")
    assert "Onder druk" in said, said
    assert shown(second_story_path("nl")) == 404 and shown(second_story_path("en")) == 404
    listed = reader.request.get(f"{site_url}/api/v2/pages/?type=stories.TestimonyPage&limit=50")
    assert SECOND_PSEUDONYM not in listed.text() and "Onder druk" not in listed.text()
    reader.close()


def test_cancelling_a_review_asks_first(staff):
    """ "Workflow annuleren" sits beside "Save draft" in the editor's menu and ends the review
    with every approval given: it asks first; saying no leaves the review running."""
    admin = staff["admin"]
    title = "COMPASS van start"
    submit_for_review(admin, title)
    admin.goto(edit_url_of(admin, title))
    admin.locator("[data-contentpath='body'] [data-contentpath]").first.wait_for()
    footer = admin.locator("footer")
    cancel = footer.locator("button[name=action-cancel-workflow]")

    def click_cancel(answer: str) -> list[str]:
        if not cancel.is_visible():
            footer.locator("[data-w-dropdown-target='toggle']").last.click()
        asked = []

        def respond(dialog):
            asked.append(dialog.message)
            dialog.accept() if answer == "yes" else dialog.dismiss()

        admin.once("dialog", respond)
        cancel.click()
        return asked

    asked = click_cancel("no")
    # In the admin's language (this account's: Dutch, or English where it chose so).
    label = cancel.inner_text()
    expected = "goedkeuringen" if "annuleren" in label.lower() else "Approvals"
    assert asked and expected in asked[0], (label, asked)
    admin.reload()
    expect(cancel).to_have_count(1)  # still under review: the button is still offered
    shot(admin, "cancel-review-still-running")
    assert click_cancel("yes")
    admin.wait_for_load_state()
    admin.goto(edit_url_of(admin, title))
    expect(cancel).to_have_count(0)  # the review has ended
