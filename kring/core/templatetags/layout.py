"""Filters for the layout (``{% load layout %}``)."""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter(is_safe=True)
def page_title(page: str, site: str) -> str:
    """ "Page · Site", or "Site" alone when the page has no title of its own.

    Django templates cannot ask whether a child filled a block (``{% if self.head_title %}`` is Jinja),
    so ``base.html`` passes what the block rendered through this filter."""
    page = " ".join(str(page).split())
    site = conditional_escape(site)
    return mark_safe(f"{page} · {site}" if page else site)  # nosec B308 B703 # page is rendered template output, site is escaped


@register.simple_tag(takes_context=True)
def two_factor_next(context) -> str:
    """Where the end of the two-step set-up leads: the page the person was going to, or "Beheer mijn
    gegevens" (``{% two_factor_next as url %}``)."""
    from kring.core.access import two_factor_next as next_of

    return next_of(context["request"])


@register.filter
def in_blocks(secret: str, size: int = 4) -> str:
    """A secret to type over, in blocks of four: "ABCD EFGH IJKL"."""
    secret = "".join(str(secret).split())
    return " ".join(secret[i : i + size] for i in range(0, len(secret), size))
