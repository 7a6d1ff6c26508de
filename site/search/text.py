"""A search query is text: only its words reach the search backend.

Quotes, operators, brackets, NUL and other control characters mean nothing to a reader's search,
and passed on they become the database's query syntax (SQLite's FTS5 `MATCH`, PostgreSQL's
`to_tsquery`), where one double quote is a syntax error. So every query is reduced to its words:
runs of letters, combining marks and digits, in any script; everything else separates words.
"""

import unicodedata

MAX_WORDS = 32


def _is_word_character(character: str) -> bool:
    return unicodedata.category(character)[0] in "LMN"


def search_words(query: str) -> str:
    """The words of `query`, separated by single spaces ('' when it has none)."""
    cleaned = "".join(c if _is_word_character(c) else " " for c in query)
    return " ".join(cleaned.split()[:MAX_WORDS])
