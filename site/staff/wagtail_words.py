"""Wagtail's own admin strings whose Dutch this project corrects: Wagtail's catalogue leaves
them in English or misspells them. Marked here so that `makemessages` keeps them in
site/locale; Django reads the project's catalogues (LOCALE_PATHS) before Wagtail's, so the
project's Dutch is what staff read."""

from django.utils.translation import gettext_noop

CORRECTED = [
    gettext_noop("Editor Guide"),  # the Help menu
    gettext_noop("Copied for translation from %(title)s (%(locale)s)"),  # page history
]
