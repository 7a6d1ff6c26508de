from decimal import Decimal

from django import template
from django.utils import formats
from django.utils.translation import get_language

register = template.Library()

# Where the euro sign goes, per language; the digits follow Django's locale formats.
EURO_PATTERNS = {"nl": "€ {}", "en": "€{}", "ro": "{} €", "sr-latn": "{} €", "ar": "{} €"}
DEFAULT_EURO_PATTERN = "{} €"  # de, fr, es, hu, bg


@register.filter
def euro(value):
    """An amount in euros as readers of the current language write it: € 346.069 / €346,069."""
    if value is None or value == "":
        return ""
    amount = Decimal(value)
    decimals = 0 if amount == amount.to_integral_value() else 2
    number = formats.number_format(amount, decimal_pos=decimals, use_l10n=True, force_grouping=True)
    return EURO_PATTERNS.get(get_language(), DEFAULT_EURO_PATTERN).format(number)


@register.filter
def language_name(code):
    """A language's name in the language of the screen ("Engels" in the Dutch admin)."""
    from stories.languages import language_name as name

    return name(code)


@register.simple_tag
def chosen_labels(*pairs):
    """What a listing's filters chose, as the reader read it in the menus: pairs of (options,
    chosen value), each option a (value, label)."""
    labels = []
    for options, value in zip(pairs[::2], pairs[1::2], strict=True):
        if value in (None, ""):
            continue
        labels.extend(str(label) for option, label in options if str(option) == str(value))
    return labels
