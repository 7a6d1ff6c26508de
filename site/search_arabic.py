"""Arabic words found however they are written: with or without the article and joined words.

Arabic writes the article and some one-letter words (and, with, for, so, like) as part of the
next word: الثقة is "the trust", بالثقة "with the trust", وثقة "and trust". SQLite's full-text
index keeps each written word whole, and PostgreSQL's Arabic stemmer keeps the article on short
words (الثقة is stored as الثق, ثقة as ثقة), so a reader searching for ثقة would not find الثقة
on either database. Both backends (sitewide.search_backend) ask for each Arabic word of a search
in its written forms: the bare word, with the article, and with the joined words before either.
"""

from wagtail.search.query import And, Or, PlainText

ARTICLE = "ال"
# One-letter words written onto the next word: و (and), ب (with), ل (for), ف (so), ك (like).
JOINED = ("و", "ب", "ل", "ف", "ك")
# Longest first: the prefix taken off a word is the longest one it starts with.
PREFIXES = sorted(
    {ARTICLE, "لل", *JOINED, *(joined + ARTICLE for joined in JOINED if joined != "ل")},
    key=len,
    reverse=True,
)
SHORTEST_STEM = 2  # letters left after a prefix is taken off; fewer is a word of its own


def is_arabic(word: str) -> bool:
    return any("\u0600" <= character <= "\u06ff" for character in word)


def stem(word: str) -> str:
    """The word without the article and joined words it starts with."""
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= SHORTEST_STEM:
            return word[len(prefix) :]
    return word


def written_forms(word: str) -> list[str]:
    """The forms an Arabic word is written in (the word itself first)."""
    bare = stem(word)
    forms = [word, bare, ARTICLE + bare, "لل" + bare]
    forms += [joined + bare for joined in JOINED] + [j + ARTICLE + bare for j in JOINED if j != "ل"]
    return list(dict.fromkeys(forms))


def with_written_forms(words: str, operator: str):
    """A search for `words` (sitewide.search_text's output) with each Arabic word in its written
    forms; `words` itself when it has no Arabic word."""
    terms = words.split()
    if not any(is_arabic(term) for term in terms):
        return words
    parts = [
        Or([PlainText(form) for form in written_forms(term)])
        if is_arabic(term)
        else PlainText(term)
        for term in terms
    ]
    if len(parts) == 1:
        return parts[0]
    return And(parts) if operator == "and" else Or(parts)


class WrittenFormsMixin:
    """For a search backend: a search given as text asks for Arabic words in written forms."""

    def search(self, query, model_or_queryset, fields=None, operator=None, **kwargs):
        if isinstance(query, str):
            query = with_written_forms(
                query, (operator or self.query_compiler_class.DEFAULT_OPERATOR).lower()
            )
        return super().search(query, model_or_queryset, fields=fields, operator=operator, **kwargs)
