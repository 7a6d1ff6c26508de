"""Wagtail's SQLite search backend, asking for Arabic words in their written forms.

Imported only on SQLite (Wagtail's SQLite index models exist only there).
"""

from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

from sitewide.search.arabic import WrittenFormsMixin


class WrittenFormsSearchBackend(WrittenFormsMixin, SQLiteSearchBackend):
    pass
