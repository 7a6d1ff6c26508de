"""The messages of Wagtail's API layer, in the language of the answer.

Wagtail writes its API errors in English and does not mark them for translation. A client that
asks for Dutch (sitewide.api.http.answer_language) gets the whole answer in Dutch: each message
Wagtail may send is matched here and given again, worded as this API words its own (naming the
parameter first), through the catalogue. A message not in this list stays as Wagtail wrote it;
a test sends what makes Wagtail refuse and asserts each answer is in Dutch.
"""

import re

from django.utils.translation import gettext_lazy as _

# (Wagtail's message as a pattern, the message through the catalogue). The named groups are the
# parts Wagtail fills in; they are kept as they are.
WAGTAIL_MESSAGES = [
    (
        r"field filter error\. '(?P<value>.*)' is not a valid value for (?P<name>\S+) "
        r"\((?P<reason>.*)\)",
        _("field filter error: '%(value)s' is not a valid value for %(name)s (%(reason)s)"),
    ),
    (
        r"field filter error\. null characters are not allowed for (?P<name>.+)",
        _("field filter error: null characters are not allowed for %(name)s"),
    ),
    (
        r"random ordering cannot be combined with other fields",
        _("random ordering cannot be combined with other fields"),
    ),
    (
        r"random ordering with offset is not supported",
        _("random ordering with offset is not supported"),
    ),
    (
        r"cannot order by '(?P<name>.*)' \(unknown field\)",
        _("cannot order by '%(name)s' (unknown field)"),
    ),
    (
        r"cannot order by '(?P<name>.*)' \(invalid field\)",
        _("cannot order by '%(name)s' (invalid field)"),
    ),
    (
        r"cannot filter by '(?P<name>.*)' while searching \(field is not indexed\)",
        _("cannot filter by '%(name)s' while searching (field is not indexed)"),
    ),
    (
        r"cannot order by '(?P<name>.*)' while searching \(field is not indexed\)",
        _("cannot order by '%(name)s' while searching (field is not indexed)"),
    ),
    (
        r"(?P<name>child_of|ancestor_of|descendant_of|translation_of) must be a positive integer",
        _("%(name)s must be a page id (a whole number)"),
    ),
    (r"parent page doesn't exist", _("child_of: no page with this id is shown here")),
    (r"descendant page doesn't exist", _("ancestor_of: no page with this id is shown here")),
    (r"ancestor page doesn't exist", _("descendant_of: no page with this id is shown here")),
    (
        r"translation_of page doesn't exist",
        _("translation_of: no page with this id is shown here"),
    ),
    (
        r"filtering by descendant_of with child_of is not supported",
        _("give descendant_of or child_of, not both"),
    ),
    (
        r"query parameter is not an operation or a recognised field: (?P<names>.*)",
        _("query parameter is not supported: %(names)s"),
    ),
    (r"unknown fields: (?P<names>.*)", _("fields: %(names)s is not a field here")),
    (
        r"'(?P<name>.*)' does not support nested fields",
        _("fields: %(name)s has no fields of its own to choose"),
    ),
    (r"type doesn't exist", _("type: no such page type; see /api/v2/schema/ for the types")),
    (r"limit cannot be higher than (?P<maximum>\d+)", _("limit cannot be higher than %(maximum)s")),
    (
        r"fields error: unexpected char '(?P<char>.*)' at position (?P<position>\d+)",
        _("fields: unexpected character '%(char)s' at position %(position)s"),
    ),
    (
        r"fields error: unexpected whitespace at position (?P<position>\d+)",
        _("fields: unexpected space at position %(position)s"),
    ),
    (
        r"fields error: '(?P<name>.*)' must be in the first position",
        _("fields: '%(name)s' must come first"),
    ),
    (r"fields error: '(?P<name>.*)' cannot be negated", _("fields: '%(name)s' cannot be negated")),
    (
        r"fields error: negated fields with '_' doesn't make sense",
        _("fields: '_' removes every field; do not also remove fields with '-'"),
    ),
    (
        r"fields error: additional fields with '\*' doesn't make sense",
        _("fields: '*' gives every field; do not also name fields"),
    ),
    (
        r"fields error: unexpected end of input \(did you miss out a close bracket\?\)",
        _("fields: unexpected end (is a closing bracket missing?)"),
    ),
]
COMPILED = [(re.compile(pattern), message) for pattern, message in WAGTAIL_MESSAGES]


def in_answer_language(message: str) -> str:
    """Wagtail's message as this API words it, in the active language (unchanged if unknown)."""
    for pattern, translated in COMPILED:
        found = pattern.fullmatch(message)
        if found:
            return str(translated) % found.groupdict() if found.groupdict() else str(translated)
    return message
