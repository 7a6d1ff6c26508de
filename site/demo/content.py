"""Demo content, written for this project from the organisation's public facts.

Every text is a pair: Dutch (the source) and English. Tellers' stories are demo texts, marked as
such on the page; the professionals are fictional. JILL's and KIM's headline quotes are their own
words as published by the organisation.
"""


def rich(*paragraphs):
    """Rich text: a list of paragraph pairs."""
    return {"rich": list(paragraphs)}


def image(key):
    return {"image": key}


def T(nl, en):  # noqa: N802 - reads like a literal
    return {"nl": nl, "en": en}


DEMO_NOTE = {
    "nl": "Demotekst: geschreven voor de demonstratie van deze website, op basis van openbare feiten.",
    "en": "Demo text: written to demonstrate this website, based on public facts.",
}
FICTION_NOTE = {
    "nl": "Fictief demoverhaal: deze persoon bestaat niet.",
    "en": "Fictional demo story: this person does not exist.",
}

LANGUAGE_SETTINGS = {
    "nl": {
        "site_name": "CoMensha Verhalen",
        "tagline": "Verhalen over mensenhandel, verteld door wie het meemaakte",
        "helpline_name": "CoMensha",
        "helpline_phone": "033 448 11 86",
        "helpline_hours": "maandag tot en met vrijdag, 9.00 tot 17.00 uur",
        "helpline_url": "https://www.comensha.nl/",
        "help_text": "<p>Ben je zelf in de problemen, of maak je je zorgen om iemand? Je kunt anoniem "
        "contact opnemen. In een noodsituatie bel je 112.</p>",
        "contact_email": "info@example.org",
        "contact_phone": "033 448 11 86",
        "contact_address": "Postbus (demo)\nAmersfoort",
        "quick_exit_url": "https://www.buienradar.nl/",
        "footer_text": "CoMensha is het Coördinatiecentrum tegen Mensenhandel. Deze website toont "
        "demo-inhoud.",
        "helpline_out_of_hours": "Ben je nu in gevaar? Bel 112.",
        "helpline_languages": "Nederlands en Engels (demo)",
        "emergency_number": "112",
    },
    "en": {
        "site_name": "CoMensha Stories",
        "tagline": "Stories about human trafficking, told by those who lived through it",
        "helpline_name": "CoMensha",
        "helpline_phone": "+31 33 448 11 86",
        "helpline_hours": "Monday to Friday, 9:00 to 17:00 (CET)",
        "helpline_url": "https://www.comensha.nl/",
        "help_text": "<p>Are you in trouble yourself, or worried about someone? You can get in touch "
        "anonymously. In an emergency, call 112.</p>",
        "contact_email": "info@example.org",
        "contact_phone": "+31 33 448 11 86",
        "contact_address": "PO Box (demo)\nAmersfoort, the Netherlands",
        "quick_exit_url": "https://www.bbc.com/weather",
        "footer_text": "CoMensha is the Dutch coordination centre against human trafficking. This "
        "website shows demo content.",
        "helpline_out_of_hours": "Are you in danger now? Call 112.",
        "helpline_languages": "Dutch and English (demo)",
        "emergency_number": "112",
    },
}

HOME = {
    "title": {"nl": "Verhalen over mensenhandel", "en": "Stories about human trafficking"},
    "slug": {"nl": "home", "en": "home"},
    "intro": {
        "nl": "Jaarlijks worden in Nederland naar schatting 5.000 tot 7.500 mensen slachtoffer van "
        "mensenhandel. Slechts een klein deel van hen komt in beeld. Hier vertellen overlevers en "
        "professionals wat zij meemaakten.",
        "en": "An estimated 5,000 to 7,500 people in the Netherlands become victims of human "
        "trafficking every year. Only a small number of them come into view. Here, survivors and "
        "professionals tell what they went through.",
    },
    "body": [
        (
            "text",
            rich(
                {
                    "nl": "CoMensha verbindt de partners in de ketenaanpak tegen alle vormen van "
                    "mensenhandel en werkt aan betere zorg voor slachtoffers, in Nederland en "
                    "daarbuiten.",
                    "en": "CoMensha links the partners in the national chain approach against every "
                    "form of trafficking, and works for better care for victims, in the Netherlands "
                    "and abroad.",
                },
                DEMO_NOTE,
            ),
        )
    ],
}

ABOUT = {
    "title": {"nl": "Over CoMensha", "en": "About CoMensha"},
    "slug": {"nl": "over-comensha", "en": "about-comensha"},
    "intro": {
        "nl": "Het Coördinatiecentrum tegen Mensenhandel brengt organisaties samen die "
        "slachtoffers signaleren, beschermen en begeleiden.",
        "en": "The coordination centre against human trafficking brings together the organisations "
        "that identify, protect and support victims.",
    },
    "body": [
        (
            "chapter",
            {
                "heading": {"nl": "Wat we doen", "en": "What we do"},
                "anchor": T("wat-we-doen", "what-we-do"),
            },
        ),
        (
            "text",
            rich(
                {
                    "nl": "Mensenhandel kent vele vormen: seksuele uitbuiting, arbeidsuitbuiting en "
                    "criminele uitbuiting. Geen enkele organisatie kan het alleen aanpakken.",
                    "en": "Trafficking takes many forms: sexual exploitation, labour exploitation and "
                    "criminal exploitation. No single organisation can tackle it alone.",
                },
                {
                    "nl": "Daarom verbinden wij gemeenten, politie, zorg, opvang en justitie in één "
                    "ketenaanpak, en brengen we in kaart hoeveel slachtoffers in beeld komen.",
                    "en": "That is why we link municipalities, police, care, shelters and the justice "
                    "system in one chain approach, and record how many victims come into view.",
                },
            ),
        ),
        (
            "chapter",
            {
                "heading": {"nl": "Over deze verhalen", "en": "About these stories"},
                "anchor": T("verhalen", "stories"),
            },
        ),
        (
            "text",
            rich(
                {
                    "nl": "Wie hier een verhaal vertelt, doet dat onder een schuilnaam en met "
                    "toestemming die op elk moment kan worden ingetrokken. Dan verdwijnt het verhaal "
                    "van deze website.",
                    "en": "Everyone who tells a story here does so under a pseudonym and with consent "
                    "that can be withdrawn at any time. The story then disappears from this website.",
                },
                DEMO_NOTE,
            ),
        ),
    ],
}

ABOUT["body"] += [
    (
        "key_figures",
        {
            "heading": T("In cijfers", "In figures"),
            "figures": [
                {
                    "figure": T("5.000–7.500", "5,000–7,500"),
                    "count_to": None,
                    "label": T(
                        "geschatte slachtoffers per jaar in Nederland",
                        "estimated victims a year in the Netherlands",
                    ),
                    "source": T("Schatting genoemd door CoMensha", "Estimate quoted by CoMensha"),
                },
                {
                    "figure": T("€ 346.069", "€346,069"),
                    "count_to": 346069,
                    "label": T("totaalbudget van RAVOT-EUR", "total budget of RAVOT-EUR"),
                    "source": T(
                        "Subsidie HOME/2012/ISEC/AG/4000004405",
                        "Grant HOME/2012/ISEC/AG/4000004405",
                    ),
                },
            ],
        },
    ),
    (
        "timeline",
        {
            "heading": T("Europese samenwerking", "European cooperation"),
            "events": [
                {
                    "when": T("februari 2014 – januari 2016", "February 2014 – January 2016"),
                    "title": T("RAVOT-EUR", "RAVOT-EUR"),
                    "text": T(
                        "Hongarije, België en Nederland bouwen een internationaal doorverwijsmechanisme voor hulp, veilige terugkeer en re-integratie.",
                        "Hungary, Belgium and the Netherlands build a transnational referral mechanism for assistance, safe return and reintegration.",
                    ),
                },
                {
                    "when": T("november 2020", "November 2020"),
                    "title": T("Online focusgroep REST", "REST online focus group"),
                    "text": "",
                },
                {
                    "when": T("12 maart 2021", "12 March 2021"),
                    "title": T("Eindrapport REST gepresenteerd", "REST final report presented"),
                    "text": T(
                        "In een webinar, met leden van het Europees Parlement.",
                        "In a webinar, with members of the European Parliament.",
                    ),
                },
                {
                    "when": T("begin 2021", "Early 2021"),
                    "title": T("Start van COMPASS", "COMPASS launched"),
                    "text": T(
                        "Door IOM en het Nederlandse ministerie van Buitenlandse Zaken.",
                        "By IOM and the Netherlands' Ministry of Foreign Affairs.",
                    ),
                },
            ],
        },
    ),
    (
        "video",
        {
            "media": None,
            "external_url": "https://www.youtube-nocookie.com/embed/demo-rest-webinar",
            "title": T(
                "Webinar over het eindrapport van REST (demo: het adres is een voorbeeld)",
                "Webinar on the REST final report (demo: the address is a placeholder)",
            ),
            "poster": None,
            "privacy_note": "",
            "transcript": "",
        },
    ),
    (
        "document",
        {
            "document": {"document": "demo-factsheet"},
            "title": T("Factsheet (demo)", "Factsheet (demo)"),
            "description": T(
                "Een voorbeeld van een document om te downloaden.",
                "An example of a document to download.",
            ),
            "language": "nl",
        },
    ),
]

SAFETY = {
    "title": T("Deze website veilig bekijken", "Browsing this website safely"),
    "slug": T("veilig-bekijken", "browsing-safely"),
    "intro": T(
        "Iemand kan meekijken op je telefoon of computer. Hier lees je wat de knop 'Snel weg' doet, en wat niet.",
        "Someone may be able to look at your phone or computer. Here is what the 'Leave this site quickly' button does, and what it does not do.",
    ),
    "body": [
        (
            "chapter",
            {
                "heading": T("Wat de knop doet", "What the button does"),
                "anchor": T("wat-de-knop-doet", "what-the-button-does"),
            },
        ),
        (
            "text",
            rich(
                T(
                    "De knop opent meteen een gewone website, zoals een weerbericht. Je kunt ook drie keer snel op de Shift-toets drukken.",
                    "The button opens an ordinary website at once, such as a weather forecast. You can also press the Shift key three times quickly.",
                ),
                T(
                    "De pagina die je aan het lezen was, wordt in je browsergeschiedenis vervangen. Met de terugknop kom je daar meestal niet meer terug.",
                    "The page you were reading is replaced in your browser history. The back button usually does not take you back to it.",
                ),
            ),
        ),
        (
            "chapter",
            {
                "heading": T("Wat de knop niet doet", "What the button does not do"),
                "anchor": T("wat-de-knop-niet-doet", "what-the-button-does-not-do"),
            },
        ),
        (
            "text",
            rich(
                T(
                    "Andere pagina's van deze website die je eerder bekeek, blijven in je geschiedenis staan. De knop wist ook geen bestanden die je browser bewaarde.",
                    "Other pages of this website that you viewed before stay in your history. The button does not delete files that your browser kept either.",
                ),
                T(
                    "Gebruik daarom zo mogelijk een privévenster, en wis daarna je geschiedenis. Deze website plaatst geen cookies en laat niets achter op je apparaat: zet je de beweging uit, dan onthoudt je browser dat alleen tot je het tabblad sluit.",
                    "So where you can, use a private window, and clear your history afterwards. This website sets no cookies and leaves nothing on your device: if you turn motion off, your browser remembers that only until you close the tab.",
                ),
            ),
        ),
        ("help_box", {"heading": T("Hulp nodig?", "Need help?"), "text": ""}),
    ],
}

PRIVACY = {
    "title": T("Privacy", "Privacy"),
    "slug": T("privacy", "privacy"),
    "intro": T(
        "Deze website bewaart zo weinig mogelijk over wie er leest. Hier staat precies wat we vastleggen, hoe lang we het bewaren en bij wie je terechtkunt.",
        "This website keeps as little as possible about the people who read it. Here is exactly what we record, how long we keep it and whom to contact.",
    ),
    "body": [
        (
            "chapter",
            {
                "heading": T("Wat we vastleggen", "What we record"),
                "anchor": T("wat-we-vastleggen", "what-we-record"),
            },
        ),
        (
            "text",
            rich(
                T(
                    "Voor elke pagina die wordt opgevraagd, schrijft de server een regel in zijn logboek: het tijdstip, het adres van de pagina zonder zoekwoorden, het antwoord (bijvoorbeeld gevonden of niet gevonden), de grootte en hoe lang het duurde.",
                    "For every page that is requested, the server writes one line in its log: the time, the address of the page without search terms, the answer (for example found or not found), the size and how long it took.",
                ),
                T(
                    "We leggen geen IP-adres vast, niet de pagina waar je vandaan kwam en niets over je browser of apparaat. Lezers krijgen geen cookies. We gebruiken geen bezoekersstatistieken van anderen en laden niets van andere websites; een video van een andere website laadt pas als je erop klikt.",
                    "We record no IP address, not the page you came from and nothing about your browser or device. Readers get no cookies. We use no visitor statistics from others and load nothing from other websites; a video from another website only loads when you click it.",
                ),
                T(
                    "We tellen wel hoe vaak een pagina wordt gelezen en hoe ver lezers komen, zonder iemand te volgen. Bij elke weergave van een pagina telt de server één op bij een getal voor die pagina, die taal en die dag; zoekmachines tellen niet mee. Staat JavaScript aan, dan meldt je browser bij het weggaan één keer aan deze website tot welk hoofdstuk je kwam en of je het einde bereikte. Meer niet: geen cookie, niets op je apparaat, geen adres, geen gegevens over je browser, niets wat lezers van elkaar onderscheidt. We bewaren alleen de getallen per pagina, taal en dag.",
                    "We do count how often a page is read and how far readers get, without following anyone. For every view of a page, the server adds one to a number for that page, that language and that day; search engines are not counted. If JavaScript is on, your browser tells this website once, as you leave, which chapter you reached and whether you reached the end. Nothing more: no cookie, nothing on your device, no address, no details of your browser, nothing that tells readers apart. We keep only the numbers per page, language and day.",
                ),
                T(
                    "Alleen medewerkers die inloggen om verhalen te beheren, krijgen een cookie om ingelogd te blijven.",
                    "Only staff who sign in to manage the stories get a cookie that keeps them signed in.",
                ),
            ),
        ),
        (
            "chapter",
            {
                "heading": T("Hoe lang we het bewaren", "How long we keep it"),
                "anchor": T("hoe-lang-we-het-bewaren", "how-long-we-keep-it"),
            },
        ),
        (
            "text",
            rich(
                T(
                    "Het logboek van de server bewaren we 14 dagen; daarna wordt het gewist. Reservekopieën van de website bewaren we 30 dagen.",
                    "We keep the server log for 14 days; then it is deleted. We keep backups of the website for 30 days.",
                ),
                T(
                    "Wie een verhaal vertelt, bepaalt waar, in welke talen en hoe lang het te zien is. Die toestemming bewaren we zolang het verhaal bestaat. Trekt een verteller de toestemming in, of laat die het verhaal wissen, dan houden we alleen nummers en data bij, zonder naam en zonder tekst: zo kunnen we laten zien dat we de keuze van de verteller hebben gevolgd.",
                    "Whoever tells a story decides where, in which languages and for how long it can be seen. We keep that consent as long as the story exists. If a teller withdraws consent, or has the story erased, we keep only numbers and dates, without a name and without text: that way we can show that we followed the teller's choice.",
                ),
            ),
        ),
        (
            "chapter",
            {
                "heading": T("Vragen", "Questions"),
                "anchor": T("vragen", "questions"),
            },
        ),
        (
            "text",
            rich(
                T(
                    "Heb je een vraag over privacy, of wil je weten wat we over jou bewaren? Mail naar info@example.org. Ben je het niet eens met hoe we met gegevens omgaan, dan kun je een klacht indienen bij de Autoriteit Persoonsgegevens.",
                    "Do you have a question about privacy, or do you want to know what we keep about you? Write to info@example.org. If you disagree with how we handle data, you can file a complaint with the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).",
                ),
                DEMO_NOTE,
            ),
        ),
    ],
}

STORY_INDEX = {
    "title": {"nl": "Verhalen", "en": "Stories"},
    "slug": {"nl": "verhalen", "en": "stories"},
    "intro": {
        "nl": "Ervaringsverhalen van overlevers en van professionals die met mensenhandel te maken "
        "krijgen.",
        "en": "Experience stories of survivors and of professionals who deal with human trafficking.",
    },
}

# --- Stories -------------------------------------------------------------------------------------
# JILL and KIM are real people under pseudonyms. Their own words are only their published
# quotations; everything else about them is written in the third person, describes no event of
# their lives, and says so at the top (SURVIVOR_NOTE). Mark and Noor are fictional demo tellers.
SURVIVOR_NOTE = T(
    "Demotekst. Alleen het citaat tussen aanhalingstekens bevat de eigen woorden van JILL. De rest "
    "is geschreven om deze website te demonstreren: het vertelt niets over gebeurtenissen uit haar "
    "leven, maar wat hulpverleners in het algemeen zien.",
    "Demo text. Only the quotation in quotation marks is JILL's own words. The rest is written to "
    "demonstrate this website: it tells nothing about events in her life, only what care workers "
    "see in general.",
)
KIM_NOTE = T(
    "Demotekst. Alleen het citaat tussen aanhalingstekens bevat de eigen woorden van KIM. De rest "
    "is geschreven om deze website te demonstreren: het vertelt niets over gebeurtenissen uit haar "
    "leven, maar wat hulpverleners in het algemeen zien.",
    "Demo text. Only the quotation in quotation marks is KIM's own words. The rest is written to "
    "demonstrate this website: it tells nothing about events in her life, only what care workers "
    "see in general.",
)

JILL_BODY = [
    (
        "text",
        rich(
            SURVIVOR_NOTE,
            T(
                "JILL koos zelf de zin die boven haar verhaal staat. Het is een korte zin, en hij "
                "gaat niet over wat haar is aangedaan. Hij gaat over wat ze terug wil. Dit verhaal "
                "volgt die zin: wat vertrouwen is, hoe het kapot kan gaan, en hoe het langzaam "
                "terugkomt.",
                "JILL chose the sentence above her story herself. It is a short sentence, and it is "
                "not about what was done to her. It is about what she wants back. This story "
                "follows that sentence: what trust is, how it can break, and how it slowly returns.",
            ),
            T(
                "De tekst is bedoeld voor iedereen: voor wie zelf iets vergelijkbaars meemaakte, "
                "voor wie zich zorgen maakt om iemand, en voor professionals die willen begrijpen "
                "waarom herstel tijd kost.",
                "The text is meant for everyone: for those who went through something similar, "
                "for those who are worried about someone, and for professionals who want to "
                "understand why recovery takes time.",
            ),
        ),
    ),
    ("chapter", {"heading": T("Het begin", "The beginning"), "anchor": T("begin", "beginning")}),
    (
        "text",
        rich(
            T(
                "Uitbuiting begint zelden met geweld. Hulpverleners horen vaak dat het begon met "
                "aandacht: iemand die luistert, cadeaus geeft, een plek biedt om te slapen. Wie "
                "eenzaam is of geen geld heeft, ervaart die aandacht als een uitweg.",
                "Exploitation rarely starts with violence. Care workers often hear that it started "
                "with attention: someone who listens, gives presents, offers a place to sleep. For "
                "someone who is lonely or has no money, that attention feels like a way out.",
            ),
            T(
                "Juist daarom is het verlies zo groot. Het vertrouwen dat iemand gaf, wordt het "
                "middel om diegene vast te houden. Later twijfelen slachtoffers niet alleen aan de "
                "dader, maar ook aan zichzelf: hoe kon ik dit niet zien?",
                "That is exactly why the loss is so great. The trust someone gave becomes the means "
                "to hold on to them. Later, victims doubt not only the offender but also "
                "themselves: how could I not see this?",
            ),
        ),
    ),
    (
        "figure",
        {
            "image": image("planes"),
            "alt_text": T(
                "Abstracte illustratie: vellen papier in oranje, blauw en zandkleur liggen schuin "
                "over elkaar.",
                "Abstract illustration: sheets of paper in orange, blue and sand colour lie "
                "askew on top of each other.",
            ),
            "decorative": False,
            "caption": T("Illustratie bij het verhaal van JILL.", "Illustration for JILL's story."),
            "credit": T("Demo-illustratie", "Demo illustration"),
            "width": "wide",
        },
    ),
    (
        "scrolly_steps",
        {
            "heading": T("Hoe vertrouwen wordt misbruikt", "How trust is abused"),
            "steps": [
                {
                    "image": image("threads"),
                    "alt_text": T(
                        "Abstracte illustratie: tientallen dunne lijnen lopen van links naar één "
                        "punt rechts.",
                        "Abstract illustration: dozens of thin lines run from the left to a single "
                        "point on the right.",
                    ),
                    "decorative": False,
                    "text": rich(
                        T(
                            "Eerst is er aandacht. Alles draait om het slachtoffer: complimenten, "
                            "beloften, een gevoel van eindelijk gezien worden.",
                            "First there is attention. Everything revolves around the victim: "
                            "compliments, promises, a feeling of finally being seen.",
                        )
                    ),
                },
                {
                    "image": image("windows"),
                    "alt_text": T(
                        "Abstracte illustratie: donkere huizenblokken in de schemering, een paar "
                        "kleine ramen verlicht.",
                        "Abstract illustration: dark blocks of houses at dusk, a few small windows "
                        "lit.",
                    ),
                    "decorative": False,
                    "text": rich(
                        T(
                            "Dan komen de regels. Met wie je praat, waar je slaapt, wie je telefoon "
                            "mag zien. Vrienden en familie raken langzaam uit beeld.",
                            "Then come the rules. Whom you talk to, where you sleep, who may see "
                            "your phone. Friends and family slowly drop out of sight.",
                        )
                    ),
                },
                {
                    "image": image("horizon"),
                    "alt_text": T(
                        "Abstracte illustratie: een lage, donkere horizon onder een bleke lucht "
                        "met dunne wolkenstrepen.",
                        "Abstract illustration: a low, dark horizon under a pale sky with thin "
                        "streaks of cloud.",
                    ),
                    "decorative": False,
                    "text": rich(
                        T(
                            "Op het laatst is er bijna niemand meer om te vertrouwen. Precies dat "
                            "maakt weggaan zo moeilijk.",
                            "In the end there is almost nobody left to trust. That is exactly what "
                            "makes leaving so hard.",
                        )
                    ),
                },
            ],
        },
    ),
    (
        "testimony_quote",
        {
            "quote": T(
                "Het belangrijkste is dat ik mijn vertrouwen weer terug krijg",
                "The most important thing is that I get my trust back",
            ),
            "pseudonym": "JILL",
            "role": "",
            "lang": "",
        },
    ),
    ("chapter", {"heading": T("Hulp", "Help"), "anchor": T("hulp", "help")}),
    (
        "text",
        rich(
            T(
                "In Nederland werken politie, gemeenten, zorg en opvang samen in een ketenaanpak "
                "tegen mensenhandel. CoMensha verbindt die partners. Voor iemand die net weg is, "
                "betekent dat vooral: niet alles zelf hoeven regelen.",
                "In the Netherlands, police, municipalities, care and shelter work together in a "
                "chain approach against human trafficking. CoMensha connects those partners. For "
                "someone who has only just left, it mostly means: not having to arrange everything "
                "alone.",
            ),
            T(
                "Slachtoffers hebben recht op opvang, medische zorg, juridische hulp en "
                "begeleiding, ook als ze (nog) geen aangifte doen. Dat recht bestaat niet alleen "
                "op papier: zorgcoördinatoren zoeken per persoon uit wat nodig is, en wie dat kan "
                "bieden. Het doel is dat iemand niet van loket naar loket hoeft en niet steeds "
                "opnieuw hoeft uit te leggen wat er is gebeurd.",
                "Victims have a right to shelter, medical care, legal help and support, also when "
                "they do not (yet) report a crime. That right does not exist only on paper: care "
                "coordinators work out for each person what is needed, and who can provide it. The "
                "aim is that nobody is sent from desk to desk, or has to explain again and again "
                "what happened.",
            ),
            T(
                "Vertrouwen is daarbij geen voorwaarde vooraf, maar iets wat onderweg groeit. "
                "Hulpverleners weten dat iemand hen in het begin misschien niet gelooft. Dat is "
                "geen onwil, maar een gevolg van wat er is gebeurd: wie lang is misleid, test "
                "eerst of de ander te vertrouwen is.",
                "Trust is not a condition in advance, but something that grows along the way. "
                "Care workers know that someone may not believe them at first. That is not "
                "unwillingness but a consequence of what happened: someone who was deceived for a "
                "long time first tests whether the other person can be trusted.",
            ),
        ),
    ),
    (
        "backdrop",
        {
            "image": image("doorway"),
            "alt_text": T(
                "Abstracte illustratie: een open deur in een donkere muur; licht valt over de "
                "vloer.",
                "Abstract illustration: an open door in a dark wall; light falls across the floor.",
            ),
            "decorative": False,
            "transition": "reveal",
            "cards": [
                rich(
                    T(
                        "Hulp begint met veiligheid: een bed, rust, iemand die niet meteen vragen "
                        "stelt.",
                        "Help starts with safety: a bed, rest, someone who does not ask questions "
                        "straight away.",
                    )
                ),
                rich(
                    T(
                        "Niemand hoeft alles in één keer te vertellen. Een verhaal mag in stukjes "
                        "komen, in de volgorde die de verteller kiest.",
                        "Nobody has to tell everything at once. A story may come in pieces, in the "
                        "order the teller chooses.",
                    )
                ),
                rich(
                    T(
                        "Langzaam komt er ruimte om weer ja en nee te zeggen, en om zelf te "
                        "beslissen.",
                        "Slowly there is room to say yes and no again, and to decide for oneself.",
                    )
                ),
            ],
        },
    ),
    (
        "pull_quote",
        {
            "quote": T(
                "Vertrouwen komt niet terug in één gesprek.",
                "Trust does not come back in one conversation.",
            ),
            "attribution": T("Uit de demotekst", "From the demo text"),
        },
    ),
    (
        "text",
        rich(
            T(
                "Hulpverleners beschrijven herstel als een reeks kleine afspraken die worden "
                "nagekomen. Iemand belt terug wanneer dat beloofd is. Een brief wordt uitgelegd. "
                "Een keuze wordt gerespecteerd, ook als het een nee is. Elke nagekomen afspraak is "
                "een klein bewijs dat vertrouwen weer kan.",
                "Care workers describe recovery as a series of small promises that are kept. "
                "Someone calls back when they said they would. A letter is explained. A choice is "
                "respected, even when it is a no. Every promise kept is a small proof that trust is "
                "possible again.",
            ),
        ),
    ),
    (
        "audio",
        {
            "media": {"media": "calm-tone"},
            "title": T("Demo-geluid: een rustige toon", "Demo sound: a calm tone"),
            "transcript": rich(
                T(
                    "[Demo: een rustige toon, zonder gesproken tekst. Hier staat bij een echte "
                    "opname alles wat er gezegd wordt.]",
                    "[Demo: a calm tone, with no spoken words. For a real recording, everything "
                    "that is said is written here.]",
                )
            ),
        },
    ),
    (
        "figure",
        {
            "image": image("rays"),
            "alt_text": T(
                "Abstracte illustratie: brede stralen licht waaieren uit vanuit een lage zon boven "
                "een donkere vlakte.",
                "Abstract illustration: broad rays of light fan out from a low sun above a dark "
                "plain.",
            ),
            "decorative": False,
            "caption": T("Licht na een lange nacht.", "Light after a long night."),
            "credit": T("Demo-illustratie", "Demo illustration"),
            "width": "full",
        },
    ),
    ("chapter", {"heading": T("Daarna", "Afterwards"), "anchor": T("daarna", "afterwards")}),
    (
        "image_comparison",
        {
            "before": image("horizon"),
            "before_alt": T(
                "Abstracte illustratie in koele tinten: een lage, donkere horizon.",
                "Abstract illustration in cool tones: a low, dark horizon.",
            ),
            "before_label": T("Toen", "Then"),
            "after": image("hills"),
            "after_alt": T(
                "Abstracte illustratie in warme tinten: lagen heuvels onder een bleke zon.",
                "Abstract illustration in warm tones: layers of hills under a pale sun.",
            ),
            "after_label": T("Nu", "Now"),
            "caption": T(
                "Twee illustraties, vergeleken met een schuifregelaar.",
                "Two illustrations, compared with a slider.",
            ),
        },
    ),
    (
        "text",
        rich(
            T(
                "Herstel is geen rechte lijn. Er zijn weken waarin alles lukt, en dagen waarop een "
                "geluid of een geur alles terugbrengt. Wat helpt, zeggen hulpverleners, is dat de "
                "mensen om iemand heen blijven, ook op de slechte dagen.",
                "Recovery is not a straight line. There are weeks in which everything works, and "
                "days on which a sound or a smell brings everything back. What helps, care workers "
                "say, is that the people around someone stay, on the bad days too.",
            ),
        ),
    ),
    (
        "gallery",
        {
            "heading": T("Beelden van herstel", "Images of recovery"),
            "images": [
                {
                    "image": image("path"),
                    "alt_text": T(
                        "Een licht pad slingert door groene velden naar de horizon.",
                        "A pale path winds through green fields to the horizon.",
                    ),
                    "decorative": False,
                    "caption": T("Een eigen weg", "A way of one's own"),
                },
                {
                    "image": image("leaves"),
                    "alt_text": T(
                        "Ronde bladvormen in verschillende groenen en oker, verspreid over een "
                        "lichte grond.",
                        "Rounded leaf shapes in several greens and ochre, scattered over a light "
                        "ground.",
                    ),
                    "decorative": False,
                    "caption": T("Groei", "Growth"),
                },
                {
                    "image": image("arch"),
                    "alt_text": T(
                        "Twee donkere oevers, verbonden door één brede oranje boog boven het water.",
                        "Two dark banks joined by one wide orange arch above the water.",
                    ),
                    "decorative": False,
                    "caption": T("Verbinding", "Connection"),
                },
            ],
        },
    ),
    (
        "text",
        rich(
            T(
                "De zin van JILL gaat over de toekomst. Vertrouwen terugkrijgen betekent niet dat alles "
                "wordt zoals vroeger. Het betekent dat iemand zelf weer kiest wie dichtbij mag "
                "komen. Dat gaat niet snel, maar het kan.",
                "JILL's sentence is about the future. Getting trust back does not mean that "
                "everything becomes as it was. It means choosing again, for oneself, who may come "
                "close. It is not quick, but it can happen.",
            ),
            T(
                "Wie dit verhaal leest en zich afvraagt of het over hem of haar zelf gaat: je hoeft "
                "het niet zeker te weten om hulp te vragen. Een gesprek verplicht tot niets. "
                "Hieronder staat waar je terechtkunt, anoniem als je dat wilt, en in je eigen "
                "tempo.",
                "If you read this story and wonder whether it is about you: you do not have to be "
                "sure to ask for help. A conversation commits you to nothing. Below is where you "
                "can turn, anonymously if you wish, and at your own pace.",
            ),
        ),
    ),
    (
        "help_box",
        {
            "heading": T(
                "Herken je iets in dit verhaal?", "Do you recognise something in this story?"
            ),
            "text": "",
        },
    ),
    ("related_stories", {"heading": T("Meer verhalen", "More stories")}),
]

KIM_BODY = [
    (
        "text",
        rich(
            KIM_NOTE,
            T(
                "KIM beschrijft in één zin twee krachten tegelijk: bedreiging van buiten en "
                "schaamte van binnen. Dit verhaal laat zien hoe die twee samenwerken, en waarom "
                "zoveel slachtoffers zo lang zwijgen.",
                "In one sentence KIM describes two forces at once: threats from outside and shame "
                "from inside. This story shows how the two work together, and why so many victims "
                "stay silent for so long.",
            ),
            T(
                "Wie dit leest, kan denken: waarom ging ze niet gewoon weg? Die vraag is begrijpelijk, "
                "maar gaat voorbij aan hoe uitbuiting werkt. Een dreigement tegen familie in het land van "
                "herkomst reikt verder dan elke deur. En wie zich schaamt, zoekt geen hulp bij "
                "mensen die het zouden kunnen ontdekken. Daders weten dat, en gebruiken het.",
                "Someone reading this may think: why did she not simply leave? The question is "
                "understandable, but it misses how exploitation works. A threat against family in "
                "the country of origin reaches further than any door. And someone who is ashamed "
                "does not seek help from people who might find out. Offenders know that, and use "
                "it.",
            ),
            T(
                "Dit verhaal is geschreven voor wie wil begrijpen waarom hulp soms pas na jaren "
                "komt, en voor wie zelf nog twijfelt of praten zin heeft. Het antwoord op die "
                "twijfel is niet eenvoudig, maar er zijn mensen die helpen zoeken.",
                "This story is written for those who want to understand why help sometimes comes "
                "only after years, and for those who still doubt whether speaking makes sense. The "
                "answer to that doubt is not simple, but there are people who help to look for it.",
            ),
        ),
    ),
    ("chapter", {"heading": T("Zwijgen", "Silence"), "anchor": T("zwijgen", "silence")}),
    (
        "testimony_quote",
        {
            "quote": T(
                "Ik stond onder druk van bedreigingen en mijn gevoel van schaamte was groot",
                "I was under pressure of threats and my sense of shame was great",
            ),
            "pseudonym": "KIM",
            "role": "",
            "lang": "",
        },
    ),
    (
        "text",
        rich(
            T(
                "Naar schatting worden in Nederland elk jaar 5.000 tot 7.500 mensen slachtoffer "
                "van mensenhandel. Slechts een klein deel daarvan komt in beeld. Dat gat heeft "
                "redenen: wie wordt bedreigd, denkt eerst aan de veiligheid van zichzelf en van "
                "familie, niet aan aangifte.",
                "An estimated 5,000 to 7,500 people in the Netherlands become victims of human "
                "trafficking every year. Only a small part of them come into view. That gap has "
                "reasons: someone who is threatened thinks first of their own safety and that of "
                "their family, not of reporting a crime.",
            ),
            T(
                "Uitbuiting gebeurt niet alleen in de seksindustrie. Mensen worden ook uitgebuit "
                "in arbeid, bijvoorbeeld in distributiecentra, de bouw of de land- en tuinbouw, en "
                "worden soms gedwongen tot criminele activiteiten. Juist bij dwang tot criminaliteit "
                "is de schaamte groot, en de angst om zelf als dader te worden gezien.",
                "Exploitation does not only happen in the sex industry. People are also exploited "
                "in work, for example in distribution centres, construction or agriculture, and "
                "are sometimes forced into criminal activities. Especially when someone is forced "
                "into crime, the shame is great, and so is the fear of being seen as an offender.",
            ),
        ),
    ),
    (
        "scrolly_steps",
        {
            "heading": T("Hoe druk werkt", "How pressure works"),
            "steps": [
                {
                    "image": image("ripples"),
                    "alt_text": T(
                        "Abstracte illustratie: kringen die zich uitbreiden over donker, stil water.",
                        "Abstract illustration: rings spreading over dark, still water.",
                    ),
                    "decorative": False,
                    "text": rich(
                        T(
                            "Een dreigement hoeft niet vaak herhaald te worden. Eén keer is genoeg "
                            "om lang door te werken, zoals een steen in stil water.",
                            "A threat does not need to be repeated often. Once is enough to keep "
                            "working for a long time, like a stone in still water.",
                        )
                    ),
                },
                {
                    "image": image("mosaic"),
                    "alt_text": T(
                        "Abstracte illustratie: een mozaïek van driehoeken in gedempte tinten, met "
                        "hier en daar een rode driehoek.",
                        "Abstract illustration: a mosaic of triangles in muted shades, with a red "
                        "triangle here and there.",
                    ),
                    "decorative": False,
                    "text": rich(
                        T(
                            "Schulden, een afgepakt paspoort, een baas die ook de huisbaas is: "
                            "kleine stukjes die samen één patroon vormen.",
                            "Debts, a passport taken away, a boss who is also the landlord: small "
                            "pieces that together form one pattern.",
                        )
                    ),
                },
                {
                    "image": image("waves"),
                    "alt_text": T(
                        "Abstracte illustratie: golven in lagen blauw, rustiger naar de horizon toe.",
                        "Abstract illustration: waves in layers of blue, calmer towards the horizon.",
                    ),
                    "decorative": False,
                    "text": rich(
                        T(
                            "Schaamte doet de rest. Wie zich schaamt, vertelt het niet, ook niet "
                            "aan de mensen die zouden kunnen helpen.",
                            "Shame does the rest. Someone who is ashamed does not tell, not even the "
                            "people who could help.",
                        )
                    ),
                },
            ],
        },
    ),
    ("chapter", {"heading": T("Praten", "Speaking"), "anchor": T("praten", "speaking")}),
    (
        "text",
        rich(
            T(
                "Wat helpt iemand om toch te praten? Hulpverleners noemen steeds dezelfde dingen: "
                "iemand die gelooft wat er verteld wordt, uitleg over rechten in een taal die de "
                "persoon begrijpt, en de zekerheid dat praten niet meteen gevolgen heeft voor de "
                "verblijfsstatus of voor familie.",
                "What helps someone to speak after all? Care workers keep naming the same things: "
                "someone who believes what is told, an explanation of rights in a language the "
                "person understands, and the certainty that speaking does not immediately affect "
                "their residence status or their family.",
            ),
            T(
                "In Nederland krijgen mogelijke slachtoffers bedenktijd: een periode om tot rust te "
                "komen en na te denken over aangifte, met opvang en begeleiding. Voor wie van "
                "buiten de Europese Unie komt, is een verblijfsvergunning vaak de voorwaarde om "
                "zich veilig genoeg te voelen om te praten.",
                "In the Netherlands, possible victims get a reflection period: time to recover and "
                "to think about reporting, with shelter and support. For people from outside the "
                "European Union, a residence permit is often the condition for feeling safe enough "
                "to speak.",
            ),
            T(
                "Praten gebeurt zelden in één keer. Vaak begint het met een klein detail, "
                "verteld aan een arts, een docent of een collega. Wie dan rustig reageert en "
                "doorvraagt zonder te oordelen, maakt het volgende gesprek mogelijk. Wie schrikt "
                "of boos wordt, bevestigt juist wat de dader altijd zei: dat niemand het zal "
                "begrijpen. Daarom leren professionals in trainingen niet alleen signalen "
                "herkennen, maar ook hoe je reageert als iemand iets vertelt.",
                "Speaking rarely happens all at once. Often it starts with a small detail, told to "
                "a doctor, a teacher or a colleague. Whoever then responds calmly and asks more "
                "without judging makes the next conversation possible. Whoever is shocked or "
                "angry confirms exactly what the offender always said: that nobody will "
                "understand. That is why professionals learn in training not only to recognise "
                "signs, but also how to respond when someone tells them something.",
            ),
        ),
    ),
    (
        "backdrop",
        {
            "image": image("steps"),
            "alt_text": T(
                "Abstracte illustratie: blokken die als een trap oplopen van donker links naar "
                "licht rechts.",
                "Abstract illustration: blocks rising like a staircase from dark on the left to "
                "light on the right.",
            ),
            "decorative": False,
            "transition": "fade",
            "cards": [
                rich(
                    T(
                        "Eerste stap: een plek waar niemand iets van je eist.",
                        "First step: a place where nobody demands anything of you.",
                    )
                ),
                rich(
                    T(
                        "Tweede stap: iemand die uitlegt wat er kan, zonder druk om te kiezen.",
                        "Second step: someone who explains what is possible, without pressure to "
                        "choose.",
                    )
                ),
                rich(
                    T(
                        "Derde stap: zelf besluiten wat je vertelt, aan wie, en wanneer.",
                        "Third step: deciding for yourself what you tell, to whom, and when.",
                    )
                ),
            ],
        },
    ),
    (
        "pull_quote",
        {
            "quote": T(
                "Schaamte hoort bij de dader, niet bij wie werd uitgebuit.",
                "Shame belongs to the offender, not to the person who was exploited.",
            ),
            "attribution": T("Uit de demotekst", "From the demo text"),
        },
    ),
    (
        "figure",
        {
            "image": image("path"),
            "alt_text": T(
                "Abstracte illustratie: een licht pad slingert door groene velden naar een "
                "heldere horizon.",
                "Abstract illustration: a pale path winds through green fields to a bright horizon.",
            ),
            "decorative": False,
            "caption": T("Een weg die zelf gekozen wordt.", "A way that is chosen freely."),
            "credit": T("Demo-illustratie", "Demo illustration"),
            "width": "full",
        },
    ),
    ("chapter", {"heading": T("Verder", "Onwards"), "anchor": T("verder", "onwards")}),
    (
        "text",
        rich(
            T(
                "Na het praten begint een ander werk: wonen, werk, geld, soms een rechtszaak. "
                "Voor sommigen betekent verder gaan een toekomst in Nederland, voor anderen een "
                "veilige terugkeer naar het land van herkomst, voorbereid met een organisatie "
                "daar. Bij de methode Safe Future is terugkeer vanaf het eerste moment "
                "bespreekbaar, zonder dat iemand wordt gedwongen.",
                "After speaking, a different kind of work begins: housing, work, money, sometimes "
                "a court case. For some, moving on means a future in the Netherlands; for others, "
                "a safe return to their country of origin, prepared with an organisation there. In "
                "the Safe Future method, return can be discussed from the first moment, without "
                "anyone being forced.",
            ),
            T(
                "De zin van KIM eindigt bij de schaamte. Dat is eerlijk: zo voelde het. Wie haar "
                "woorden leest en iets herkent, mag weten dat die schaamte niet het einde van het "
                "verhaal hoeft te zijn. Er zijn mensen die luisteren, zonder oordeel en zonder "
                "haast.",
                "KIM's sentence ends with shame. That is honest: that is how it felt. Anyone who "
                "reads her words and recognises something may know that this shame need not be the "
                "end of the story. There are people who listen, without judgement and without "
                "hurry.",
            ),
            T(
                "Ook na het vertrek blijft de druk soms bestaan. Daders hebben telefoonnummers, "
                "adressen van familie, soms foto's. Daarom zoeken hulpverleners samen met de "
                "persoon naar wat veiligheid concreet betekent: een nieuw nummer, een andere "
                "stad, afspraken met de politie, en mensen die je kunt bellen als het misgaat.",
                "Even after leaving, the pressure sometimes remains. Offenders have phone numbers, "
                "addresses of family, sometimes photos. That is why care workers look, together "
                "with the person, at what safety means in practice: a new number, another town, "
                "agreements with the police, and people to call when things go wrong.",
            ),
            T(
                "Europese projecten als REST en SAFE! werken aan dezelfde vragen over grenzen "
                "heen: hoe herken je slachtoffers vroeg, hoe krijgen ze een verblijfsstatus die "
                "lang genoeg bescherming biedt, en hoe verloopt een terugkeer veilig? Het "
                "antwoord begint steeds bij hetzelfde punt: iemand moet het verhaal kunnen "
                "vertellen zonder bang te zijn.",
                "European projects such as REST and SAFE! work on the same questions across "
                "borders: how do you recognise victims early, how do they get a residence status "
                "that protects them long enough, and how does a return go safely? The answer "
                "always starts at the same point: someone must be able to tell the story without "
                "being afraid.",
            ),
        ),
    ),
    (
        "help_box",
        {
            "heading": T("Praten kan, anoniem", "You can talk, anonymously"),
            "text": "",
        },
    ),
    ("related_stories", {"heading": T("Meer verhalen", "More stories")}),
]

MARK_BODY = [
    ("text", rich(FICTION_NOTE)),
    (
        "chapter",
        {"heading": T("De controle", "The inspection"), "anchor": T("controle", "inspection")},
    ),
    (
        "text",
        rich(
            T(
                "Ik ben handhaver. Met collega's van de gemeente, de Arbeidsinspectie en soms de "
                "politie controleer ik panden waar arbeidsmigranten wonen. Meestal vinden we niets "
                "bijzonders: te veel mensen in een huis, een kapotte rookmelder. Maar soms klopt er "
                "iets niet, en dat zie je niet aan het huis.",
                "I am an enforcement officer. With colleagues from the municipality, the Labour "
                "Inspectorate and sometimes the police, I inspect buildings where labour migrants "
                "live. Mostly we find nothing special: too many people in one house, a broken smoke "
                "alarm. But sometimes something is not right, and you do not see that from the "
                "house.",
            ),
            T(
                "Je ziet het aan mensen. Wie doet het woord? Wie kijkt eerst naar een ander "
                "voordat hij antwoordt? Wie heeft zijn eigen paspoort niet? Wie weet niet in welke "
                "plaats hij woont? Dat zijn de signalen waar ik op let.",
                "You see it in people. Who does the talking? Who looks at someone else before "
                "answering? Who does not have their own passport? Who does not know which town they "
                "live in? Those are the signs I watch for.",
            ),
            T(
                "Geen van die signalen bewijst iets. Samen vormen ze een patroon dat reden geeft "
                "om door te vragen, apart en met een tolk.",
                "None of those signs proves anything. Together they form a pattern that gives "
                "reason to ask more, separately and with an interpreter.",
            ),
        ),
    ),
    (
        "testimony_quote",
        {
            # Not the cover's quotation: a page shows a quotation once (longread.blocks).
            "quote": T(
                "Ik tel niet hoeveel mensen er wonen. Ik kijk wie er niet zelf de deur uit mag.",
                "I do not count how many people live there. I look at who may not walk out "
                "the door on their own.",
            ),
            "pseudonym": "Mark [demo]",
            "role": T("Handhaver", "Enforcement officer"),
            "lang": "",
        },
    ),
    (
        "key_figures",
        {
            "heading": T("Waarom signalen ertoe doen", "Why signs matter"),
            "figures": [
                {
                    "figure": T("5.000–7.500", "5,000–7,500"),
                    "count_to": None,
                    "label": T(
                        "geschatte slachtoffers van mensenhandel per jaar in Nederland",
                        "estimated victims of human trafficking a year in the Netherlands",
                    ),
                    "source": T("Schatting genoemd door CoMensha", "Estimate quoted by CoMensha"),
                },
                {
                    "figure": "3",
                    "count_to": 3,
                    "label": T(
                        "thema's van het Aanjaagteam: huisvesting, veilig werk, sociale zekerheid",
                        "themes of the task force: housing, safe work, social security",
                    ),
                    "source": T(
                        "Aanjaagteam Bescherming Arbeidsmigranten",
                        "Task force for the protection of labour migrants",
                    ),
                },
            ],
        },
    ),
    (
        "chapter",
        {
            "heading": T("Samenwerken", "Working together"),
            "anchor": T("samenwerken", "working-together"),
        },
    ),
    (
        "text",
        rich(
            T(
                "Een handhaver kan niet alles zelf. Als ik signalen zie, meld ik die. De zorg, de "
                "politie en CoMensha nemen het over; zo werkt de ketenaanpak. Mijn taak is om het "
                "niet te laten liggen, ook als het druk is en het huis op papier in orde lijkt.",
                "An enforcement officer cannot do everything alone. When I see signs, I report "
                "them. Care services, the police and CoMensha take it from there; that is how the "
                "chain approach works. My job is not to let it go, even when it is busy and the "
                "house seems fine on paper.",
            ),
            T(
                "Tijdens de coronapandemie zag iedereen ineens hoe kwetsbaar arbeidsmigranten zijn: "
                "wonen, werk en vervoer in handen van dezelfde werkgever. Wie zijn baan verliest, "
                "verliest ook zijn bed. Het Aanjaagteam onder leiding van Emile Roemer schreef "
                "daarover adviezen; CoMensha droeg aanbevelingen bij.",
                "During the COVID-19 pandemic everyone suddenly saw how vulnerable labour migrants "
                "are: housing, work and transport in the hands of the same employer. Whoever loses "
                "their job also loses their bed. The task force chaired by Emile Roemer wrote "
                "recommendations on this; CoMensha contributed to them.",
            ),
            T(
                "Ik werk daarom nooit alleen. Bij elke controle is er een collega die let op wat "
                "ik mis, en na afloop bespreken we wat we zagen. Twee paar ogen zien meer dan één.",
                "That is why I never work alone. At every inspection there is a colleague who "
                "watches for what I miss, and afterwards we talk through what we saw. Two pairs of "
                "eyes see more than one.",
            ),
        ),
    ),
    (
        "timeline",
        {
            "heading": T("Een melding, stap voor stap (demo)", "A report, step by step (demo)"),
            "events": [
                {
                    "when": T("Dag 1", "Day 1"),
                    "title": T("Controle van een woning", "Inspection of a house"),
                    "text": T(
                        "Veertien mensen, twee slaapkamers. Eén man beantwoordt alle vragen.",
                        "Fourteen people, two bedrooms. One man answers every question.",
                    ),
                },
                {
                    "when": T("Dag 1", "Day 1"),
                    "title": T("Signalen gemeld", "Signs reported"),
                    "text": T(
                        "De signalen gaan naar de politie en naar CoMensha.",
                        "The signs go to the police and to CoMensha.",
                    ),
                },
                {
                    "when": T("Week 1", "Week 1"),
                    "title": T("Gesprek met een tolk", "Talk with an interpreter"),
                    "text": T(
                        "Apart, zonder de man die het woord deed.",
                        "Separately, without the man who did the talking.",
                    ),
                },
                {
                    "when": T("Week 2", "Week 2"),
                    "title": T("Opvang en bedenktijd", "Shelter and time to reflect"),
                    "text": T(
                        "Twee bewoners kiezen voor opvang en begeleiding.",
                        "Two residents choose shelter and support.",
                    ),
                },
            ],
        },
    ),
    (
        "figure",
        {
            "image": image("routes"),
            "alt_text": T(
                "Abstracte illustratie: gestippelde routes tussen kleine cirkels op een licht veld.",
                "Abstract illustration: dotted routes between small circles on a pale field.",
            ),
            "decorative": False,
            "caption": T(
                "Signalen lopen via veel handen: gemeente, inspectie, politie, zorg.",
                "Signs pass through many hands: municipality, inspectorate, police, care.",
            ),
            "credit": T("Demo-illustratie", "Demo illustration"),
            "width": "wide",
        },
    ),
    (
        "video",
        {
            "media": None,
            "external_url": "https://www.youtube-nocookie.com/embed/demo-enforcement-officer",
            "title": T(
                "Een handhaver vertelt (demo: het adres is een voorbeeld)",
                "An enforcement officer speaks (demo: the address is a placeholder)",
            ),
            "poster": image("planes"),
            "privacy_note": "",
            "transcript": rich(
                T(
                    "[Demo: bij een echte video staat hier alles wat er gezegd wordt.]",
                    "[Demo: for a real video, everything that is said is written here.]",
                )
            ),
        },
    ),
    (
        "chapter",
        {"heading": T("Wat ik leerde", "What I learned"), "anchor": T("geleerd", "what-i-learned")},
    ),
    (
        "text",
        rich(
            T(
                "Het belangrijkste dat ik leerde: vraag niet of iemand slachtoffer is. Bijna "
                "niemand zegt ja. Vraag wie de huur betaalt, wie de sleutel heeft, wat er gebeurt "
                "als je ziek bent. Uit die antwoorden blijkt meer dan uit welk formulier ook.",
                "The most important thing I learned: do not ask whether someone is a victim. "
                "Almost nobody says yes. Ask who pays the rent, who holds the key, what happens "
                "when you are ill. Those answers show more than any form.",
            ),
            T(
                "En neem de tijd. Een controle duurt een uur; vertrouwen kost langer. Daarom is "
                "het goed dat ik het na de melding kan overdragen aan mensen die wel die tijd "
                "hebben.",
                "And take your time. An inspection takes an hour; trust takes longer. That is why "
                "it is good that after a report I can hand over to people who do have that time.",
            ),
            T(
                "Soms gaat het mis. Dan zie ik bij een volgende controle dezelfde man die het woord "
                "doet, in een ander huis, met andere bewoners. Dat is frustrerend. Maar elke melding "
                "wordt bewaard en verbonden met andere meldingen. Zo ontstaat een beeld dat een "
                "rechercheur later wel kan gebruiken.",
                "Sometimes it goes wrong. Then at the next inspection I see the same man doing the "
                "talking, in another house, with other residents. That is frustrating. But every "
                "report is kept and connected to other reports. That builds a picture that a "
                "detective can use later.",
            ),
        ),
    ),
    ("related_stories", {"heading": T("Meer verhalen", "More stories")}),
]

NOOR_BODY = [
    ("text", rich(FICTION_NOTE)),
    (
        "chapter",
        {
            "heading": T("De eerste nacht", "The first night"),
            "anchor": T("eerste-nacht", "first-night"),
        },
    ),
    (
        "text",
        rich(
            T(
                "Ik ben zorgcoördinator. Als er ergens in Nederland een mogelijk slachtoffer van "
                "mensenhandel wordt gevonden, zorg ik dat die persoon een veilige plek heeft om te "
                "slapen, en dat de hulp daarna op elkaar aansluit. Mijn werk begint vaak met een "
                "bed, een maaltijd en rust.",
                "I am a care coordinator. When a possible victim of human trafficking is found "
                "anywhere in the Netherlands, I make sure that person has a safe place to sleep, "
                "and that the help afterwards fits together. My work often starts with a bed, a "
                "meal and some calm.",
            ),
            T(
                "De eerste nacht stel ik weinig vragen. Wie net weg is, heeft vaak dagen niet "
                "geslapen. Een verhaal komt later, als het komt. Eerst moet iemand merken dat deze "
                "plek anders is: hier wordt niets geëist.",
                "On the first night I ask few questions. Someone who has only just left has often "
                "not slept for days. A story comes later, if it comes. First someone has to notice "
                "that this place is different: nothing is demanded here.",
            ),
            T(
                "Soms zit ik een uur in stilte naast iemand. Dat voelt niet als werk, maar het is "
                "misschien het belangrijkste wat ik die dag doe.",
                "Sometimes I sit beside someone in silence for an hour. It does not feel like work, "
                "but it may be the most important thing I do that day.",
            ),
        ),
    ),
    (
        "pull_quote",
        {
            # Not the cover's quotation: a page shows a quotation once (longread.blocks).
            "quote": T(
                "De eerste nacht hoeft niemand iets uit te leggen. Eerst slapen, dan praten.",
                "On the first night nobody has to explain anything. Sleep first, talk later.",
            ),
            "attribution": T("Noor [demo], zorgcoördinator", "Noor [demo], care coordinator"),
        },
    ),
    (
        "key_figures",
        {
            "heading": T("De opgave", "The task"),
            "figures": [
                {
                    "figure": T("5.000–7.500", "5,000–7,500"),
                    "count_to": None,
                    "label": T(
                        "geschatte slachtoffers per jaar in Nederland",
                        "estimated victims a year in the Netherlands",
                    ),
                    "source": T("Schatting genoemd door CoMensha", "Estimate quoted by CoMensha"),
                },
                {
                    "figure": "3",
                    "count_to": 3,
                    "label": T(
                        "landen in het verwijsmechanisme van RAVOT-EUR: Hongarije, België, "
                        "Nederland",
                        "countries in the RAVOT-EUR referral mechanism: Hungary, Belgium, the "
                        "Netherlands",
                    ),
                    "source": T("RAVOT-EUR, 2014–2016", "RAVOT-EUR, 2014–2016"),
                },
            ],
        },
    ),
    ("chapter", {"heading": T("De keten", "The chain"), "anchor": T("keten", "the-chain")}),
    (
        "text",
        rich(
            T(
                "Niemand kan dit alleen. In één week bel ik met de opvang, met een advocaat, met "
                "de gemeente over een uitkering, met de huisarts en soms met een organisatie in "
                "het buitenland. Mijn taak is dat de persoon om wie het gaat niet vijf keer "
                "hetzelfde verhaal hoeft te vertellen.",
                "Nobody can do this alone. In one week I call the shelter, a lawyer, the "
                "municipality about benefits, the GP and sometimes an organisation abroad. My job "
                "is to make sure the person it is about does not have to tell the same story five "
                "times.",
            ),
            T(
                "Gemeenten hebben daarin een sleutelrol. Met de VNG maakte CoMensha het Kompas "
                "Aanpak Mensenhandel, een digitale wegwijzer voor gemeenten en professionals. Ik "
                "gebruik het als ik een nieuwe collega uitleg wie waarvoor verantwoordelijk is.",
                "Municipalities have a key role in this. With the VNG, CoMensha made the Kompas "
                "Aanpak Mensenhandel, a digital guide for municipalities and professionals. I use "
                "it when I explain to a new colleague who is responsible for what.",
            ),
            T(
                "Dat vraagt veel overleg, en soms geduld met regels die niet op elkaar aansluiten. "
                "Een uitkering die pas komt als er een adres is, een adres dat er pas is als er "
                "geld is. Mijn werk is om die knopen los te maken, zodat de persoon zelf ruimte "
                "heeft om te herstellen.",
                "That takes a lot of consultation, and sometimes patience with rules that do not "
                "fit together. Benefits that only come once there is an address, an address that "
                "only exists once there is money. My work is to untie those knots, so that the "
                "person has room to recover.",
            ),
        ),
    ),
    (
        "timeline",
        {
            "heading": T("Een traject (demo)", "A journey of care (demo)"),
            "events": [
                {
                    "when": T("Nacht 1", "Night 1"),
                    "title": T("Een veilig bed", "A safe bed"),
                    "text": T(
                        "Opvang, eten, rust. Geen vragen.", "Shelter, food, rest. No questions."
                    ),
                },
                {
                    "when": T("Week 1", "Week 1"),
                    "title": T("Wat is er nodig?", "What is needed?"),
                    "text": T(
                        "Medische zorg, een advocaat, uitleg over rechten in de eigen taal.",
                        "Medical care, a lawyer, an explanation of rights in one's own language.",
                    ),
                },
                {
                    "when": T("Maand 1", "Month 1"),
                    "title": T("Keuzes", "Choices"),
                    "text": T(
                        "Aangifte of niet; blijven of terugkeren. Alles mag besproken worden.",
                        "Reporting or not; staying or returning. Everything can be discussed.",
                    ),
                },
                {
                    "when": T("Maand 6", "Month 6"),
                    "title": T("Een eigen plek", "A place of one's own"),
                    "text": T(
                        "Wonen, werk of school, en een netwerk dat blijft.",
                        "Housing, work or school, and a network that stays.",
                    ),
                },
            ],
        },
    ),
    (
        "video",
        {
            "media": None,
            "external_url": "https://www.youtube-nocookie.com/embed/demo-care-coordinator",
            "title": T(
                "Een zorgcoördinator vertelt (demo: het adres is een voorbeeld)",
                "A care coordinator speaks (demo: the address is a placeholder)",
            ),
            "poster": None,
            "privacy_note": "",
            "transcript": rich(
                T(
                    "[Demo: bij een echte video staat hier alles wat er gezegd wordt.]",
                    "[Demo: for a real video, everything that is said is written here.]",
                )
            ),
        },
    ),
    ("chapter", {"heading": T("Terugkeer", "Return"), "anchor": T("terugkeer", "returning-home")}),
    (
        "text",
        rich(
            T(
                "Sommige mensen willen terug naar huis. Met de methode Safe Future is terugkeer "
                "vanaf het begin bespreekbaar: we bereiden het vertrek samen voor en zoeken contact "
                "met een organisatie in het land van herkomst, die helpt bij het opbouwen van een "
                "nieuw bestaan.",
                "Some people want to go home. With the Safe Future method, return can be discussed "
                "from the start: we prepare the departure together and look for contact with an "
                "organisation in the country of origin, which helps to build a new life.",
            ),
            T(
                "Wat ik collega's altijd meegeef: beloof niets wat je niet kunt nakomen. Elke "
                "afspraak die je houdt, telt. Elke afspraak die je breekt, ook.",
                "What I always tell colleagues: promise nothing you cannot keep. Every appointment "
                "you keep counts. So does every one you break.",
            ),
            T(
                "Een terugkeer is geen mislukking en ook geen einde van de hulp. Via de sociale "
                "kaart die in het project SAFE! is gemaakt, vinden we organisaties in andere "
                "Europese landen die mensen na hun terugkeer opvangen. Zo loopt de keten door over "
                "de grens.",
                "A return is not a failure, nor the end of the help. Through the social map made "
                "in the SAFE! project, we find organisations in other European countries that "
                "support people after their return. That way the chain continues across the "
                "border.",
            ),
        ),
    ),
    (
        "figure",
        {
            "image": image("leaves"),
            "alt_text": T(
                "Abstracte illustratie: ronde bladvormen in groen en oker op een lichte grond.",
                "Abstract illustration: rounded leaf shapes in green and ochre on a light ground.",
            ),
            "decorative": False,
            "caption": T("Wat groeit, heeft tijd nodig.", "What grows needs time."),
            "credit": T("Demo-illustratie", "Demo illustration"),
            "width": "inline",
        },
    ),
    (
        "document",
        {
            "document": {"document": "demo-factsheet"},
            "title": T("Factsheet (demo)", "Factsheet (demo)"),
            "description": T(
                "Een voorbeeld van een document om te downloaden.",
                "An example of a document to download.",
            ),
            "language": "nl",
        },
    ),
    ("related_stories", {"heading": T("Meer verhalen", "More stories")}),
]

# Consent: days before today that consent was given, and its scope.
TESTIMONIES = [
    {
        "pseudonym": "JILL",
        "kind": "survivor",
        "role": {"nl": "", "en": ""},
        "themes": ["sexual"],
        "consent": {
            "given_days_ago": 120,
            "api": True,
            "social": True,
            "photos": True,
            "audio": True,
        },
        "title": {"nl": "Mijn vertrouwen terug", "en": "Getting my trust back"},
        "slug": {"nl": "jill", "en": "jill"},
        "quote": {
            "nl": "Het belangrijkste is dat ik mijn vertrouwen weer terug krijg",
            "en": "The most important thing is that I get my trust back",
        },
        "teaser": {
            "nl": "Over de zin die JILL koos: wat vertrouwen is, hoe het breekt en hoe het "
            "langzaam terugkomt.",
            "en": "About the sentence JILL chose: what trust is, how it breaks and how it slowly "
            "returns.",
        },
        "content_note": {
            "nl": "Dit verhaal gaat over seksuele uitbuiting en dwang.",
            "en": "This story is about sexual exploitation and coercion.",
        },
        "image": "hills",
        "hero_alt": {
            "nl": "Abstracte illustratie: lagen heuvels van oranje tot donkerrood onder een "
            "bleke zon.",
            "en": "Abstract illustration: layers of hills from orange to dark red under a pale sun.",
        },
        "body": JILL_BODY,
    },
    {
        "pseudonym": "KIM",
        "kind": "survivor",
        "role": {"nl": "", "en": ""},
        "themes": ["labour", "criminal"],
        # Given 340 days ago: the twelve-month review falls within the next 30 days.
        "consent": {"given_days_ago": 340, "api": True},
        "title": {"nl": "Onder druk", "en": "Under pressure"},
        "slug": {"nl": "kim", "en": "kim"},
        "quote": {
            "nl": "Ik stond onder druk van bedreigingen en mijn gevoel van schaamte was groot",
            "en": "I was under pressure of threats and my sense of shame was great",
        },
        "teaser": {
            "nl": "Over de zin van KIM: hoe bedreiging en schaamte mensen laten zwijgen, en wat "
            "helpt om te praten.",
            "en": "About KIM's sentence: how threats and shame keep people silent, and what helps "
            "them speak.",
        },
        "content_note": {
            "nl": "Dit verhaal gaat over bedreiging en uitbuiting.",
            "en": "This story is about threats and exploitation.",
        },
        "image": "ripples",
        "hero_alt": {
            "nl": "Abstracte illustratie: kringen die zich uitbreiden over donker, stil water.",
            "en": "Abstract illustration: rings spreading over dark, still water.",
        },
        "body": KIM_BODY,
    },
    {
        "pseudonym": "Mark [demo]",
        "kind": "professional",
        "role": {"nl": "Handhaver", "en": "Enforcement officer"},
        "themes": ["labour"],
        "consent": {"given_days_ago": 60, "api": True, "photos": True, "video": True},
        "title": {"nl": "Wat ik zie bij controles", "en": "What I see during inspections"},
        "slug": {"nl": "handhaver-mark", "en": "enforcement-officer-mark"},
        "quote": {
            "nl": "Een vol huis zegt niets, totdat je ziet wie de sleutel heeft.",
            "en": "A crowded house says nothing, until you see who holds the key.",
        },
        "teaser": {
            "nl": "Een handhaver over de signalen die je leert zien, en waarom hij ze nooit laat "
            "liggen.",
            "en": "An enforcement officer on the signs you learn to see, and why he never lets "
            "them go.",
        },
        "content_note": {"nl": "", "en": ""},
        "image": "windows",
        "hero_alt": {
            "nl": "Abstracte illustratie: donkere huizenblokken in de schemering, een paar "
            "kleine ramen verlicht.",
            "en": "Abstract illustration: dark blocks of houses at dusk, a few small windows lit.",
        },
        "body": MARK_BODY,
    },
    {
        "pseudonym": "Noor [demo]",
        "kind": "professional",
        "role": {"nl": "Zorgcoördinator", "en": "Care coordinator"},
        "themes": ["sexual", "labour"],
        "consent": {"given_days_ago": 30, "api": False, "photos": True, "video": True},
        "title": {"nl": "Zorg die blijft", "en": "Care that stays"},
        "slug": {"nl": "zorgcoordinator-noor", "en": "care-coordinator-noor"},
        "quote": {
            "nl": "Vertrouwen bouw je niet in een gesprek, maar in honderd kleine afspraken.",
            "en": "You do not build trust in one conversation, but in a hundred small appointments.",
        },
        "teaser": {
            "nl": "Een zorgcoördinator over de eerste nacht, de keten en een veilige terugkeer.",
            "en": "A care coordinator on the first night, the chain and a safe return.",
        },
        "content_note": {"nl": "", "en": ""},
        "image": "arch",
        "hero_alt": {
            "nl": "Abstracte illustratie: twee donkere oevers, verbonden door één brede oranje "
            "boog boven het water.",
            "en": "Abstract illustration: two dark banks joined by one wide orange arch above the "
            "water.",
        },
        "body": NOOR_BODY,
    },
]

# A calm tone as demo audio, and a one-page PDF as demo document, both generated.
MEDIA = {"calm-tone": {"title": "Demo-geluid: rustige toon", "seconds": 4}}
DOCUMENTS = {"demo-factsheet": {"title": "Factsheet (demo)"}}

# Abstract illustrations, drawn at seed time (demo/illustrations.py), each for its place.
IMAGES = {
    "hills": {
        "nl": "Illustratie heuvels",
        "style": "hills",
        "seed": 101,
        "palette": ["#f7e3c6", "#fff4dc", "#e8a87c", "#c96f53", "#8c3b4a", "#4a2a3a"],
    },
    "horizon": {
        "nl": "Illustratie horizon",
        "style": "horizon",
        "seed": 102,
        "palette": ["#e9eef2", "#b8c8d6", "#2e3f52", "#ffffff"],
    },
    "threads": {
        "nl": "Illustratie lijnen",
        "style": "threads",
        "seed": 103,
        "palette": ["#fbf3e4", "#7a1f3d", "#2f6b4f", "#d8a47f", "#4f6d7a"],
    },
    "planes": {
        "nl": "Illustratie vlakken",
        "style": "planes",
        "seed": 104,
        "palette": ["#fff7e8", "#f2c57c", "#dd6e42", "#4f6d7a", "#e8d5b5"],
    },
    "doorway": {
        "nl": "Illustratie open deur",
        "style": "doorway",
        "seed": 105,
        "palette": ["#2a2730", "#3b3640", "#ffd9a0"],
    },
    "windows": {
        "nl": "Illustratie ramen",
        "style": "windows",
        "seed": 106,
        "palette": ["#3d4f6b", "#1f2430", "#ffcf7a"],
    },
    "path": {
        "nl": "Illustratie pad",
        "style": "path",
        "seed": 107,
        "palette": ["#bcd3c8", "#f4ead5", "#9bbf8a", "#6f9a6a", "#4d7552"],
    },
    "ripples": {
        "nl": "Illustratie kringen",
        "style": "ripples",
        "seed": 108,
        "palette": ["#17303f", "#6fa3b8", "#f1e3b8"],
    },
    "mosaic": {
        "nl": "Illustratie mozaïek",
        "style": "mosaic",
        "seed": 109,
        "palette": ["#2b2d42", "#e9c46a", "#e76f51"],
    },
    "steps": {
        "nl": "Illustratie trap",
        "style": "steps",
        "seed": 110,
        "palette": ["#f0ebe3", "#3d405b", "#f2cc8f"],
    },
    "arch": {
        "nl": "Illustratie boog",
        "style": "arch",
        "seed": 111,
        "palette": ["#f6e7d8", "#7fa7b5", "#5c4b51", "#c0653f"],
    },
    "leaves": {
        "nl": "Illustratie bladeren",
        "style": "leaves",
        "seed": 112,
        "palette": ["#eef3e2", "#5b8c5a", "#8fbc8f", "#2f5d50", "#c9a227"],
    },
    "waves": {
        "nl": "Illustratie golven",
        "style": "waves",
        "seed": 113,
        "palette": ["#a9c7d8", "#7fa7c2", "#4f7ea8", "#2f5d8a", "#1d3b5c"],
    },
    "routes": {
        "nl": "Illustratie routes",
        "style": "routes",
        "seed": 114,
        "palette": ["#f3efe6", "#7a1f3d", "#2f6b4f"],
    },
    "rays": {
        "nl": "Illustratie stralen",
        "style": "rays",
        "seed": 115,
        "palette": ["#f5c99b", "#fff1d6", "#fff8ec", "#6b4f4f"],
    },
}


# --- Projects, news and organisations ---------------------------------------------------------
# Organisations named in the facts. Cities, websites, e-mail addresses and phone numbers are not
# in the facts: cities and phone numbers stay empty, websites and e-mail addresses are labelled
# placeholders under example.org; kinds of help follow the roles the facts describe.
ORGANISATION_PLACEHOLDER_NOTE = T(
    "Demo: website en e-mailadres zijn voorbeelden, geen echte contactgegevens.",
    "Demo: the website and e-mail address are examples, not real contact details.",
)
ORGANISATIONS = [
    {
        "key": "lefoe",
        "name": "LEFÖ-IBF",
        "country": "AT",
        "kinds": ["shelter", "legal"],
        "description": T("Coördinator van het REST-project.", "Coordinator of the REST project."),
    },
    {
        "key": "ccem",
        "name": "Comité Contre l'Esclavage Moderne",
        "country": "FR",
        "kinds": ["legal"],
        "description": T("Partner in het REST-project.", "Partner in the REST project."),
    },
    {
        "key": "esperanza",
        "name": "Proyecto Esperanza",
        "country": "ES",
        "kinds": ["shelter"],
        "description": T("Partner in het REST-project.", "Partner in the REST project."),
    },
    {
        "key": "strada-md",
        "name": "La Strada Moldova",
        "country": "MD",
        "kinds": ["return"],
        "description": T("Partner in het REST-project.", "Partner in the REST project."),
    },
    {
        "key": "astra",
        "name": "Astra",
        "country": "RS",
        "kinds": ["return"],
        "description": T("Partner in het REST-project.", "Partner in the REST project."),
    },
    {
        "key": "comensha",
        "name": "CoMensha",
        "country": "NL",
        "kinds": ["referral", "policy"],
        "description": T(
            "Coördinatiecentrum tegen mensenhandel.",
            "Coordination centre against human trafficking.",
        ),
    },
    {
        "key": "lsi",
        "name": "La Strada International",
        "country": "NL",
        "kinds": ["policy"],
        "description": T(
            "Europees netwerk tegen mensenhandel.", "European network against human trafficking."
        ),
    },
    {
        "key": "hvo",
        "name": "HVO-Querido",
        "country": "NL",
        "kinds": ["shelter", "health"],
        "description": T("Leidde het SAFE-project.", "Led the SAFE project."),
    },
    {
        "key": "iom-nl",
        "name": "IOM Nederland",
        "country": "NL",
        "kinds": ["return"],
        "description": T(
            "Ondersteunt vrijwillige en veilige terugkeer.", "Supports voluntary and safe return."
        ),
    },
    {
        "key": "fairwork",
        "name": "FairWork",
        "country": "NL",
        "kinds": ["labour"],
        "description": T("Partner in het SAFE-project.", "Partner in the SAFE project."),
    },
    {
        "key": "police",
        "name": "Nationale Politie",
        "country": "NL",
        "kinds": ["referral"],
        "description": T("Partner in het SAFE-project.", "Partner in the SAFE project."),
    },
    {
        "key": "humanitas",
        "name": "Stichting Humanitas",
        "country": "NL",
        "kinds": ["health"],
        "description": T("Partner in het SAFE-project.", "Partner in the SAFE project."),
    },
    {
        "key": "payoke",
        "name": "Payoke vzw",
        "country": "BE",
        "kinds": ["shelter", "return"],
        "description": T("Aanvrager van RAVOT-EUR.", "Applicant of RAVOT-EUR."),
    },
    {
        "key": "hu-interior",
        "name": "Belügyminisztérium",
        "country": "HU",
        "kinds": ["policy"],
        "description": T(
            "Het Hongaarse ministerie van Binnenlandse Zaken. Leidde RAVOT-EUR namens Hongarije.",
            "Hungary's Ministry of Interior. Led RAVOT-EUR for Hungary.",
        ),
    },
    {
        "key": "nl-justice",
        "name": "Ministerie van Veiligheid en Justitie",
        "country": "NL",
        "kinds": ["policy"],
        "description": T("Aanvrager van RAVOT-EUR.", "Applicant of RAVOT-EUR."),
    },
    {
        "key": "nl-foreign",
        "name": "Ministerie van Buitenlandse Zaken",
        "country": "NL",
        "kinds": ["policy"],
        "description": T("Startte COMPASS met IOM.", "Launched COMPASS with IOM."),
    },
    {
        "key": "vng",
        "name": "VNG",
        "country": "NL",
        "kinds": ["policy"],
        "description": T(
            "Vereniging van Nederlandse Gemeenten.", "Association of Netherlands Municipalities."
        ),
    },
    {
        "key": "dtv",
        "name": "Dienst Terugkeer en Vertrek",
        "country": "NL",
        # A government service that carries out departure, not a helper a reader turns to:
        # listed in the directory, not among the organisations that help with return.
        "kinds": [],
        "description": T(
            "Overheidsdienst die het vertrek uit Nederland uitvoert.",
            "The government service that carries out departure from the Netherlands.",
        ),
    },
]

PROJECT_INDEX = {
    "title": T("Projecten", "Projects"),
    "slug": T("projecten", "projects"),
    "intro": T(
        "Europese samenwerking om slachtoffers beter te beschermen.",
        "European cooperation to protect victims better.",
    ),
}
NEWS_INDEX = {
    "title": T("Nieuws", "News"),
    "slug": T("nieuws", "news"),
    "intro": T(
        "Nieuws over projecten en over de aanpak van mensenhandel.",
        "News about projects and about tackling human trafficking.",
    ),
}
DIRECTORY = {
    "title": T("Organisaties", "Organisations"),
    "slug": T("organisaties", "organisations"),
    "intro": T(
        "Organisaties in Europa die slachtoffers helpen, naar het voorbeeld van de sociale kaart die het SAFE-project maakte (demo: de soorten hulp zijn indicatief).",
        "Organisations in Europe that help victims. A social map like the one the SAFE project made (demo: kinds of help are indicative).",
    ),
}
RETURN_PAGE = {
    "title": T("Terugkeer naar huis", "Returning home"),
    "slug": T("terugkeer", "returning-home"),
    "intro": T(
        "Wie terug wil naar het land van herkomst, hoeft dat niet alleen te doen.",
        "Anyone who wants to return to their country of origin does not have to do it alone.",
    ),
    "body": [
        (
            "text",
            rich(
                T(
                    "Teruggaan is een keuze die je zelf maakt. Je hoeft niet nu te beslissen, en je beslist niet alleen: hulpverleners denken met je mee, ook als je twijfelt of als je liever blijft.",
                    "Going back is a choice you make yourself. You do not have to decide now, and you do not decide alone: support workers think it through with you, also when you are unsure or would rather stay.",
                ),
            ),
        ),
        (
            "chapter",
            {
                "heading": T("Met wie neem je eerst contact op?", "Whom to contact first"),
                "anchor": T("eerst-contact", "whom-to-contact-first"),
            },
        ),
        (
            "text",
            rich(
                T(
                    "Praat eerst met je eigen hulpverlener, zoals je zorgcoördinator of de opvang waar je verblijft. Heb je die niet, neem dan contact op met CoMensha: zij brengen je in contact met de juiste organisatie.",
                    "Talk first to your own support worker, such as your care coordinator or the shelter where you stay. If you have none, contact CoMensha: they put you in touch with the right organisation.",
                ),
                T(
                    "Wil je terugkeer voorbereiden, dan kan een organisatie die vrijwillige terugkeer ondersteunt, zoals IOM Nederland, je helpen met de reis en met contact in je land van herkomst. De organisaties hieronder helpen bij terugkeer en re-integratie.",
                    "If you want to prepare a return, an organisation that supports voluntary return, such as IOM Netherlands, can help you with the journey and with contacts in your country of origin. The organisations below help with return and reintegration.",
                ),
            ),
        ),
        ("help_box", {"heading": T("Praat met CoMensha", "Talk to CoMensha"), "text": ""}),
        (
            "chapter",
            {
                "heading": T("De methode Safe Future", "The Safe Future method"),
                "anchor": T("veilige-toekomst", "safe-future"),
            },
        ),
        (
            "text",
            rich(
                T(
                    "Volgens de methode Safe Future is terugkeer vanaf het eerste moment van de hulp bespreekbaar. Het vertrek wordt samen voorbereid, en er is contact met een organisatie in het land van herkomst voor re-integratie.",
                    "Under the Safe Future method, return can be discussed from the first moment of support. Departure is prepared together, and there is contact with an organisation in the country of origin for reintegration.",
                ),
                T(
                    "In het Nederlandse terugkeerbeleid komt eigen verantwoordelijkheid voor vertrek eerst, met steun bij zelfstandig vertrek. Gedwongen vertrek volgt alleen als geen hulp wordt aangenomen; de Dienst Terugkeer en Vertrek voert dat uit.",
                    "In Dutch return policy, one's own responsibility for departure comes first, with support for independent departure. Forced departure follows only when no help is accepted; the Repatriation and Departure Service carries it out.",
                ),
                DEMO_NOTE,
            ),
        ),
    ],
}

PROJECTS = [
    {
        "key": "rest",
        "acronym": "REST",
        "title": T("Verblijfsrecht voor slachtoffers", "Residence status for victims"),
        "slug": T("rest", "rest"),
        "full_name": T(
            "Verblijfsstatus: de bescherming van slachtoffers van mensenhandel versterken "
            "(REsidency STatus: Strengthening the Protection of Trafficked Persons)",
            "REsidency STatus: Strengthening the Protection of Trafficked Persons",
        ),
        "intro": T(
            "Een Europees project van ongeveer twee jaar dat de positie versterkte van slachtoffers uit landen buiten de EU, en hun recht op een verblijfsstatus voor bescherming op lange termijn.",
            "A European project of about two years that strengthened the position of victims from outside the EU, and their right to a residence status for long-term protection.",
        ),
        "programme": T("Raad van Europa (medefinanciering)", "Council of Europe (co-funding)"),
        "grant": "",
        "total": None,
        "eu": None,
        "start": None,
        "end": None,
        "status": "completed",
        "coordinator": "lefoe",
        "partners": [
            ("ccem", T("Partner", "Partner")),
            ("esperanza", T("Partner", "Partner")),
            ("strada-md", T("Partner", "Partner")),
            ("astra", T("Partner", "Partner")),
            ("comensha", T("Partner", "Partner")),
        ],
        "deliverables": [
            (T("Eindrapport REST", "REST Final Report"), "en"),
            (T("Beleidsnotitie", "Policy paper"), "en"),
            (T("Gids met veelbelovende praktijken", "Guide of Promising Practices"), "en"),
        ],
        "recommendations": [
            (
                T(
                    "Identificatie en verblijfsprocedure",
                    "Identification and the residence-permit procedure",
                ),
                T(
                    "Duidelijke criteria en korte doorlooptijden.",
                    "Clear criteria and short lead times.",
                ),
            ),
            (
                T(
                    "Mensenhandel en internationale bescherming",
                    "Trafficking and international protection",
                ),
                T(
                    "Stem de procedures voor mensenhandel en asiel op elkaar af, met een samenhangende toepassing van de Dublin III-verordening, de Richtlijn mensenhandel en de Verblijfsrichtlijn.",
                    "Align the trafficking and asylum procedures, applying the Dublin III Regulation, the Anti-Trafficking Directive and the Residence Permit Directive coherently.",
                ),
            ),
            (
                T("Dublinoverdrachten", "Dublin transfers"),
                T(
                    "Beoordeel vooraf risico's en kwetsbaarheid, en zorg voor contact tussen Dublin-eenheden en hulporganisaties.",
                    "Assess risk and vulnerability beforehand, and ensure contact between Dublin units and NGOs.",
                ),
            ),
            (
                T("Sociaal-economische rechten", "Socio-economic rights"),
                T(
                    "Toegang tot sociale inclusie, waaronder het recht om te werken.",
                    "Access to social inclusion, including the right to work.",
                ),
            ),
        ],
        "body": [
            (
                "chapter",
                {
                    "heading": T("Wat REST deed", "What REST did"),
                    "anchor": T("wat-rest-deed", "what-rest-did"),
                },
            ),
            (
                "text",
                rich(
                    T(
                        "In november 2020 hield het project een online focusgroep. Op 12 maart 2021 werd het eindrapport gepresenteerd in een webinar, met leden van het Europees Parlement.",
                        "In November 2020 the project held an online focus group. On 12 March 2021 the final report was presented in a webinar, with members of the European Parliament.",
                    )
                ),
            ),
            (
                "video",
                {
                    "media": None,
                    "external_url": "https://www.youtube-nocookie.com/embed/demo-rest-webinar",
                    "title": T(
                        "Webinar REST, 12 maart 2021 (demo: het adres is een voorbeeld)",
                        "REST webinar, 12 March 2021 (demo: the address is a placeholder)",
                    ),
                    "poster": None,
                    "privacy_note": "",
                    "transcript": "",
                },
            ),
        ],
    },
    {
        "key": "safe",
        "acronym": "SAFE!",
        "title": T(
            "Veilige terugkeer en vroege signalering",
            "Safe return and early identification",
        ),
        "slug": T("safe", "safe"),
        "full_name": T(
            "Veilige en passende terugkeer, eerlijke behandeling en vroege signalering van "
            "slachtoffers van mensenhandel (Safe and Adequate Return, Fair Treatment and Early "
            "identification of Victims of Trafficking)",
            "Safe and Adequate Return, Fair Treatment and Early identification of Victims of Trafficking",
        ),
        "intro": T(
            "Politie, gespecialiseerde organisaties en IOM in Nederland, Hongarije en Bulgarije werkten samen, met kennis uit Noord-Macedonië als doorreisland.",
            "Police, specialised NGOs and IOM in the Netherlands, Hungary and Bulgaria worked together, with expertise from North Macedonia as a transit country.",
        ),
        "programme": T("EU AMIF", "EU AMIF"),
        "grant": "",
        "total": None,
        "eu": None,
        "start": None,
        "end": None,
        "status": "completed",
        "coordinator": "hvo",
        "partners": [
            ("iom-nl", T("Partner", "Partner")),
            ("fairwork", T("Partner", "Partner")),
            ("lsi", T("Partner", "Partner")),
            ("police", T("Partner", "Partner")),
            ("humanitas", T("Partner", "Partner")),
            ("comensha", T("Partner", "Partner")),
        ],
        "deliverables": [],
        "recommendations": [],
        "body": [
            (
                "text",
                rich(
                    T(
                        "Het project inventariseerde met vragenlijsten goede praktijken, knelpunten en opleidingsbehoeften rond vroege signalering en een veilige toekomst.",
                        "The project used questionnaires to take stock of good practices, bottlenecks and training needs on early identification and a safe future.",
                    ),
                    T(
                        "Het ontwikkelde en gaf trainingsmodules, en maakte een sociale kaart van Europese organisaties die slachtoffers steunen.",
                        "It developed and delivered training modules, and made a social map of EU organisations supporting victims.",
                    ),
                ),
            ),
        ],
    },
    {
        "key": "ravot",
        "acronym": "RAVOT-EUR",
        "title": T("Doorverwijzing over grenzen", "Referral across borders"),
        "slug": T("ravot-eur", "ravot-eur"),
        "full_name": T(
            "Doorverwijzing en hulp voor slachtoffers van mensenhandel in Europa (Referral and "
            "assistance for victims of human trafficking in Europe)",
            "Referral and assistance for victims of human trafficking in Europe",
        ),
        "intro": T(
            "Een internationaal doorverwijsmechanisme tussen Hongarije, België en Nederland voor hulp, veilige terugkeer en re-integratie.",
            "A transnational referral mechanism between Hungary, Belgium and the Netherlands for assistance, safe return and reintegration.",
        ),
        "programme": T(
            "EU ISEC 2012 ‘Prevention of and Fight against Crime’",
            "EU ISEC 2012 ‘Prevention of and Fight against Crime’",
        ),
        "grant": "HOME/2012/ISEC/AG/4000004405",
        "total": "346069",
        "eu": "311462",
        "start": "2014-02-01",
        "end": "2016-01-31",
        "status": "completed",
        "coordinator": "hu-interior",
        "partners": [
            ("nl-justice", T("Aanvrager", "Applicant")),
            ("payoke", T("Aanvrager", "Applicant")),
        ],
        "deliverables": [],
        "recommendations": [],
        "body": [
            (
                "text",
                rich(
                    T(
                        "Het project organiseerde drie workshops voor professionals, studiebezoeken, een trainingshandboek en een website.",
                        "The project organised three professional workshops, study visits, a training handbook and a website.",
                    )
                ),
            ),
        ],
    },
    {
        "key": "compass",
        "acronym": "COMPASS",
        "title": T("Bescherming van mensen onderweg", "Protecting people on the move"),
        "slug": T("compass", "compass"),
        "full_name": T(
            "Samenwerking op het gebied van migratie en partnerschappen voor duurzame oplossingen "
            "(Cooperation on Migration and Partnerships to Achieve Sustainable Solutions)",
            "Cooperation on Migration and Partnerships to Achieve Sustainable Solutions",
        ),
        "intro": T(
            "Begin 2021 gestart door IOM en het Nederlandse ministerie van Buitenlandse Zaken, wereldwijd.",
            "Launched early 2021 by IOM and the Netherlands' Ministry of Foreign Affairs, worldwide.",
        ),
        "programme": T("Ministerie van Buitenlandse Zaken", "Ministry of Foreign Affairs"),
        "grant": "",
        "total": None,
        "eu": None,
        "start": None,  # "early 2021": the facts give no day
        "end": None,
        "status": "ongoing",
        "coordinator": "nl-foreign",
        "partners": [("iom-nl", T("Uitvoering", "Implementation"))],
        "deliverables": [],
        "recommendations": [],
        "body": [
            (
                "text",
                rich(
                    T(
                        "COMPASS beschermt mensen onderweg, gaat mensenhandel en mensensmokkel tegen, en steunt een waardige terugkeer en duurzame re-integratie.",
                        "COMPASS protects people on the move, counters trafficking and smuggling, and supports dignified return and sustainable reintegration.",
                    ),
                    T(
                        "Slachtoffers krijgen toegang tot bescherming en hulp, zoals psychosociale steun.",
                        "Victims get access to protection and assistance, such as mental health and psychosocial support.",
                    ),
                ),
            ),
        ],
    },
    {
        "key": "taskforce",
        "acronym": "Aanjaagteam",
        "title": T(
            "Aanjaagteam Bescherming Arbeidsmigranten",
            "Task force for the protection of labour migrants",
        ),
        "slug": T("aanjaagteam", "labour-migrants-task-force"),
        "full_name": T(
            "Aanjaagteam Bescherming Arbeidsmigranten",
            "Task force for the protection of labour migrants",
        ),
        "intro": T(
            "Onder voorzitterschap van Emile Roemer, tijdens de COVID-19-pandemie: huisvesting, veilig werk en sociale zekerheid. CoMensha droeg aanbevelingen aan.",
            "Chaired by Emile Roemer during the COVID-19 pandemic: housing, safe work and social security. CoMensha contributed recommendations.",
        ),
        "programme": T("Nationaal", "National"),
        "grant": "",
        "total": None,
        "eu": None,
        "start": None,
        "end": None,
        "status": "completed",
        "coordinator": "comensha",
        "partners": [],
        "deliverables": [],
        "recommendations": [],
        "body": [],
    },
]

APPROXIMATE_DATE = T("Demo: de datum is bij benadering.", "Demo: the date is approximate.")

NEWS = [
    {
        "key": "rest-report",
        "date": "2021-03-12",
        "title": T("Eindrapport REST gepresenteerd", "REST final report presented"),
        "slug": T("eindrapport-rest", "rest-final-report"),
        "intro": T(
            "In een webinar met leden van het Europees Parlement werd het eindrapport van REST gepresenteerd.",
            "The REST final report was presented in a webinar with members of the European Parliament.",
        ),
        "projects": ["rest"],
        "body": [("text", rich(DEMO_NOTE))],
    },
    {
        "key": "longread-2020",
        "date": "2020-10-18",
        "title": T("Longread Mensenhandel verschenen", "Longread on human trafficking published"),
        "slug": T("longread-mensenhandel", "longread-human-trafficking"),
        "intro": T(
            "CoMensha maakte met de VNG en makers Jessica Maas en Bas Losekoot een longread met ervaringsverhalen van slachtoffers en professionals. Gemeenten hebben een sleutelrol.",
            "CoMensha made a longread with VNG and makers Jessica Maas and Bas Losekoot, with experience stories of victims and professionals. Municipalities have a key role.",
        ),
        "projects": [],
        "body": [("text", rich(DEMO_NOTE, APPROXIMATE_DATE))],
    },
    {
        "key": "kompas",
        "date": "2021-06-01",
        "title": T(
            "Kompas Aanpak Mensenhandel voor gemeenten",
            "Kompas: a guide to tackling trafficking for municipalities",
        ),
        "slug": T("kompas-aanpak-mensenhandel", "kompas-guide"),
        "intro": T(
            "Een digitale gids van de VNG met CoMensha over vormen van mensenhandel, bestuurlijke instrumenten en verantwoordelijkheden, met een factsheet.",
            "A digital guide by VNG with CoMensha on forms of trafficking, administrative instruments and responsibilities, with a factsheet.",
        ),
        "projects": [],
        "body": [("text", rich(DEMO_NOTE, APPROXIMATE_DATE))],
    },
    {
        "key": "compass-launch",
        "date": "2021-02-15",
        "title": T("COMPASS van start", "COMPASS launched"),
        "slug": T("compass-van-start", "compass-launched"),
        "intro": T(
            "IOM en het ministerie van Buitenlandse Zaken startten COMPASS, dat verdienmodellen van mensenhandelaren ondermijnt met veilige alternatieven en informatie.",
            "IOM and the Ministry of Foreign Affairs launched COMPASS, which undermines traffickers' business models by promoting safe alternatives and sharing information.",
        ),
        "projects": ["compass"],
        "body": [("text", rich(DEMO_NOTE, APPROXIMATE_DATE))],
    },
]


# --- Arabic: JILL's story and the pages around it, right to left ---------------------------------
# A demo translation, written for this project from the English text above (keyed by it). The
# demo note paragraph says so on each page. The consent record of JILL covers Arabic in the demo.
ARABIC_STORY = "JILL"
ARABIC = {
    # The home page and the story index, so that the Arabic story has a live language home.
    "Stories about human trafficking": "قصص عن الاتجار بالبشر",
    "An estimated 5,000 to 7,500 people in the Netherlands become victims of human trafficking "
    "every year. Only a small number of them come into view. Here, survivors and professionals "
    "tell what they went through.": (
        "يقع في هولندا كل عام ما يُقدَّر بـ 5000 إلى 7500 شخص ضحايا للاتجار بالبشر، ولا يظهر منهم "
        "إلا عدد قليل. هنا يروي ناجون ومهنيون ما مرّوا به."
    ),
    "CoMensha links the partners in the national chain approach against every form of "
    "trafficking, and works for better care for victims, in the Netherlands and abroad.": (
        "تربط CoMensha بين الشركاء في النهج الوطني المشترك لمكافحة جميع أشكال الاتجار بالبشر، "
        "وتعمل من أجل رعاية أفضل للضحايا، في هولندا وخارجها."
    ),
    "Stories": "قصص",
    # Addresses (slugs) and chapter anchors keep the English ones, in Latin letters
    # (DemoBuilder.arabic_mapping).
    # The page on browsing safely: the reader at risk needs it in her own language first.
    "Browsing this website safely": "تصفّح هذا الموقع بأمان",
    "Someone may be able to look at your phone or computer. Here is what the 'Leave this site "
    "quickly' button does, and what it does not do.": (
        "قد يتمكّن شخص ما من الاطّلاع على هاتفك أو حاسوبك. إليك ما يفعله زرّ «غادر هذا الموقع "
        "بسرعة»، وما لا يفعله."
    ),
    "What the button does": "ما يفعله الزرّ",
    "The button opens an ordinary website at once, such as a weather forecast. You can also "
    "press the Shift key three times quickly.": (
        "يفتح الزرّ على الفور موقعًا عاديًا، مثل نشرة الطقس. ويمكنك أيضًا الضغط على مفتاح Shift "
        "ثلاث مرات بسرعة."
    ),
    "The page you were reading is replaced in your browser history. The back button usually "
    "does not take you back to it.": (
        "تُستبدَل الصفحة التي كنت تقرؤها في سجلّ المتصفّح، وفي الغالب لا يعيدك زرّ الرجوع إليها."
    ),
    "What the button does not do": "ما لا يفعله الزرّ",
    "Other pages of this website that you viewed before stay in your history. The button does "
    "not delete files that your browser kept either.": (
        "تبقى في سجلّك صفحاتٌ أخرى من هذا الموقع زرتَها من قبل. ولا يحذف الزرّ أيضًا الملفات "
        "التي احتفظ بها متصفّحك."
    ),
    "So where you can, use a private window, and clear your history afterwards. This website "
    "sets no cookies and leaves nothing on your device: if you turn motion off, your browser "
    "remembers that only until you close the tab.": (
        "لذلك استخدم نافذة خاصة متى استطعت، وامسح سجلّك بعد ذلك. لا يضع هذا الموقع ملفات تعريف "
        "الارتباط (كوكيز) ولا يترك شيئًا على جهازك: إذا أوقفت الحركة، يتذكّر متصفّحك ذلك فقط إلى "
        "أن تغلق علامة التبويب."
    ),
    "Need help?": "هل تحتاج إلى مساعدة؟",
    "Experience stories of survivors and of professionals who deal with human trafficking.": (
        "قصص تجارب لناجين ولمهنيين يتعاملون مع الاتجار بالبشر."
    ),
    # JILL's story
    "The text is meant for everyone: for those who went through something similar, for those who "
    "are worried about someone, and for professionals who want to understand why recovery takes "
    "time.": (
        "هذا النص موجّه إلى الجميع: إلى من مرّ بتجربة مشابهة، وإلى من يقلق على شخص ما، وإلى المهنيين "
        "الذين يريدون أن يفهموا لماذا يستغرق التعافي وقتًا."
    ),
    "If you read this story and wonder whether it is about you: you do not have to be sure to ask "
    "for help. A conversation commits you to nothing. Below is where you can turn, anonymously if "
    "you wish, and at your own pace.": (
        "إذا قرأت هذه القصة وتساءلت إن كانت تتحدث عنك: لست مضطرًا إلى أن تكون متأكدًا كي تطلب "
        "المساعدة. المحادثة لا تُلزمك بشيء. تجد أدناه الجهات التي يمكنك اللجوء إليها، دون الكشف عن "
        "هويتك إن شئت، وبالوتيرة التي تناسبك."
    ),
    "Afterwards": "ما بعد ذلك",
    "[Demo: a calm tone, with no spoken words. For a real recording, everything that is said is "
    "written here.]": (
        "[عرض تجريبي: نغمة هادئة بلا كلام منطوق. في التسجيل الحقيقي يُكتب هنا كل ما يُقال.]"
    ),
    "Getting my trust back": "استعادة ثقتي",
    "The most important thing is that I get my trust back": "أهم شيء هو أن أستعيد ثقتي",
    "This story is about sexual exploitation and coercion.": (
        "تتناول هذه القصة الاستغلال الجنسي والإكراه."
    ),
    "The beginning": "البداية",
    "Demo text: written to demonstrate this website, based on public facts.": (
        "نص تجريبي وترجمة تجريبية: كُتب هذا النص لعرض هذا الموقع استنادًا إلى وقائع منشورة، "
        "وتُرجم إلى العربية لأغراض العرض فقط."
    ),
    "Illustration for JILL's story.": "رسم توضيحي لقصة JILL.",
    "Demo illustration": "رسم توضيحي تجريبي",
    "Then came the rules: whom I could see, where I could be.": (
        "ثم جاءت القواعد: من يُسمح لي أن أرى، وأين يُسمح لي أن أكون."
    ),
    "Help": "المساعدة",
    "Trust does not come back in one conversation.": "الثقة لا تعود في محادثة واحدة.",
    "Demo sound: a calm tone": "صوت تجريبي: نغمة هادئة",
    "[Demo: a calm tone, with no spoken words. For a real recording, everything that is said is "
    "Afterwards": "ما بعد ذلك",
    "Then": "آنذاك",
    "Now": "الآن",
    "Two illustrations, compared with a slider.": "رسمان توضيحيان، تُقارن بينهما بشريط تمرير.",
    "Images of recovery": "صور التعافي",
    "Connection": "تواصل",
    "Do you recognise something in this story?": "هل تتعرّف على شيء ما في هذه القصة؟",
    "More stories": "قصص أخرى",
    "About the sentence JILL chose: what trust is, how it breaks and how it slowly returns.": (
        "عن الجملة التي اختارتها JILL: ما هي الثقة، وكيف تنكسر، وكيف تعود ببطء."
    ),
    "Abstract illustration: layers of hills from orange to dark red under a pale sun.": (
        "رسم تجريدي: طبقات من التلال من البرتقالي إلى الأحمر الداكن تحت شمس باهتة."
    ),
    "Demo text. Only the quotation in quotation marks is JILL's own words. The rest is written to "
    "demonstrate this website: it tells nothing about events in her life, only what care workers "
    "see in general.": (
        "نص تجريبي وترجمة تجريبية. الاقتباس بين علامتي التنصيص وحده هو كلمات JILL نفسها. أما الباقي "
        "فقد كُتب لعرض هذا الموقع: لا يروي شيئًا عن أحداث حياتها، بل ما يراه العاملون في الرعاية عمومًا."
    ),
    "JILL chose the sentence above her story herself. It is a short sentence, and it is not about "
    "what was done to her. It is about what she wants back. This story follows that sentence: what "
    "trust is, how it can break, and how it slowly returns.": (
        "اختارت JILL بنفسها الجملة التي تعلو قصتها. إنها جملة قصيرة، ولا تتحدث عمّا فُعل بها، بل عمّا "
        "تريد أن تستعيده. تتبع هذه القصة تلك الجملة: ما هي الثقة، وكيف يمكن أن تنكسر، وكيف تعود ببطء."
    ),
    "Exploitation rarely starts with violence. Care workers often hear that it started with "
    "attention: someone who listens, gives presents, offers a place to sleep. For someone who is "
    "lonely or has no money, that attention feels like a way out.": (
        "نادرًا ما يبدأ الاستغلال بالعنف. كثيرًا ما يسمع العاملون في الرعاية أنه بدأ بالاهتمام: شخص "
        "يصغي، ويقدّم الهدايا، ويعرض مكانًا للنوم. ومن كان وحيدًا أو بلا مال، يشعر بهذا الاهتمام "
        "كأنه مخرج."
    ),
    "That is exactly why the loss is so great. The trust someone gave becomes the means to hold on "
    "to them. Later, victims doubt not only the offender but also themselves: how could I not see "
    "this?": (
        "ولهذا بالذات تكون الخسارة كبيرة. فالثقة التي منحها الشخص تصبح الوسيلة للإمساك به. وفي ما "
        "بعد لا يشكّ الضحايا في الجاني وحده، بل في أنفسهم أيضًا: كيف لم أرَ ذلك؟"
    ),
    "Abstract illustration: sheets of paper in orange, blue and sand colour lie askew on top of "
    "each other.": "رسم تجريدي: أوراق باللون البرتقالي والأزرق والرملي ملقاة بشكل مائل فوق بعضها.",
    "How trust is abused": "كيف تُستغَلّ الثقة",
    "Abstract illustration: dozens of thin lines run from the left to a single point on the right.": (
        "رسم تجريدي: عشرات الخطوط الرفيعة تمتد من اليسار إلى نقطة واحدة على اليمين."
    ),
    "First there is attention. Everything revolves around the victim: compliments, promises, a "
    "feeling of finally being seen.": (
        "في البداية هناك الاهتمام. كل شيء يدور حول الضحية: مديح، ووعود، وشعور بأنها أخيرًا مرئية."
    ),
    "Abstract illustration: dark blocks of houses at dusk, a few small windows lit.": (
        "رسم تجريدي: كتل داكنة من البيوت عند الغسق، وبضع نوافذ صغيرة مضاءة."
    ),
    "Then come the rules. Whom you talk to, where you sleep, who may see your phone. Friends and "
    "family slowly drop out of sight.": (
        "ثم تأتي القواعد: مع من تتكلمين، وأين تنامين، ومن يحق له أن يرى هاتفك. ويغيب الأصدقاء "
        "والعائلة عن الأنظار شيئًا فشيئًا."
    ),
    "Abstract illustration: a low, dark horizon under a pale sky with thin streaks of cloud.": (
        "رسم تجريدي: أفق منخفض ومظلم تحت سماء باهتة فيها خيوط رفيعة من السحب."
    ),
    "In the end there is almost nobody left to trust. That is exactly what makes leaving so hard.": (
        "في النهاية لا يبقى تقريبًا أحد يمكن الوثوق به. وهذا بالذات ما يجعل الرحيل صعبًا إلى هذا الحد."
    ),
    "In the Netherlands, police, municipalities, care and shelter work together in a chain "
    "approach against human trafficking. CoMensha connects those partners. For someone who has "
    "only just left, it mostly means: not having to arrange everything alone.": (
        "في هولندا تعمل الشرطة والبلديات وخدمات الرعاية والإيواء معًا في نهج مشترك لمكافحة الاتجار "
        "بالبشر، وتربط CoMensha بين هؤلاء الشركاء. ولمن خرج للتو، يعني ذلك قبل كل شيء: ألّا يضطر إلى "
        "ترتيب كل شيء وحده."
    ),
    "Victims have a right to shelter, medical care, legal help and support, also when they do not "
    "(yet) report a crime. That right does not exist only on paper: care coordinators work out for "
    "each person what is needed, and who can provide it. The aim is that nobody is sent from desk "
    "to desk, or has to explain again and again what happened.": (
        "للضحايا الحق في الإيواء والرعاية الطبية والمساعدة القانونية والمرافقة، حتى إن لم يقدّموا "
        "بلاغًا (بعد). وهذا الحق ليس على الورق فقط: فمنسقو الرعاية يحددون لكل شخص ما يحتاج إليه ومن "
        "يستطيع تقديمه. والهدف ألّا يُحال أحد من مكتب إلى آخر، ولا أن يضطر إلى شرح ما حدث مرة بعد مرة."
    ),
    "Trust is not a condition in advance, but something that grows along the way. Care workers "
    "know that someone may not believe them at first. That is not unwillingness but a consequence "
    "of what happened: someone who was deceived for a long time first tests whether the other "
    "person can be trusted.": (
        "الثقة ليست شرطًا مسبقًا، بل شيء ينمو على الطريق. يعرف العاملون في الرعاية أن الشخص قد لا "
        "يصدّقهم في البداية. وهذا ليس رفضًا، بل نتيجة لما حدث: من خُدع طويلًا يختبر أولًا إن كان "
        "الآخر أهلًا للثقة."
    ),
    "Abstract illustration: an open door in a dark wall; light falls across the floor.": (
        "رسم تجريدي: باب مفتوح في جدار مظلم، والضوء يسقط على الأرض."
    ),
    "Help starts with safety: a bed, rest, someone who does not ask questions straight away.": (
        "تبدأ المساعدة بالأمان: سرير، وراحة، وشخص لا يطرح الأسئلة فورًا."
    ),
    "Nobody has to tell everything at once. A story may come in pieces, in the order the teller "
    "chooses.": (
        "لا أحد مضطر إلى أن يروي كل شيء دفعة واحدة. يمكن أن تأتي القصة على أجزاء، بالترتيب الذي "
        "يختاره راويها."
    ),
    "Slowly there is room to say yes and no again, and to decide for oneself.": (
        "ببطء تتسع المساحة لقول نعم ولا من جديد، ولاتخاذ القرار بنفسك."
    ),
    "From the demo text": "من النص التجريبي",
    "Care workers describe recovery as a series of small promises that are kept. Someone calls back "
    "when they said they would. A letter is explained. A choice is respected, even when it is a no. "
    "Every promise kept is a small proof that trust is possible again.": (
        "يصف العاملون في الرعاية التعافي بأنه سلسلة من الوعود الصغيرة التي يُوفى بها: شخص يعاود "
        "الاتصال حين وعد بذلك، ورسالة تُشرح، واختيار يُحترم حتى لو كان رفضًا. وكل وعد يُوفى به دليل "
        "صغير على أن الثقة ممكنة من جديد."
    ),
    "Abstract illustration: broad rays of light fan out from a low sun above a dark plain.": (
        "رسم تجريدي: أشعة ضوء عريضة تنتشر من شمس منخفضة فوق سهل داكن."
    ),
    "Light after a long night.": "ضوء بعد ليل طويل.",
    "Abstract illustration in cool tones: a low, dark horizon.": (
        "رسم تجريدي بألوان باردة: أفق منخفض ومظلم."
    ),
    "Abstract illustration in warm tones: layers of hills under a pale sun.": (
        "رسم تجريدي بألوان دافئة: طبقات من التلال تحت شمس باهتة."
    ),
    "Recovery is not a straight line. There are weeks in which everything works, and days on which "
    "a sound or a smell brings everything back. What helps, care workers say, is that the people "
    "around someone stay, on the bad days too.": (
        "التعافي ليس خطًا مستقيمًا. هناك أسابيع ينجح فيها كل شيء، وأيام يعيد فيها صوت أو رائحة كل "
        "شيء. وما يساعد، كما يقول العاملون في الرعاية، هو أن يبقى الناس من حول الشخص، في الأيام "
        "السيئة أيضًا."
    ),
    "A pale path winds through green fields to the horizon.": (
        "درب فاتح يتعرّج بين حقول خضراء نحو الأفق."
    ),
    "A way of one's own": "طريق خاص",
    "Rounded leaf shapes in several greens and ochre, scattered over a light ground.": (
        "أشكال أوراق مستديرة بدرجات من الأخضر والمغرة، منثورة على أرضية فاتحة."
    ),
    "Growth": "نموّ",
    "Two dark banks joined by one wide orange arch above the water.": (
        "ضفتان داكنتان يصل بينهما قوس برتقالي عريض فوق الماء."
    ),
    "JILL's sentence is about the future. Getting trust back does not mean that everything becomes "
    "as it was. It means choosing again, for oneself, who may come close. It is not quick, but it "
    "can happen.": (
        "جملة JILL تتحدث عن المستقبل. استعادة الثقة لا تعني أن يعود كل شيء كما كان، بل أن تختار من "
        "جديد، بنفسك، من يُسمح له بالاقتراب. الأمر ليس سريعًا، لكنه ممكن."
    ),
    # The per-language settings, so the help box, footer and quick exit speak Arabic too.
    "CoMensha Stories": "قصص CoMensha",
    "Stories about human trafficking, told by those who lived through it": (
        "قصص عن الاتجار بالبشر، يرويها من عاشوها"
    ),
    "Monday to Friday, 9:00 to 17:00 (CET)": (
        "من الاثنين إلى الجمعة، من 9:00 إلى 17:00 (بتوقيت وسط أوروبا)"
    ),
    "Are you in trouble yourself, or worried about someone? You can get in touch anonymously. In "
    "an emergency, call 112.": (
        "هل أنت نفسك في ورطة، أو قلق على شخص ما؟ يمكنك التواصل دون الكشف عن هويتك. "
        "في حالات الطوارئ اتصل بالرقم 112."
    ),
    "+31 33 448 11 86": "+31 33 448 11 86",
    # The quick exit leads to a neutral page (a weather forecast), as in English.
    "https://www.bbc.com/weather": "https://www.bbc.com/weather",
    "PO Box (demo)": "صندوق بريد (تجريبي)",
    "Amersfoort, the Netherlands": "أمرسفورت، هولندا",
    "PO Box (demo)\nAmersfoort, the Netherlands": "صندوق بريد (تجريبي)\nأمرسفورت، هولندا",
    "CoMensha is the Dutch coordination centre against human trafficking. This website shows "
    "demo content.": (
        "CoMensha هو المركز الهولندي لتنسيق مكافحة الاتجار بالبشر. يعرض هذا الموقع محتوى تجريبيًا."
    ),
    "Are you in danger now? Call 112.": "هل أنت في خطر الآن؟ اتصل بالرقم 112.",
    "Dutch and English (demo)": "الهولندية والإنجليزية (تجريبي)",
    "112": "112",
    # The privacy statement: the footer of every Arabic page links to it.
    "Privacy": "الخصوصية",
    "This website keeps as little as possible about the people who read it. Here is exactly "
    "what we record, how long we keep it and whom to contact.": (
        "يحتفظ هذا الموقع بأقل قدر ممكن من المعلومات عن قرّائه. تجد هنا بالضبط ما نسجّله، "
        "وكم من الوقت نحتفظ به، وبمن يمكنك التواصل."
    ),
    "What we record": "ما نسجّله",
    "For every page that is requested, the server writes one line in its log: the time, the "
    "address of the page without search terms, the answer (for example found or not found), the "
    "size and how long it took.": (
        "عند طلب أي صفحة، يكتب الخادم سطرًا واحدًا في سجلّه: الوقت، وعنوان الصفحة دون كلمات "
        "البحث، والنتيجة (مثلًا: وُجدت الصفحة أو لم توجد)، والحجم، والمدة التي استغرقها الطلب."
    ),
    "We record no IP address, not the page you came from and nothing about your browser or "
    "device. Readers get no cookies. We use no visitor statistics from others and load nothing "
    "from other websites; a video from another website only loads when you click it.": (
        "لا نسجّل عنوان IP، ولا الصفحة التي أتيت منها، ولا أي شيء عن متصفّحك أو جهازك. لا يتلقّى "
        "القرّاء ملفات تعريف الارتباط (كوكيز). لا نستخدم إحصاءات زوّار من جهات أخرى، ولا نحمّل "
        "شيئًا من مواقع أخرى؛ فالفيديو من موقع آخر لا يُحمَّل إلا عندما تنقر عليه."
    ),
    "We do count how often a page is read and how far readers get, without following anyone. "
    "For every view of a page, the server adds one to a number for that page, that language and "
    "that day; search engines are not counted. If JavaScript is on, your browser tells this "
    "website once, as you leave, which chapter you reached and whether you reached the end. "
    "Nothing more: no cookie, nothing on your device, no address, no details of your browser, "
    "nothing that tells readers apart. We keep only the numbers per page, language and day.": (
        "لكننا نحصي عدد مرات قراءة الصفحة وإلى أين يصل القرّاء فيها، دون أن نتتبّع أحدًا. فعند كل "
        "عرض لصفحة يضيف الخادم واحدًا إلى رقم خاص بتلك الصفحة وتلك اللغة وذلك اليوم، ولا تُحتسب "
        "محرّكات البحث. وإذا كان JavaScript مفعّلًا، يُبلغ متصفّحك هذا الموقع مرة واحدة، عند "
        "مغادرتك، بالفصل الذي وصلت إليه وما إذا كنت قد بلغت النهاية. لا شيء أكثر من ذلك: لا كوكيز، "
        "ولا شيء على جهازك، ولا عنوان، ولا تفاصيل عن متصفّحك، ولا شيء يميّز قارئًا عن آخر. نحتفظ "
        "فقط بالأرقام لكل صفحة ولغة ويوم."
    ),
    "Only staff who sign in to manage the stories get a cookie that keeps them signed in.": (
        "وحدهم الموظفون الذين يسجّلون الدخول لإدارة القصص يتلقّون ملف تعريف ارتباط يُبقيهم مسجَّلين."
    ),
    "How long we keep it": "كم من الوقت نحتفظ به",
    "We keep the server log for 14 days; then it is deleted. We keep backups of the website for "
    "30 days.": ("نحتفظ بسجلّ الخادم 14 يومًا، ثم يُحذف. ونحتفظ بالنسخ الاحتياطية للموقع 30 يومًا."),
    "Whoever tells a story decides where, in which languages and for how long it can be seen. We "
    "keep that consent as long as the story exists. If a teller withdraws consent, or has the "
    "story erased, we keep only numbers and dates, without a name and without text: that way we "
    "can show that we followed the teller's choice.": (
        "من يروي قصته هو من يقرّر أين يمكن رؤيتها، وبأي لغات، وإلى متى. ونحتفظ بهذه الموافقة ما "
        "دامت القصة موجودة. وإذا سحب الراوي موافقته، أو طلب محو القصة، لا نحتفظ إلا بأرقام "
        "وتواريخ، بلا اسم وبلا نص: وبذلك نستطيع أن نُثبت أننا اتّبعنا اختيار الراوي."
    ),
    "Questions": "أسئلة",
    "Do you have a question about privacy, or do you want to know what we keep about you? Write "
    "to info@example.org. If you disagree with how we handle data, you can file a complaint with "
    "the Dutch Data Protection Authority (Autoriteit Persoonsgegevens).": (
        "هل لديك سؤال عن الخصوصية، أو تريد أن تعرف ما الذي نحتفظ به عنك؟ اكتب إلى "
        "info@example.org. وإذا لم تكن راضيًا عن طريقة تعاملنا مع البيانات، يمكنك تقديم شكوى إلى "
        "هيئة حماية البيانات الهولندية (Autoriteit Persoonsgegevens)."
    ),
    # The page about the organisation (menu).
    "About CoMensha": "عن CoMensha",
    "The coordination centre against human trafficking brings together the organisations that "
    "identify, protect and support victims.": (
        "يجمع مركز تنسيق مكافحة الاتجار بالبشر المنظماتِ التي تتعرّف على الضحايا وتحميهم وتساندهم."
    ),
    "What we do": "ما نقوم به",
    "Trafficking takes many forms: sexual exploitation, labour exploitation and criminal "
    "exploitation. No single organisation can tackle it alone.": (
        "للاتجار بالبشر أشكال كثيرة: الاستغلال الجنسي، واستغلال العمل، والاستغلال الإجرامي. ولا "
        "تستطيع أي منظمة أن تتصدّى له وحدها."
    ),
    "That is why we link municipalities, police, care, shelters and the justice system in one "
    "chain approach, and record how many victims come into view.": (
        "لذلك نربط بين البلديات والشرطة وخدمات الرعاية ودور الإيواء والقضاء في نهج مشترك واحد، "
        "ونرصد عدد الضحايا الذين يُتعرَّف عليهم."
    ),
    "About these stories": "عن هذه القصص",
    "Everyone who tells a story here does so under a pseudonym and with consent that can be "
    "withdrawn at any time. The story then disappears from this website.": (
        "كل من يروي قصته هنا يفعل ذلك باسم مستعار وبموافقة يمكن سحبها في أي وقت، وعندها تختفي "
        "القصة من هذا الموقع."
    ),
    "In figures": "بالأرقام",
    # Figures in Western digits, as in the home page's introduction.
    "5,000–7,500": "5000–7500",
    "estimated victims a year in the Netherlands": "العدد التقديري للضحايا كل عام في هولندا",
    "Estimate quoted by CoMensha": "تقدير أوردته CoMensha",
    "€346,069": "346,069 يورو",
    "total budget of RAVOT-EUR": "الميزانية الإجمالية لمشروع RAVOT-EUR",
    "Grant HOME/2012/ISEC/AG/4000004405": "المنحة HOME/2012/ISEC/AG/4000004405",
    "European cooperation": "تعاون أوروبي",
    "February 2014 – January 2016": "فبراير 2014 – يناير 2016",
    "Hungary, Belgium and the Netherlands build a transnational referral mechanism for "
    "assistance, safe return and reintegration.": (
        "تبني هنغاريا وبلجيكا وهولندا آلية إحالة عابرة للحدود من أجل المساعدة والعودة الآمنة "
        "وإعادة الإدماج."
    ),
    "November 2020": "نوفمبر 2020",
    "REST online focus group": "مجموعة نقاش مركّزة لمشروع REST عبر الإنترنت",
    "12 March 2021": "12 مارس 2021",
    "REST final report presented": "تقديم التقرير النهائي لمشروع REST",
    "In a webinar, with members of the European Parliament.": (
        "في ندوة عبر الإنترنت، بحضور أعضاء من البرلمان الأوروبي."
    ),
    "Early 2021": "مطلع عام 2021",
    "COMPASS launched": "إطلاق مشروع COMPASS",
    "By IOM and the Netherlands' Ministry of Foreign Affairs.": (
        "أطلقته المنظمة الدولية للهجرة (IOM) ووزارة الخارجية الهولندية."
    ),
    "Webinar on the REST final report (demo: the address is a placeholder)": (
        "ندوة عبر الإنترنت عن التقرير النهائي لمشروع REST (تجريبي: العنوان مثال فقط)"
    ),
    "Factsheet (demo)": "ورقة معلومات (تجريبية)",
    "An example of a document to download.": "مثال على مستند للتنزيل.",
    # The organisation directory (menu) and its organisations, below.
    "Organisations": "المنظمات",
    "Organisations in Europe that help victims. A social map like the one the SAFE project made "
    "(demo: kinds of help are indicative).": (
        "منظمات في أوروبا تساعد الضحايا، على غرار الخريطة الاجتماعية التي أعدّها مشروع SAFE "
        "(تجريبي: أنواع المساعدة إرشادية فقط)."
    ),
    # The return page (menu).
    "Returning home": "العودة إلى الوطن",
    "Anyone who wants to return to their country of origin does not have to do it alone.": (
        "من يريد العودة إلى بلده الأصلي لا يحتاج إلى أن يفعل ذلك وحده."
    ),
    "Going back is a choice you make yourself. You do not have to decide now, and you do not "
    "decide alone: support workers think it through with you, also when you are unsure or would "
    "rather stay.": (
        "العودة قرار تتخذه بنفسك. لست مضطرًا إلى أن تقرّر الآن، ولن تقرّر وحدك: العاملون في "
        "المساعدة يفكّرون معك، حتى إن كنت مترددًا أو تفضّل البقاء."
    ),
    "Whom to contact first": "بمن تتصل أولًا؟",
    "Talk first to your own support worker, such as your care coordinator or the shelter where "
    "you stay. If you have none, contact CoMensha: they put you in touch with the right "
    "organisation.": (
        "تحدّث أولًا إلى من يساندك عادةً، مثل منسّق الرعاية الخاص بك أو دار الإيواء التي تقيم "
        "فيها. وإن لم يكن لديك أحد، فتواصل مع CoMensha: فهم يصلونك بالمنظمة المناسبة."
    ),
    "If you want to prepare a return, an organisation that supports voluntary return, such as "
    "IOM Netherlands, can help you with the journey and with contacts in your country of origin. "
    "The organisations below help with return and reintegration.": (
        "إذا أردت التحضير للعودة، يمكن لمنظمة تدعم العودة الطوعية، مثل المنظمة الدولية للهجرة في "
        "هولندا (IOM Nederland)، أن تساعدك في الرحلة وفي التواصل مع جهات في بلدك الأصلي. "
        "المنظمات المذكورة أدناه تساعد في العودة وإعادة الإدماج."
    ),
    "Talk to CoMensha": "تحدّث إلى CoMensha",
    "The Safe Future method": "منهج «المستقبل الآمن» (Safe Future)",
    "Under the Safe Future method, return can be discussed from the first moment of support. "
    "Departure is prepared together, and there is contact with an organisation in the country of "
    "origin for reintegration.": (
        "وفق منهج «المستقبل الآمن»، يمكن الحديث عن العودة منذ اللحظة الأولى للمساعدة. يُحضَّر "
        "للمغادرة معًا، ويكون هناك تواصل مع منظمة في البلد الأصلي من أجل إعادة الإدماج."
    ),
    "In Dutch return policy, one's own responsibility for departure comes first, with support for "
    "independent departure. Forced departure follows only when no help is accepted; the "
    "Repatriation and Departure Service carries it out.": (
        "في سياسة العودة الهولندية تأتي مسؤولية الشخص نفسه عن المغادرة أولًا، مع دعم للمغادرة "
        "المستقلة. ولا تأتي المغادرة القسرية إلا إذا لم تُقبَل أي مساعدة، وتتولى تنفيذها دائرة "
        "العودة والمغادرة (Dienst Terugkeer en Vertrek)."
    ),
    # The projects and the news (menu), with their index pages.
    "Projects": "المشاريع",
    "European cooperation to protect victims better.": "تعاون أوروبي لحماية الضحايا بشكل أفضل.",
    "News": "الأخبار",
    "News about projects and about tackling human trafficking.": (
        "أخبار عن المشاريع وعن مكافحة الاتجار بالبشر."
    ),
    "Partner": "شريك",
    "Applicant": "جهة متقدّمة بالمشروع",
    "Implementation": "التنفيذ",
    "National": "وطني",
    "EU AMIF": "صندوق اللجوء والهجرة والاندماج التابع للاتحاد الأوروبي (EU AMIF)",
    "EU ISEC 2012 ‘Prevention of and Fight against Crime’": (
        "برنامج الاتحاد الأوروبي ISEC 2012 «منع الجريمة ومكافحتها»"
    ),
    "Residence status for victims": "حق الإقامة للضحايا",
    "REsidency STatus: Strengthening the Protection of Trafficked Persons": (
        "وضع الإقامة: تعزيز حماية ضحايا الاتجار بالبشر "
        "(REsidency STatus: Strengthening the Protection of Trafficked Persons)"
    ),
    "A European project of about two years that strengthened the position of victims from "
    "outside the EU, and their right to a residence status for long-term protection.": (
        "مشروع أوروبي استمر نحو عامين، عزّز وضع الضحايا القادمين من خارج الاتحاد الأوروبي، وحقّهم "
        "في وضع إقامة يوفّر لهم حماية طويلة الأمد."
    ),
    "Council of Europe (co-funding)": "مجلس أوروبا (تمويل مشترك)",
    "REST Final Report": "التقرير النهائي لمشروع REST",
    "Policy paper": "ورقة سياسات",
    "Guide of Promising Practices": "دليل الممارسات الواعدة",
    "Identification and the residence-permit procedure": "التعرّف على الضحايا وإجراءات تصريح الإقامة",
    "Clear criteria and short lead times.": "معايير واضحة ومدد قصيرة لإنجاز الإجراءات.",
    "Trafficking and international protection": "الاتجار بالبشر والحماية الدولية",
    "Align the trafficking and asylum procedures, applying the Dublin III Regulation, the "
    "Anti-Trafficking Directive and the Residence Permit Directive coherently.": (
        "التنسيق بين إجراءات الاتجار بالبشر وإجراءات اللجوء، مع تطبيق لائحة دبلن الثالثة وتوجيه "
        "مكافحة الاتجار بالبشر وتوجيه تصاريح الإقامة تطبيقًا متّسقًا."
    ),
    "Dublin transfers": "عمليات النقل بموجب لائحة دبلن",
    "Assess risk and vulnerability beforehand, and ensure contact between Dublin units and NGOs.": (
        "تقييم المخاطر ومدى الهشاشة مسبقًا، وضمان التواصل بين وحدات دبلن والمنظمات غير الحكومية."
    ),
    "Socio-economic rights": "الحقوق الاجتماعية والاقتصادية",
    "Access to social inclusion, including the right to work.": (
        "الوصول إلى الإدماج الاجتماعي، بما في ذلك الحق في العمل."
    ),
    "What REST did": "ما قام به مشروع REST",
    "In November 2020 the project held an online focus group. On 12 March 2021 the final report "
    "was presented in a webinar, with members of the European Parliament.": (
        "في نوفمبر 2020 عقد المشروع مجموعة نقاش مركّزة عبر الإنترنت. وفي 12 مارس 2021 قُدِّم "
        "التقرير النهائي في ندوة عبر الإنترنت، بحضور أعضاء من البرلمان الأوروبي."
    ),
    "REST webinar, 12 March 2021 (demo: the address is a placeholder)": (
        "ندوة REST عبر الإنترنت، 12 مارس 2021 (تجريبي: العنوان مثال فقط)"
    ),
    "Safe return and early identification": "العودة الآمنة والتعرّف المبكر على الضحايا",
    "Safe and Adequate Return, Fair Treatment and Early identification of Victims of Trafficking": (
        "عودة آمنة وملائمة، ومعاملة منصفة، وتعرّف مبكر على ضحايا الاتجار بالبشر "
        "(Safe and Adequate Return, Fair Treatment and Early identification of Victims of "
        "Trafficking)"
    ),
    "Police, specialised NGOs and IOM in the Netherlands, Hungary and Bulgaria worked together, "
    "with expertise from North Macedonia as a transit country.": (
        "عملت الشرطة ومنظمات غير حكومية متخصّصة والمنظمة الدولية للهجرة (IOM) في هولندا وهنغاريا "
        "وبلغاريا معًا، مع الاستفادة من خبرة مقدونيا الشمالية بوصفها بلد عبور."
    ),
    "The project used questionnaires to take stock of good practices, bottlenecks and training "
    "needs on early identification and a safe future.": (
        "استخدم المشروع استبيانات لحصر الممارسات الجيدة والعقبات واحتياجات التدريب في مجال التعرّف "
        "المبكر على الضحايا وبناء مستقبل آمن."
    ),
    "It developed and delivered training modules, and made a social map of EU organisations "
    "supporting victims.": (
        "وطوّر وحدات تدريبية وقدّمها، وأعدّ خريطة اجتماعية لمنظمات في الاتحاد الأوروبي تساند الضحايا."
    ),
    "Referral across borders": "الإحالة عبر الحدود",
    "Referral and assistance for victims of human trafficking in Europe": (
        "إحالة ضحايا الاتجار بالبشر ومساعدتهم في أوروبا"
    ),
    "A transnational referral mechanism between Hungary, Belgium and the Netherlands for "
    "assistance, safe return and reintegration.": (
        "آلية إحالة عابرة للحدود بين هنغاريا وبلجيكا وهولندا من أجل المساعدة والعودة الآمنة "
        "وإعادة الإدماج."
    ),
    "The project organised three professional workshops, study visits, a training handbook and "
    "a website.": (
        "نظّم المشروع ثلاث ورش عمل للمهنيين وزيارات دراسية، وأعدّ دليلًا تدريبيًا وموقعًا إلكترونيًا."
    ),
    "Protecting people on the move": "حماية الأشخاص المتنقّلين",
    "Cooperation on Migration and Partnerships to Achieve Sustainable Solutions": (
        "التعاون في مجال الهجرة والشراكات من أجل حلول مستدامة "
        "(Cooperation on Migration and Partnerships to Achieve Sustainable Solutions)"
    ),
    "Launched early 2021 by IOM and the Netherlands' Ministry of Foreign Affairs, worldwide.": (
        "أطلقته المنظمة الدولية للهجرة (IOM) ووزارة الخارجية الهولندية في مطلع عام 2021، على "
        "مستوى العالم."
    ),
    "Ministry of Foreign Affairs": "وزارة الخارجية",
    "COMPASS protects people on the move, counters trafficking and smuggling, and supports "
    "dignified return and sustainable reintegration.": (
        "يحمي مشروع COMPASS الأشخاص المتنقّلين، ويتصدّى للاتجار بالبشر وتهريبهم، ويدعم العودة "
        "الكريمة وإعادة الإدماج المستدامة."
    ),
    "Victims get access to protection and assistance, such as mental health and psychosocial "
    "support.": (
        "يحصل الضحايا على الحماية والمساعدة، مثل الدعم النفسي والاجتماعي ورعاية الصحة النفسية."
    ),
    "Task force for the protection of labour migrants": "فريق عمل لحماية العمال المهاجرين",
    "Chaired by Emile Roemer during the COVID-19 pandemic: housing, safe work and social "
    "security. CoMensha contributed recommendations.": (
        "برئاسة إميل رومر (Emile Roemer) خلال جائحة كوفيد-19: السكن، والعمل الآمن، والضمان "
        "الاجتماعي. وقدّمت CoMensha توصيات."
    ),
    "The REST final report was presented in a webinar with members of the European Parliament.": (
        "قُدِّم التقرير النهائي لمشروع REST في ندوة عبر الإنترنت بحضور أعضاء من البرلمان الأوروبي."
    ),
    "Longread on human trafficking published": "نشر تقرير مطوّل عن الاتجار بالبشر",
    "CoMensha made a longread with VNG and makers Jessica Maas and Bas Losekoot, with experience "
    "stories of victims and professionals. Municipalities have a key role.": (
        "أعدّت CoMensha مع رابطة البلديات الهولندية (VNG) والمؤلّفَين Jessica Maas وBas Losekoot "
        "تقريرًا مطوّلًا يضمّ قصص تجارب لضحايا ومهنيين. وللبلديات دور أساسي."
    ),
    "Demo: the date is approximate.": "تجريبي: التاريخ تقريبي.",
    "Kompas: a guide to tackling trafficking for municipalities": (
        "Kompas: دليل للبلديات في مكافحة الاتجار بالبشر"
    ),
    "A digital guide by VNG with CoMensha on forms of trafficking, administrative instruments and "
    "responsibilities, with a factsheet.": (
        "دليل رقمي أعدّته رابطة البلديات الهولندية (VNG) مع CoMensha عن أشكال الاتجار بالبشر "
        "والأدوات الإدارية والمسؤوليات، مع ورقة معلومات."
    ),
    "IOM and the Ministry of Foreign Affairs launched COMPASS, which undermines traffickers' "
    "business models by promoting safe alternatives and sharing information.": (
        "أطلقت المنظمة الدولية للهجرة (IOM) ووزارة الخارجية مشروع COMPASS، الذي يقوّض أساليب "
        "المتاجرين بالبشر في الكسب من خلال تشجيع بدائل آمنة وتبادل المعلومات."
    ),
}

# The organisations' descriptions in Arabic, each followed by the placeholder note, as the
# builder writes them (DemoBuilder.organisations). Names stay as the organisations write them.
ARABIC_ORGANISATION_NOTE = (
    "تجريبي: الموقع الإلكتروني وعنوان البريد الإلكتروني مثالان فقط، وليسا بيانات اتصال حقيقية."
)
ARABIC_ORGANISATIONS = {
    "Coordinator of the REST project.": "المنظمة المنسّقة لمشروع REST.",
    "Partner in the REST project.": "شريك في مشروع REST.",
    "Coordination centre against human trafficking.": "مركز تنسيق مكافحة الاتجار بالبشر.",
    "European network against human trafficking.": "شبكة أوروبية لمكافحة الاتجار بالبشر.",
    "Led the SAFE project.": "قادت مشروع SAFE.",
    "Supports voluntary and safe return.": "تدعم العودة الطوعية والآمنة.",
    "Partner in the SAFE project.": "شريك في مشروع SAFE.",
    "Applicant of RAVOT-EUR.": "من الجهات التي تقدّمت بمشروع RAVOT-EUR.",
    "Hungary's Ministry of Interior. Led RAVOT-EUR for Hungary.": (
        "وزارة الداخلية الهنغارية. قادت مشروع RAVOT-EUR عن هنغاريا."
    ),
    "Launched COMPASS with IOM.": "أطلقت مشروع COMPASS مع المنظمة الدولية للهجرة (IOM).",
    "Association of Netherlands Municipalities.": "رابطة البلديات الهولندية.",
    "The government service that carries out departure from the Netherlands.": (
        "الجهة الحكومية التي تنفّذ المغادرة من هولندا."
    ),
}
ARABIC.update(
    {
        f"{english} {ORGANISATION_PLACEHOLDER_NOTE['en']}": f"{arabic} {ARABIC_ORGANISATION_NOTE}"
        for english, arabic in ARABIC_ORGANISATIONS.items()
    }
)

# One Dutch news item is changed after its translations, so the translation dashboard shows it
# out of date (in English and Arabic): the sentence is added to its Dutch introduction only.
OUT_OF_DATE_NEWS = "rest-report"
OUT_OF_DATE_UPDATE = (
    "Bijgewerkt: de presentatie is terug te kijken via de website van het Europees Parlement."
)


def story_path(language: str = "en") -> str:
    """The public path of the demo's richest story (every block type), for the tools that
    measure a story page (load test, bench, page budget): they name no story themselves."""
    return f"/{language}/{STORY_INDEX['slug'][language]}/{TESTIMONIES[0]['slug'][language]}/"
