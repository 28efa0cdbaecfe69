from django import template

from kring.finance import rules

register = template.Library()


@register.filter
def euro(cents):
    """Whole cents as an amount in euros with a decimal comma: 8500 -> 85,00."""
    return rules.euro(int(cents or 0))
