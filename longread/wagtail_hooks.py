from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from longread.mediafiles import MediaFile
from longread.rich_text import AddressLinkHandler, ResolvedPageLinkHandler


class MediaFileViewSet(SnippetViewSet):
    model = MediaFile
    icon = "media"
    menu_label = _("Audio and video")
    add_to_admin_menu = False
    list_display = ["title", "kind"]
    search_fields = ["title"]


register_snippet(MediaFileViewSet)


@hooks.register("register_rich_text_features", order=100)  # after Wagtail's own page links
def page_links_resolved_once_per_request(features):
    features.register_link_type(ResolvedPageLinkHandler)
    features.register_link_type(AddressLinkHandler)
