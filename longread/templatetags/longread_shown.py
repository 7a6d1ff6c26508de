"""`{% shown page %}`: notes a page a template turns into a card or link (longread.shown)."""

from django import template

from longread import shown as _shown

register = template.Library()


@register.simple_tag
def shown(page) -> str:
    _shown.note(page)
    return ""
