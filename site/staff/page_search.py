"""The admin's page search counts its results in a sentence that reads ("1-5 van 12 pagina's",
"1-5 of 12 pages").

Wagtail's page search view names no model, so the count above its results ended in "None"
("1-1 van 1 None"). Wagtail takes the page search from the viewset registered for `Page`
(`PageViewSet.search_view_class`, used only by that viewset); this one is Wagtail's own with a
search view that names what it lists, registered after Wagtail's.
"""

from wagtail import hooks
from wagtail.admin.views.pages.search import SearchView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page


class PageSearchView(SearchView):
    verbose_name = Page._meta.verbose_name
    verbose_name_plural = Page._meta.verbose_name_plural


class StaffPageViewSet(PageViewSet):
    model = Page
    search_view_class = PageSearchView


# After Wagtail's base viewset (order -1): the registry keeps the last one registered for Page.
@hooks.register("register_admin_viewset")
def register_page_viewset():
    return StaffPageViewSet()
