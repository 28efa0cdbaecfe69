from django import template

from kring.members import sections

register = template.Library()


@register.simple_tag
def extra_tabs():
    return sections.tabs()
