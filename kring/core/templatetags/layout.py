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
