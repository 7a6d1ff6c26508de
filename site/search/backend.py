"""The search backend: Wagtail's database backend, with each page in its own language on PostgreSQL.

On PostgreSQL a page is indexed and searched with its language's text search configuration
(Dutch stems Dutch words, English English ones); elsewhere (SQLite) Wagtail's database backend.
On both, Arabic words are asked for in the forms they are written in (`sitewide.search.arabic`).
The PostgreSQL parts live in `sitewide.search.postgres`, the SQLite ones in
`sitewide.search.sqlite`, each imported only there.
"""

from django.db import connection

# PostgreSQL's text search configuration for each language the project knows
# (`SELECT cfgname FROM pg_ts_config`, PostgreSQL 13 and later). Every known language is listed,
# so that adding one means choosing its configuration. `simple` only lower-cases: for languages
# PostgreSQL has no stemmer for, stemming with another language's rules would find wrong words.
TEXT_SEARCH_CONFIGS = {
    "nl": "dutch",
    "en": "english",
    "de": "german",
    "fr": "french",
    "es": "spanish",
    "ro": "romanian",
    "sr-latn": "serbian",  # PostgreSQL's Serbian stemmer reads Latin as well as Cyrillic
    "hu": "hungarian",
    "bg": "simple",
    "ar": "arabic",
}
FALLBACK_CONFIG = "simple"


def text_search_config(language_code: str) -> str:
    """The PostgreSQL text search configuration for a content language."""
    return TEXT_SEARCH_CONFIGS.get(language_code, FALLBACK_CONFIG)


def SearchBackend(params):  # noqa: N802  (the name Wagtail looks up in a backend module)
    if connection.vendor == "postgresql":
        from sitewide.search.postgres import LanguageSearchBackend

        return LanguageSearchBackend(params)
    from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend

    backend = DatabaseSearchBackend(params)
    from sitewide.search.sqlite import SQLiteSearchBackend, WrittenFormsSearchBackend

    if type(backend) is SQLiteSearchBackend:  # SQLite with FTS5
        return WrittenFormsSearchBackend(params)
    return backend
