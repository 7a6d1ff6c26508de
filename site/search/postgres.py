"""Wagtail's PostgreSQL search backend, with each translatable object in its own language.

Indexing builds an object's tsvector with its locale's text search configuration. A search
builds one tsquery per configuration and matches each row with the one of its locale's
language: a query over pages of several languages (the API's) finds every page in its own
language, a query within one language (the website's) in that language's.
Objects without a locale (images, documents) use one configuration: `SEARCH_CONFIG`, else the
source language's.
"""

import copy
from collections import defaultdict

from django.conf import settings
from django.contrib.postgres.search import SearchConfig, SearchQuery, SearchQueryField
from django.db.models import Case, Func, TextField, Value, When
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.models import Locale, TranslatableMixin

from sitewide.search.arabic import WrittenFormsMixin
from sitewide.search.backend import FALLBACK_CONFIG, TEXT_SEARCH_CONFIGS, text_search_config

LANGUAGE_LOOKUP = "locale__language_code"


def languages_by_config() -> dict[str, list[str]]:
    """The language codes of each configuration but the fallback (which takes all others)."""
    codes = defaultdict(list)
    for code, config in TEXT_SEARCH_CONFIGS.items():
        if config != FALLBACK_CONFIG:
            codes[config].append(code)
    return dict(codes)


def by_row_language(value_for_config, output_field):
    """CASE WHEN <row's language> IN (...) THEN value_for_config(config) ... END."""
    return Case(
        *[
            When(**{f"{LANGUAGE_LOOKUP}__in": codes}, then=value_for_config(config))
            for config, codes in languages_by_config().items()
        ],
        default=value_for_config(FALLBACK_CONFIG),
        output_field=output_field,
    )


class SearchQueryInRowLanguage(SearchQuery):
    """A tsquery in each row's language: CASE WHEN language IN ('nl') THEN to_tsquery('dutch', …)
    … ELSE to_tsquery('simple', …) END.

    Each branch has constant arguments, so PostgreSQL computes it once per search, not once per
    row. A SearchQuery, so that Django's `@@` lookup and SearchRank take it as it is.
    """

    template = "%(expressions)s"

    def __init__(self, query_for_config):
        Func.__init__(
            self,
            by_row_language(query_for_config, SearchQueryField()),
            output_field=SearchQueryField(),
        )
        self.invert = False
        # Read by Wagtail when it searches named fields (`fields=`) instead of the index.
        self.config = SearchConfig(by_row_language(Value, TextField()))


class LanguageIndex(PostgresIndex):
    def add_items(self, model, objs):
        objs = list(objs)
        if not objs or not issubclass(model, TranslatableMixin):
            return super().add_items(model, objs)
        language_of_locale = dict(Locale.objects.values_list("pk", "language_code"))
        objs_by_config = defaultdict(list)
        for obj in objs:
            config = text_search_config(language_of_locale.get(obj.locale_id, ""))
            objs_by_config[config].append(obj)
        # Wagtail's index builds every vector with its backend's one configuration: each
        # language's objects go through it with a copy of the backend set to theirs.
        for config, group in objs_by_config.items():
            backend = copy.copy(self.backend)
            backend.config = config
            PostgresIndex(backend).add_items(model, group)


ROW_LANGUAGE = object()  # the "configuration" of a search over translatable objects


class LanguageSearchQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        if issubclass(self.queryset.model, TranslatableMixin):
            return ROW_LANGUAGE
        return super().get_config(backend)

    def build_tsquery(self, query, config=None):
        if config is not ROW_LANGUAGE:
            return super().build_tsquery(query, config=config)
        if super().build_tsquery(query, config=FALLBACK_CONFIG) is None:
            return None  # no words to search for, in any language
        return SearchQueryInRowLanguage(
            lambda language_config: super(LanguageSearchQueryCompiler, self).build_tsquery(
                query, config=language_config
            )
        )


class LanguageSearchBackend(WrittenFormsMixin, PostgresSearchBackend):
    # Autocomplete stays as Wagtail has it: the `simple` configuration for every language.
    query_compiler_class = LanguageSearchQueryCompiler
    index_class = LanguageIndex

    def __init__(self, params):
        super().__init__(params)
        if not self.config:
            self.config = text_search_config(settings.LANGUAGE_CODE)
