"""Arabic words found however they are written: with or without the article and joined words.

Arabic writes the article and some one-letter words (and, with, for, so, like) as part of the
next word: الثقة is "the trust", بالثقة "with the trust", وثقة "and trust". SQLite's full-text
index keeps each written word whole, and PostgreSQL's Arabic stemmer keeps the article on short
words (الثقة is stored as الثق, ثقة as ثقة), so a reader searching for ثقة would not find الثقة
on either database. Both backends (sitewide.search.backend) ask for each Arabic word of a search
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
# The joined words before a word, the commonest first (and the, with the, for the, and, with …).
JOINED_FORMS = (
    *("و" + ARTICLE, "ب" + ARTICLE, "لل", "و", "ب", "ل"),
    *("ف" + ARTICLE, "ك" + ARTICLE, "ف", "ك"),
)
SHORTEST_STEM = 2  # letters left after a prefix is taken off; fewer is a word of its own
EXPANDED_WORDS = 4
MAX_FORMS = 48  # SQLite's FTS5 parser overflows its stack on a few hundred nested ORs


def is_arabic(word: str) -> bool:
    return any("\u0600" <= character <= "\u06ff" for character in word)


def stem(word: str) -> str:
    """The word without the article and joined words it starts with."""
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= SHORTEST_STEM:
            return word[len(prefix) :]
    return word


# Letters many readers type as one: alef with or without hamza or madda at the start, and at the
# end ta marbuta and ha (ثقة, ثقه), alef maqsura and ya (على, علي).
ALEFS = "اأإآ"
FINALS = {"ة": "ه", "ه": "ة", "ى": "ي", "ي": "ى"}
# The harakat (short-vowel marks) a reader may type: most text is written without them, so
# يُقدَّر is searched as يقدر.
HARAKAT = dict.fromkeys([*range(0x064B, 0x0653), 0x0670])


def spellings(bare: str) -> list[str]:
    """The word as it is also commonly spelt (the word itself first)."""
    starts = [alef + bare[1:] for alef in ALEFS] if bare[:1] in ALEFS else [bare]
    found = [bare]
    for start in starts:
        found.append(start)
        if start[-1:] in FINALS:
            found.append(start[:-1] + FINALS[start[-1]])
    return list(dict.fromkeys(found))


def written_forms(word: str) -> list[str]:
    """The forms an Arabic word is written in, the likeliest first (the word itself first)."""
    word = word.translate(HARAKAT) or word
    bare = stem(word)
    variants = spellings(bare)
    forms = [word, bare, ARTICLE + bare]
    forms += [form for other in variants[1:] for form in (other, ARTICLE + other)]
    forms += [prefix + variant for prefix in JOINED_FORMS for variant in variants]
    return list(dict.fromkeys(forms))


def with_written_forms(words: str, operator: str):
    """A search for `words` (sitewide.search.text's output) with each Arabic word in its written
    forms; `words` itself when it has no Arabic word."""
    terms = words.split()
    if not any(is_arabic(term) for term in terms):
        return words
    # Past the first few Arabic words, each is asked for as written: a long query stays cheap.
    expanded = {i for i, term in enumerate(terms) if is_arabic(term)}
    expanded = set(sorted(expanded)[:EXPANDED_WORDS])
    # SQLite's full-text parser nests each OR one level deeper: the forms of all words together
    # stay within MAX_FORMS, shared by the expanded words, the likeliest forms kept.
    share = max(1, MAX_FORMS // max(1, len(expanded)))
    parts = [
        Or([PlainText(form) for form in written_forms(term)[:share]])
        if i in expanded
        else PlainText(term)
        for i, term in enumerate(terms)
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
