"""A language's name as whoever reads the screen says it: "Engels" in the Dutch admin, "English"
on an English teller's page. Used by consent refusals, the teller's page and the reach screens."""

from django.conf import settings
from django.utils.translation import get_language_info


def language_name(code: str) -> str:
    """The name of `code` in the active language; the configured name for a code Django does
    not know, else the code itself."""
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return dict(settings.LANGUAGES).get(code, code)
