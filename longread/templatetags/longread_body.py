"""`{{ body|placed_once }}`: a body's blocks without repeated help boxes or related lists."""

from django import template

from longread.blocks import placed_once as _placed_once

register = template.Library()


@register.filter
def placed_once(body):
    return _placed_once(body)
