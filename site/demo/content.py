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
        "mensenhandel. Maar een klein deel van hen komt in beeld. Hier vertellen overlevers en "
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
            {"heading": {"nl": "Wat we doen", "en": "What we do"}, "anchor": "wat-we-doen"},
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
                "anchor": "verhalen",
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
                    "figure": "5.000–7.500",
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
                "anchor": "wat-de-knop-doet",
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
                "anchor": "wat-de-knop-niet-doet",
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
                    "Gebruik daarom zo mogelijk een privévenster, en wis daarna je geschiedenis. Deze website plaatst geen cookies en bewaart niets op je apparaat.",
                    "So where you can, use a private window, and clear your history afterwards. This website sets no cookies and stores nothing on your device.",
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
                "anchor": "wat-we-vastleggen",
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
                    "Alleen medewerkers die inloggen om verhalen te beheren, krijgen een cookie om ingelogd te blijven.",
                    "Only staff who sign in to manage the stories get a cookie that keeps them signed in.",
                ),
            ),
        ),
        (
            "chapter",
            {
                "heading": T("Hoe lang we het bewaren", "How long we keep it"),
                "anchor": "hoe-lang-we-het-bewaren",
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
                "anchor": "vragen",
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
            "nl": "JILL vertelt hoe ze na jaren van uitbuiting stap voor stap weer mensen durft te "
            "vertrouwen.",
            "en": "JILL tells how, after years of exploitation, she is learning step by step to trust "
            "people again.",
        },
        "content_note": {
            "nl": "Dit verhaal gaat over seksuele uitbuiting en dwang.",
            "en": "This story is about sexual exploitation and coercion.",
        },
        "image": "dawn",
        "hero_alt": {
            "nl": "Abstracte illustratie: zacht licht dat door lagen kleur breekt.",
            "en": "Abstract illustration: soft light breaking through layers of colour.",
        },
        "body": [
            ("chapter", {"heading": T("Het begin", "The beginning"), "anchor": "begin"}),
            (
                "text",
                rich(
                    DEMO_NOTE,
                    T(
                        "Het begon met iemand die aardig voor me was, op een moment dat niemand anders dat was.",
                        "It started with someone who was kind to me, at a time when nobody else was.",
                    ),
                    T(
                        "Pas veel later begreep ik dat die aandacht een plan was.",
                        "Only much later did I understand that this attention was a plan.",
                    ),
                ),
            ),
            (
                "figure",
                {
                    "image": image("dawn"),
                    "alt_text": T(
                        "Abstracte illustratie: zacht licht dat door lagen kleur breekt.",
                        "Abstract illustration: soft light breaking through layers of colour.",
                    ),
                    "decorative": False,
                    "caption": T(
                        "Illustratie bij het verhaal van JILL.", "Illustration for JILL's story."
                    ),
                    "credit": T("Demo-illustratie", "Demo illustration"),
                    "width": "wide",
                },
            ),
            (
                "scrolly_steps",
                {
                    "heading": T("Hoe het dichterbij kwam", "How it closed in"),
                    "steps": [
                        {
                            "image": image("paper"),
                            "alt_text": T(
                                "Abstracte illustratie: warme, open vlakken.",
                                "Abstract illustration: warm, open planes.",
                            ),
                            "decorative": False,
                            "text": rich(
                                T(
                                    "Eerst waren er cadeaus en aandacht.",
                                    "First there were gifts and attention.",
                                )
                            ),
                        },
                        {
                            "image": image("threads"),
                            "alt_text": T(
                                "Abstracte illustratie: lijnen die dichter bij elkaar komen.",
                                "Abstract illustration: lines drawing closer together.",
                            ),
                            "decorative": False,
                            "text": rich(
                                T(
                                    "Daarna kwamen de regels: wie ik mocht zien, waar ik mocht zijn.",
                                    "Then came the rules: whom I could see, where I could be.",
                                )
                            ),
                        },
                        {
                            "image": image("horizon"),
                            "alt_text": T(
                                "Abstracte illustratie: een lage, donkere horizon.",
                                "Abstract illustration: a low, dark horizon.",
                            ),
                            "decorative": False,
                            "text": rich(
                                T(
                                    "Op het laatst was er bijna niemand meer om wie ik vertrouwde.",
                                    "In the end there was almost nobody left whom I trusted.",
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
            ("chapter", {"heading": T("Hulp", "Help"), "anchor": "hulp"}),
            (
                "backdrop",
                {
                    "image": image("horizon"),
                    "alt_text": "",
                    "decorative": True,
                    "cards": [
                        rich(T("Hulpverleners gaven me tijd.", "Care workers gave me time.")),
                        rich(
                            T(
                                "Niemand dwong me om alles in één keer te vertellen.",
                                "Nobody forced me to tell everything at once.",
                            )
                        ),
                        rich(
                            T(
                                "Langzaam leerde ik weer ja en nee zeggen.",
                                "Slowly I learned to say yes and no again.",
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
                    "attribution": "JILL",
                },
            ),
            (
                "audio",
                {
                    "media": {"media": "calm-tone"},
                    "title": T("Demo-geluid: een rustige toon", "Demo sound: a calm tone"),
                    "transcript": rich(
                        T(
                            "[Demo: een rustige toon, zonder gesproken tekst. Hier staat bij een echte opname alles wat er gezegd wordt.]",
                            "[Demo: a calm tone, with no spoken words. For a real recording, everything that is said is written here.]",
                        )
                    ),
                },
            ),
            ("chapter", {"heading": T("Daarna", "Afterwards"), "anchor": "daarna"}),
            (
                "image_comparison",
                {
                    "before": image("horizon"),
                    "before_alt": T(
                        "Abstracte illustratie in koele, donkere tinten.",
                        "Abstract illustration in cool, dark tones.",
                    ),
                    "before_label": T("Toen", "Then"),
                    "after": image("dawn"),
                    "after_alt": T(
                        "Abstracte illustratie in warme, lichte tinten.",
                        "Abstract illustration in warm, light tones.",
                    ),
                    "after_label": T("Nu", "Now"),
                    "caption": T(
                        "Twee illustraties, vergeleken met een schuifregelaar.",
                        "Two illustrations, compared with a slider.",
                    ),
                },
            ),
            (
                "gallery",
                {
                    "heading": T("Beelden van herstel", "Images of recovery"),
                    "images": [
                        {
                            "image": image("paper"),
                            "alt_text": T(
                                "Warme vlakken die elkaar overlappen.",
                                "Warm planes overlapping each other.",
                            ),
                            "decorative": False,
                            "caption": T("Rust", "Calm"),
                        },
                        {
                            "image": image("dawn"),
                            "alt_text": T("Licht dat doorbreekt.", "Light breaking through."),
                            "decorative": False,
                            "caption": T("Licht", "Light"),
                        },
                        {
                            "image": image("threads"),
                            "alt_text": T("Lijnen die samenkomen.", "Lines coming together."),
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
                        "Vandaag kies ik zelf wie ik vertrouw. Dat gaat niet snel, maar het gaat.",
                        "Today I choose for myself whom I trust. It is not quick, but it is happening.",
                    ),
                ),
            ),
            (
                "help_box",
                {
                    "heading": T(
                        "Herken je iets in dit verhaal?",
                        "Do you recognise something in this story?",
                    ),
                    "text": "",
                },
            ),
            ("related_stories", {"heading": T("Meer verhalen", "More stories")}),
        ],
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
            "nl": "KIM vertelt waarom ze zo lang zweeg, en wat haar hielp om te praten.",
            "en": "KIM tells why she stayed silent for so long, and what helped her to speak.",
        },
        "content_note": {
            "nl": "Dit verhaal gaat over bedreiging en uitbuiting.",
            "en": "This story is about threats and exploitation.",
        },
        "image": "horizon",
        "hero_alt": {
            "nl": "Abstracte illustratie: een lage horizon onder een brede, lichte lucht.",
            "en": "Abstract illustration: a low horizon under a wide, pale sky.",
        },
        "body": [
            (
                "text",
                rich(
                    {
                        "nl": "Ik schaamde me voor wat er gebeurde, ook al was het niet mijn schuld.",
                        "en": "I was ashamed of what happened, even though it was not my fault.",
                    },
                    {
                        "nl": "De dreigementen gingen niet alleen over mij, maar ook over mijn "
                        "familie.",
                        "en": "The threats were not only about me, but also about my family.",
                    },
                    DEMO_NOTE,
                ),
            ),
        ],
    },
    {
        "pseudonym": "Mark [demo]",
        "kind": "professional",
        "role": {"nl": "Handhaver", "en": "Enforcement officer"},
        "themes": ["labour"],
        "consent": {"given_days_ago": 60, "api": True},
        "title": {"nl": "Wat ik zie bij controles", "en": "What I see during inspections"},
        "slug": {"nl": "handhaver-mark", "en": "enforcement-officer-mark"},
        "quote": {
            "nl": "Een vol huis zegt niets, totdat je ziet wie de sleutel heeft.",
            "en": "A crowded house says nothing, until you see who holds the key.",
        },
        "teaser": {
            "nl": "Een handhaver over de signalen die je leert zien.",
            "en": "An enforcement officer on the signs you learn to see.",
        },
        "content_note": {"nl": "", "en": ""},
        "image": "threads",
        "hero_alt": {
            "nl": "Abstracte illustratie: lijnen in verschillende kleuren die elkaar kruisen.",
            "en": "Abstract illustration: lines in different colours crossing each other.",
        },
        "body": [
            (
                "text",
                rich(
                    FICTION_NOTE,
                    {
                        "nl": "Bij een controle let ik op wie het woord doet en wie niet mag praten.",
                        "en": "During an inspection I watch who does the talking and who is not "
                        "allowed to speak.",
                    },
                ),
            ),
        ],
    },
    {
        "pseudonym": "Noor [demo]",
        "kind": "professional",
        "role": {"nl": "Zorgcoördinator", "en": "Care coordinator"},
        "themes": ["sexual", "labour"],
        "consent": {"given_days_ago": 30, "api": False},
        "title": {"nl": "Zorg die blijft", "en": "Care that stays"},
        "slug": {"nl": "zorgcoordinator-noor", "en": "care-coordinator-noor"},
        "quote": {
            "nl": "Vertrouwen bouw je niet in een gesprek, maar in honderd kleine afspraken.",
            "en": "You do not build trust in one conversation, but in a hundred small appointments.",
        },
        "teaser": {
            "nl": "Een zorgcoördinator over opvang, geduld en samenwerking in de keten.",
            "en": "A care coordinator on shelter, patience and working together in the chain.",
        },
        "content_note": {"nl": "", "en": ""},
        "image": "paper",
        "hero_alt": {
            "nl": "Abstracte illustratie: overlappende vlakken in warme tinten.",
            "en": "Abstract illustration: overlapping planes in warm tones.",
        },
        "body": [
            (
                "text",
                rich(
                    FICTION_NOTE,
                    {
                        "nl": "Mijn werk begint vaak met een bed, een maaltijd en rust.",
                        "en": "My work often starts with a bed, a meal and some calm.",
                    },
                ),
            ),
        ],
    },
]

# A calm tone as demo audio, and a one-page PDF as demo document, both generated.
MEDIA = {"calm-tone": {"title": "Demo-geluid: rustige toon", "seconds": 4}}
DOCUMENTS = {"demo-factsheet": {"title": "Factsheet (demo)"}}

IMAGES = {
    "dawn": {
        "nl": "Illustratie dageraad",
        "seed": 11,
        "palette": ["#f6d6ad", "#e8a87c", "#c38d9e", "#41b3a3"],
    },
    "horizon": {
        "nl": "Illustratie horizon",
        "seed": 23,
        "palette": ["#dfe7ec", "#9fb8c8", "#5a7d9a", "#2e4a62"],
    },
    "threads": {
        "nl": "Illustratie lijnen",
        "seed": 37,
        "palette": ["#fbf3e4", "#d8a47f", "#7a1f3d", "#2f6b4f"],
    },
    "paper": {
        "nl": "Illustratie vlakken",
        "seed": 41,
        "palette": ["#fff7e8", "#f2c57c", "#dd6e42", "#4f6d7a"],
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
        "Organisaties in Europa die slachtoffers helpen. Een sociale kaart zoals het SAFE-project die maakte (demo: soorten hulp zijn indicatief).",
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
                "anchor": "eerst-contact",
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
        (
            "chapter",
            {"heading": T("Veilige Toekomst", "Safe Future"), "anchor": "veilige-toekomst"},
        ),
        (
            "text",
            rich(
                T(
                    "Volgens de methode Veilige Toekomst is terugkeer vanaf het eerste moment van de hulp bespreekbaar. Het vertrek wordt samen voorbereid, en er is contact met een organisatie in het land van herkomst voor re-integratie.",
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
                {"heading": T("Wat REST deed", "What REST did"), "anchor": "wat-rest-deed"},
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


# --- Arabic: JILL's story (with the home page and story index above it), right to left ----------
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
    "stories": "stories",  # the address keeps Latin letters
    "Experience stories of survivors and of professionals who deal with human trafficking.": (
        "قصص تجارب لناجين ولمهنيين يتعاملون مع الاتجار بالبشر."
    ),
    # JILL's story
    "Getting my trust back": "استعادة ثقتي",
    "The most important thing is that I get my trust back": "أهم شيء هو أن أستعيد ثقتي",
    "JILL tells how, after years of exploitation, she is learning step by step to trust people "
    "again.": "تحكي JILL كيف تتعلّم، بعد سنوات من الاستغلال، أن تثق بالناس من جديد خطوة بخطوة.",
    "This story is about sexual exploitation and coercion.": (
        "تتناول هذه القصة الاستغلال الجنسي والإكراه."
    ),
    "Abstract illustration: soft light breaking through layers of colour.": (
        "رسم تجريدي: ضوء ناعم يخترق طبقات من الألوان."
    ),
    "The beginning": "البداية",
    "Demo text: written to demonstrate this website, based on public facts.": (
        "نص تجريبي وترجمة تجريبية: كُتب هذا النص لعرض هذا الموقع استنادًا إلى وقائع منشورة، "
        "وتُرجم إلى العربية لأغراض العرض فقط."
    ),
    "It started with someone who was kind to me, at a time when nobody else was.": (
        "بدأ الأمر بشخص كان لطيفًا معي، في وقت لم يكن فيه أحد غيره كذلك."
    ),
    "Only much later did I understand that this attention was a plan.": (
        "لم أفهم إلا بعد وقت طويل أن ذلك الاهتمام كان خطة."
    ),
    "Illustration for JILL's story.": "رسم توضيحي لقصة JILL.",
    "Demo illustration": "رسم توضيحي تجريبي",
    "How it closed in": "كيف ضاق الخناق",
    "Abstract illustration: warm, open planes.": "رسم تجريدي: مساحات دافئة ومفتوحة.",
    "First there were gifts and attention.": "في البداية كانت هناك هدايا واهتمام.",
    "Abstract illustration: lines drawing closer together.": (
        "رسم تجريدي: خطوط يقترب بعضها من بعض."
    ),
    "Then came the rules: whom I could see, where I could be.": (
        "ثم جاءت القواعد: من يُسمح لي أن أرى، وأين يُسمح لي أن أكون."
    ),
    "Abstract illustration: a low, dark horizon.": "رسم تجريدي: أفق منخفض ومظلم.",
    "In the end there was almost nobody left whom I trusted.": (
        "في النهاية لم يبقَ تقريبًا أحد أثق به."
    ),
    "Help": "المساعدة",
    "Care workers gave me time.": "منحني العاملون في الرعاية وقتًا.",
    "Nobody forced me to tell everything at once.": "لم يجبرني أحد على أن أروي كل شيء دفعة واحدة.",
    "Slowly I learned to say yes and no again.": "تعلّمت ببطء أن أقول نعم ولا من جديد.",
    "Trust does not come back in one conversation.": "الثقة لا تعود في محادثة واحدة.",
    "Demo sound: a calm tone": "صوت تجريبي: نغمة هادئة",
    "[Demo: a calm tone, with no spoken words. For a real recording, everything that is said is "
    "written here.]": (
        "[عرض تجريبي: نغمة هادئة بلا كلام منطوق. في التسجيل الحقيقي يُكتب هنا كل ما يُقال.]"
    ),
    "Afterwards": "ما بعد ذلك",
    "Abstract illustration in cool, dark tones.": "رسم تجريدي بألوان باردة وداكنة.",
    "Then": "آنذاك",
    "Abstract illustration in warm, light tones.": "رسم تجريدي بألوان دافئة وفاتحة.",
    "Now": "الآن",
    "Two illustrations, compared with a slider.": "رسمان توضيحيان، تُقارن بينهما بشريط تمرير.",
    "Images of recovery": "صور التعافي",
    "Warm planes overlapping each other.": "مساحات دافئة متداخلة.",
    "Calm": "هدوء",
    "Light breaking through.": "ضوء يشق طريقه.",
    "Light": "نور",
    "Lines coming together.": "خطوط تلتقي.",
    "Connection": "تواصل",
    "Today I choose for myself whom I trust. It is not quick, but it is happening.": (
        "اليوم أختار بنفسي من أثق به. الأمر ليس سريعًا، لكنه يحدث."
    ),
    "Do you recognise something in this story?": "هل تتعرّف على شيء ما في هذه القصة؟",
    "More stories": "قصص أخرى",
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
}

# One Dutch news item is changed after its translation, so the translation dashboard shows an
# out-of-date translation: the sentence is added to its Dutch introduction only.
OUT_OF_DATE_NEWS = "rest-report"
OUT_OF_DATE_UPDATE = (
    "Bijgewerkt: de presentatie is terug te kijken via de website van het Europees Parlement."
)
