"""Which pages a project's reach adds up: the project page and the stories and news linked to it
(their "related projects", chosen once on the source page), each in every language it has."""

from wagtail.models import Locale, Page

from stories.models import NewsPage, ProjectPage, TestimonyPage

# The page types that link to projects (their `related_projects`).
LINKING = (TestimonyPage, NewsPage)


def project_pages(translation_keys=None) -> dict:
    """Per project (its translation key): the ids of its own pages (every language) and of every
    page linked to it (every language), in a few queries whatever the number of projects. All
    projects, or those of the given translation keys."""
    projects = ProjectPage.objects.all()
    if translation_keys is not None:
        projects = projects.filter(translation_key__in=translation_keys)
    sets: dict = {}
    for page_id, key in projects.values_list("pk", "translation_key"):
        sets.setdefault(key, {"own": set(), "linked": set()})["own"].add(page_id)
    linked_keys: dict = {}  # a linked page's translation key -> the projects it belongs to
    for model in LINKING:
        links = model.objects.filter(related_projects__translation_key__in=list(sets))
        for page_key, project_key in links.values_list(
            "translation_key", "related_projects__translation_key"
        ).distinct():
            linked_keys.setdefault(page_key, set()).add(project_key)
    translations = Page.objects.filter(translation_key__in=list(linked_keys))
    for page_id, page_key in translations.values_list("pk", "translation_key"):
        for project_key in linked_keys[page_key]:
            sets[project_key]["linked"].add(page_id)
    return sets


def naming_pages(translation_keys) -> dict:
    """Per project (translation key), the page that names it: in the default language if it has
    one, else its first."""
    default = Locale.get_default().pk
    named = {}
    for page in ProjectPage.objects.filter(translation_key__in=translation_keys).order_by("pk"):
        if page.translation_key not in named or page.locale_id == default:
            named[page.translation_key] = page
    return named


def label(project) -> str:
    """A project as the reach screens and the CSV name it: its acronym first when the title does
    not say it."""
    if project.acronym and project.acronym not in project.title:
        return f"{project.acronym}: {project.title}"
    return project.title


def projects_of(page_ids) -> dict:
    """Per page id, the labels of the projects the page adds to (its own project, or those it is
    linked to), in alphabetical order."""
    sets = project_pages()
    named = naming_pages(list(sets))
    wanted = set(page_ids)
    found: dict = {}
    for key, pages in sets.items():
        for page_id in (pages["own"] | pages["linked"]) & wanted:
            found.setdefault(page_id, []).append(label(named[key]))
    return {page_id: sorted(labels, key=str.casefold) for page_id, labels in found.items()}
