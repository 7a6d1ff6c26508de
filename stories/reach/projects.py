"""Which pages a project's reach adds up: the project page and the stories and news linked to it
(their "related projects", chosen once on the source page), each in every language it has."""

from wagtail.models import Page

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
