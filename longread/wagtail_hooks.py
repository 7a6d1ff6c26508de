from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from longread.mediafiles import MediaFile


class MediaFileViewSet(SnippetViewSet):
    model = MediaFile
    icon = "media"
    menu_label = _("Audio and video")
    add_to_admin_menu = False
    list_display = ["title", "kind"]
    search_fields = ["title"]


register_snippet(MediaFileViewSet)
