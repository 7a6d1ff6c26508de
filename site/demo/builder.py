"""Builds the demo site from demo/content.py: pages in Dutch, translated with wagtail-localize.

Idempotent: every object is looked up by a stable key (slug, pseudonym, title) before it is made,
so a second run changes nothing and creates no duplicates.
"""

import datetime
import html
import io
import math
import re
import struct
import uuid
import wave

from django.conf import settings as django_settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents.models import Document
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from longread.mediafiles import MediaFile
from sitewide.demo import content
from sitewide.demo.illustrations import illustration_jpeg
from sitewide.models import HomePage, InformationPage, LanguageSettings
from sitewide.staff.roles import ensure_translator_groups
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

SOURCE = "nl"
TARGET = "en"
RIGHT_TO_LEFT_DEMO = "ar"
# An address (slug) or a chapter anchor: lower-case Latin letters and digits joined by hyphens.
ADDRESS = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")


class DemoBuilder:
    def __init__(self, log):
        self.log = log
        self.mapping: dict[str, str] = {}
        self.refs: dict[str, dict] = {"image": {}, "media": {}, "document": {}}

    # --- text helpers -------------------------------------------------------------------------
    def text(self, value, language=SOURCE):
        """Pick one language out of the content structure, remembering every nl→en pair.

        Also resolves references: {"rich": [...]} to paragraphs, {"image": key} to an image id,
        {"media": key} and {"document": key} likewise.
        """
        if isinstance(value, dict) and set(value) == {"nl", "en"}:
            if value["nl"]:
                self.mapping[value["nl"]] = value["en"]
            return value[language]
        if isinstance(value, dict) and set(value) == {"rich"}:
            paragraphs = [self.text(item, language) for item in value["rich"]]
            return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in paragraphs)
        if isinstance(value, dict) and set(value) == {"image"}:
            return self.refs["image"][value["image"]].pk
        if isinstance(value, dict) and set(value) == {"media"}:
            return self.refs["media"][value["media"]].pk
        if isinstance(value, dict) and set(value) == {"document"}:
            return self.refs["document"][value["document"]].pk
        if isinstance(value, dict):
            return {key: self.text(item, language) for key, item in value.items()}
        if isinstance(value, list):
            # Lists inside blocks are ListBlocks: give each item an id, as the editor does, so
            # wagtail-localize can address its segments.
            return [
                {"type": "item", "value": self.text(item, language), "id": str(uuid.uuid4())}
                for item in value
            ]
        if isinstance(value, str) and value:
            self.mapping.setdefault(value, value)  # language-neutral: pseudonyms, anchors
        return value

    def body(self, blocks):
        return [{"type": block_type, "value": self.text(value)} for block_type, value in blocks]

    # --- steps --------------------------------------------------------------------------------
    def locales(self):
        # Every configured language gets its locale (as after `migrate`), so the admin offers it.
        for code in dict.fromkeys([SOURCE, TARGET, *(c for c, _ in django_settings.LANGUAGES)]):
            Locale.objects.get_or_create(language_code=code)
        return Locale.objects.get(language_code=SOURCE), Locale.objects.get(language_code=TARGET)

    def images(self):
        Image_ = get_image_model()
        made = {}
        for key, spec in content.IMAGES.items():
            image = Image_.objects.filter(title=spec["nl"]).first()
            if image is None:
                # Drawn for the demo, showing no one: shown whatever a photo permission says.
                image = Image_(title=spec["nl"], kind=Image_.ILLUSTRATION)
                image.file.save("demo.jpg", ContentFile(illustration_jpeg(spec)), save=False)
                image._set_image_file_metadata()
                image.save()
                self.log(f"  image: {spec['nl']}")
            elif image.kind != Image_.ILLUSTRATION:
                image.kind = Image_.ILLUSTRATION  # seeded before images had a kind
                image.save(update_fields=["kind"])
            made[key] = image
        self.refs["image"] = made
        return made

    def media_and_documents(self):
        for key, spec in content.MEDIA.items():
            media = MediaFile.objects.filter(title=spec["title"]).first()
            if media is None:
                media = MediaFile(
                    title=spec["title"], kind=MediaFile.AUDIO, duration_seconds=spec["seconds"]
                )
                media.file.save("tone.wav", ContentFile(calm_tone_wav(spec["seconds"])), save=False)
                media.save()
                self.log(f"  audio: {spec['title']}")
            elif media.duration_seconds is None:  # seeded before the running time was shown
                media.duration_seconds = spec["seconds"]
                media.save(update_fields=["duration_seconds"])
            self.refs["media"][key] = media
        for key, spec in content.DOCUMENTS.items():
            document = Document.objects.filter(title=spec["title"]).first()
            if document is None:
                document = Document(title=spec["title"])
                document.file.save("factsheet.pdf", ContentFile(demo_pdf()), save=False)
                document.save()
                self.log(f"  document: {spec['title']}")
            self.refs["document"][key] = document

    def home(self, nl):
        site = Site.objects.get(is_default_site=True)
        home = HomePage.objects.filter(locale=nl, depth=2).first()
        if home is None:
            root = Page.get_first_root_node()
            welcome = site.root_page
            site.root_page = root
            site.save()
            if not isinstance(welcome.specific, HomePage) and welcome.depth == 2:
                welcome.delete()
            home = HomePage(
                title=self.text(content.HOME["title"], SOURCE),
                slug=self.text(content.HOME["slug"], SOURCE),
                intro=self.text(content.HOME["intro"], SOURCE),
                body=self.body(content.HOME["body"]),
                locale=nl,
            )
            root.add_child(instance=home)
            home.save_revision().publish()
            self.log("  page: home")
        else:
            self.text({key: content.HOME[key] for key in ("title", "slug", "intro")})
            self.body(content.HOME["body"])
        site.root_page = home
        site.hostname = "localhost"
        site.site_name = "CoMensha"
        site.save()
        return home

    def child_page(self, parent, model, spec, show_in_menus=False, **fields):
        slug = self.text(spec["slug"], SOURCE)
        existing = model.objects.child_of(parent).filter(slug=slug).first()
        values = {key: self.text(spec[key], SOURCE) for key in ("title", "intro") if key in spec}
        if "body" in spec:
            values["body"] = self.body(spec["body"])
        if existing:
            return existing
        values.update(fields)
        page = model(slug=slug, show_in_menus=show_in_menus, locale=parent.locale, **values)
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.log(f"  page: {page.title}")
        return page

    def testimonies(self, index, images, nl, en):
        pages = []
        for spec in content.TESTIMONIES:
            record = self.consent(spec, nl, en)
            page = self.child_page(
                index,
                TestimonyPage,
                spec,
                pseudonym=spec["pseudonym"],
                teller_kind=spec["kind"],
                role=self.text(spec["role"], SOURCE),
                quote=self.text(spec["quote"], SOURCE),
                teaser=self.text(spec["teaser"], SOURCE),
                content_note=self.text(spec["content_note"], SOURCE),
                hero_image=images[spec["image"]],
                hero_alt_text=self.text(spec["hero_alt"], SOURCE),
                themes=spec["themes"],
                consent=record,
            )
            pages.append(page)
        return pages

    def consent(self, spec, nl, en):
        record = ConsentRecord.objects.filter(pseudonym=spec["pseudonym"]).first()
        if record:
            return record
        scope = spec["consent"]
        given = timezone.localdate() - datetime.timedelta(days=scope["given_days_ago"])
        record = ConsentRecord.objects.create(
            pseudonym=spec["pseudonym"],
            given_on=given,
            evidence_reference=f"DEMO-{spec['pseudonym'][:4].upper()}-{given:%Y}",
            allows_website=True,
            allows_api=scope.get("api", False),
            allows_social=scope.get("social", False),
            allows_photos=scope.get("photos", False),
            allows_audio=scope.get("audio", False),
            allows_video=scope.get("video", False),
            notes="Demo record.",
        )
        record.languages.set([nl, en])
        record.save()
        self.log(f"  consent: {record.pseudonym}")
        return record

    def related(self, stories):
        """Link every story to the others of the same kind of teller."""
        for story in stories:
            if story.related_stories.exists():
                continue
            for other in stories:
                if other.pk != story.pk and other.teller_kind == story.teller_kind:
                    story.related_stories.create(story=other)
            story.save_revision().publish()

    def organisations(self, nl):
        made = {}
        for spec in content.ORGANISATIONS:
            organisation = Organisation.objects.filter(locale=nl, name=spec["name"]).first()
            # The facts give no contact details: the website and e-mail address are placeholders
            # under example.org, said so in the description, and no phone number is made up (a
            # made-up number could ring a real person). Staff enter the real ones.
            description = self.text(
                {
                    language: f"{text} {content.ORGANISATION_PLACEHOLDER_NOTE[language]}"
                    for language, text in spec["description"].items()
                }
            )
            if organisation is None:
                organisation = Organisation.objects.create(
                    locale=nl,
                    name=spec["name"],
                    country=spec["country"],
                    help_kinds=spec["kinds"],
                    description=description,
                    website=f"https://{spec['key']}.example.org/",
                    email=f"{spec['key']}@example.org",
                )
                self.log(f"  organisation: {organisation.name}")
            made[spec["key"]] = organisation
        return made

    def projects(self, index, organisations):
        made = {}
        for spec in content.PROJECTS:
            page = self.child_page(
                index,
                ProjectPage,
                spec,
                acronym=spec["acronym"],
                full_name=self.text(spec["full_name"]),
                intro=self.text(spec["intro"]),
                funding_programme=self.text(spec["programme"]),
                grant_reference=spec["grant"],
                total_budget=spec["total"],
                eu_contribution=spec["eu"],
                start_date=spec["start"],
                end_date=spec["end"],
                status=spec["status"],
                coordinator=organisations[spec["coordinator"]],
            )
            if not page.partners.exists() and (
                spec["partners"] or spec["deliverables"] or spec["recommendations"]
            ):
                for key, role in spec["partners"]:
                    page.partners.create(organisation=organisations[key], role=self.text(role))
                for title, language in spec["deliverables"]:
                    page.deliverables.create(title=self.text(title), language=language)
                for theme, text in spec["recommendations"]:
                    page.recommendations.create(theme=self.text(theme), text=self.text(text))
                page.save_revision().publish()
            else:
                for _key, role in spec["partners"]:
                    self.text(role)
                for title, _language in spec["deliverables"]:
                    self.text(title)
                for theme, text in spec["recommendations"]:
                    self.text(theme)
                    self.text(text)
            made[spec["key"]] = page
        return made

    def news(self, index, projects):
        made = []
        for spec in content.NEWS:
            page = self.child_page(
                index, NewsPage, spec, date=spec["date"], intro=self.text(spec["intro"])
            )
            if spec["projects"] and not page.related_projects.exists():
                page.related_projects.set([projects[key] for key in spec["projects"]])
                page.save_revision().publish()
            made.append(page)
        return made

    def language_settings(self, nl, en, safety_page=None, privacy_page=None):
        for code, locale in ((SOURCE, nl),):
            if not LanguageSettings.objects.filter(locale=locale).exists():
                LanguageSettings.objects.create(locale=locale, **content.LANGUAGE_SETTINGS[code])
                self.log(f"  settings: {code}")
        source = LanguageSettings.objects.get(locale=nl)
        if safety_page is not None and source.safety_page_id is None:
            source.safety_page = safety_page
            source.save()
        if privacy_page is not None and source.privacy_page_id is None:
            source.privacy_page = privacy_page
            source.save()
        for key, value in content.LANGUAGE_SETTINGS[SOURCE].items():
            self.mapping.setdefault(value, content.LANGUAGE_SETTINGS[TARGET][key])
            for nl_line, en_line in zip(
                value.splitlines(),
                content.LANGUAGE_SETTINGS[TARGET][key].splitlines(),
                strict=False,
            ):
                self.mapping.setdefault(nl_line, en_line)
            # Rich text is segmented per paragraph.
            if value.startswith("<p>"):
                self.mapping[html.unescape(value[3:-4])] = content.LANGUAGE_SETTINGS[TARGET][key][
                    3:-4
                ]
        return source

    @transaction.atomic
    def translate(self, instance, locale, mapping=None):
        """Translate with wagtail-localize, as a translator would: every segment gets a string.

        `mapping` holds Dutch source text → target text (default: the English of content.py).
        Its own transaction: wagtail-localize publishes on commit, and a publish that waits for
        later steps would write back a stale copy of the page's tree position.
        """
        mapping = self.mapping if mapping is None else mapping
        if instance.get_translations().filter(locale=locale).exists() and (
            mapping is self.mapping
            or Translation.objects.filter(
                source__object_id=instance.translation_key, target_locale=locale
            ).exists()
        ):
            # Translated before (an offline copy of a parent page, made when a child page was
            # translated first, still gets its own translation).
            return
        source, _created = TranslationSource.get_or_create_from_instance(instance)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        missing = []
        for segment in StringSegment.objects.filter(source=source).select_related("string"):
            text = html.unescape(segment.string.data.replace("<br/>", "\n"))
            if text not in mapping:
                missing.append(text)
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": StringValue.from_plaintext(mapping[text]).data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
        if missing:
            raise ValueError(f"Demo content has no {locale.language_code} text for: {missing}")
        translation.save_target(publish=True)
        self.log(f"  translated into {locale.language_code}: {instance}")

    def build(self):
        nl, en = self.locales()
        self.log("Images, audio and documents")
        images = self.images()
        self.media_and_documents()
        self.log("Pages")
        home = self.home(nl)
        about = self.child_page(home, InformationPage, content.ABOUT, show_in_menus=True)
        index = self.child_page(home, StoryIndexPage, content.STORY_INDEX, show_in_menus=True)
        safety = self.child_page(home, InformationPage, content.SAFETY)
        stories = self.testimonies(index, images, nl, en)
        self.related(stories)
        organisations = self.organisations(nl)
        project_index = self.child_page(
            home, ProjectIndexPage, content.PROJECT_INDEX, show_in_menus=True
        )
        projects = self.projects(project_index, organisations)
        news_index = self.child_page(home, NewsIndexPage, content.NEWS_INDEX, show_in_menus=True)
        news = self.news(news_index, projects)
        directory = self.child_page(
            home, OrganisationDirectoryPage, content.DIRECTORY, show_in_menus=True
        )
        return_page = self.child_page(
            home,
            InformationPage,
            content.RETURN_PAGE,
            show_in_menus=True,
            organisations_kind="return",
        )
        privacy = self.child_page(home, InformationPage, content.PRIVACY)
        self.log("Settings")
        settings = self.language_settings(nl, en, safety_page=safety, privacy_page=privacy)
        self.log("Translations")
        # Pages first, so that the settings' page links find their English pages.
        for instance in [
            *organisations.values(),
            home,
            about,
            index,
            safety,
            *stories,
            project_index,
            *projects.values(),
            news_index,
            *news,
            directory,
            return_page,
            privacy,
            settings,
        ]:
            self.translate(instance, en)
        self.link_privacy_page(privacy, en)
        if RIGHT_TO_LEFT_DEMO in dict(django_settings.LANGUAGES):
            self.arabic_pages(
                home,
                index,
                stories,
                settings,
                [
                    safety,
                    about,
                    project_index,
                    *projects.values(),
                    news_index,
                    *news,
                    directory,
                    return_page,
                    privacy,
                ],
                organisations.values(),
            )
        self.out_of_date_news(news)
        self.log("Groups")
        for group in ensure_translator_groups():
            self.log(f"  group: {group.name}")

    def arabic_mapping(self) -> dict[str, str]:
        """Dutch → Arabic through the English (content.ARABIC is keyed by the English text);
        language-neutral strings (pseudonyms, numbers) stay as they are, and addresses and
        chapter anchors take the English ones (Latin letters, as the Arabic pages' addresses)."""
        mapping = {}
        for dutch, english in self.mapping.items():
            if english in content.ARABIC:
                mapping[dutch] = content.ARABIC[english]
            elif dutch == english:
                mapping[dutch] = dutch
            elif ADDRESS.match(dutch) and ADDRESS.match(english):
                mapping[dutch] = english
        return mapping

    def arabic_pages(self, home, index, stories, settings, pages, organisations):
        """The right-to-left demo: JILL's story in Arabic with the pages above it (so that its
        address works), every page the Arabic pages' menu and footer link to, with the pages
        listed there (`pages`, parents first: browsing safely, the help a reader at risk needs
        in her own language first; about, the projects, the news, the organisation directory,
        the return page, privacy), the organisations they name, and the per-language settings
        (help box, footer, quick exit), last, so that they name the Arabic safety and privacy
        pages. No Arabic reader meets an English page from the menus, the footer or the help.

        Only JILL's consent record gets Arabic, first: publishing a translation outside the
        consented languages is refused (stories.consent)."""
        locale = Locale.objects.get(language_code=RIGHT_TO_LEFT_DEMO)
        story = next(page for page in stories if page.pseudonym == content.ARABIC_STORY)
        if not story.get_translations().filter(locale=locale).exists():
            story.consent.languages.add(locale)
            story.consent.save()
        mapping = self.arabic_mapping()
        for instance in (*organisations, home, index, story, *pages, settings):
            self.translate(instance, locale, mapping)
        privacy = next(page for page in pages if page.slug == content.PRIVACY["slug"][SOURCE])
        self.link_privacy_page(privacy, locale)

    def out_of_date_news(self, news):
        """Change one Dutch news item after its translation: the dashboard's out-of-date state."""
        key = content.OUT_OF_DATE_NEWS
        spec = next(item for item in content.NEWS if item["key"] == key)
        page = next(page for page in news if page.slug == spec["slug"][SOURCE])
        page = NewsPage.objects.get(pk=page.pk)
        if content.OUT_OF_DATE_UPDATE in page.intro:
            return
        page.intro = f"{page.intro} {content.OUT_OF_DATE_UPDATE}"
        page.save_revision().publish()
        self.log(f"  changed after translation: {page.title}")

    def link_privacy_page(self, privacy, locale):
        """Settings translated before the privacy page had a translation in their language (they
        name no privacy page, or the Dutch one) get that translation."""
        translated = privacy.get_translations().filter(locale=locale).first()
        settings = LanguageSettings.objects.filter(locale=locale).first()
        if (
            translated is not None
            and settings is not None
            and settings.privacy_page_id in (None, privacy.pk)
        ):
            settings.privacy_page = translated
            settings.save()


def calm_tone_wav(seconds: int) -> bytes:
    """A soft 220 Hz tone that fades in and out: demo audio, generated, no voice."""
    rate = 16000
    frames = bytearray()
    total = rate * seconds
    for n in range(total):
        fade = min(1.0, n / (rate / 2), (total - n) / (rate / 2))
        sample = int(6000 * fade * math.sin(2 * math.pi * 220 * n / rate))
        frames += struct.pack("<h", sample)
    output = io.BytesIO()
    with wave.open(output, "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(bytes(frames))
    return output.getvalue()


def demo_pdf() -> bytes:
    """A one-page PDF that says it is a demo document."""
    text = b"BT /F1 18 Tf 72 720 Td (Factsheet - demo document) Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    output = io.BytesIO()
    output.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(output.tell())
        output.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = output.tell()
    output.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        output.write(b"%010d 00000 n \n" % offset)
    output.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return output.getvalue()
