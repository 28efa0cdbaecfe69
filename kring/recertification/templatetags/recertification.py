from django import template

from kring.recertification.models import RequirementKind

register = template.Library()


@register.filter
def requirement_label(kind: str) -> str:
    return RequirementKind(kind).label
