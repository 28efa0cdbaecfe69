from django import template

from kring.cpd.models import ActivityKind
from kring.recertification.models import RequirementKind

register = template.Library()


@register.filter
def requirement_label(kind: str) -> str:
    return RequirementKind(kind).label


@register.filter
def activity_label(kind: str) -> str:
    return ActivityKind(kind).label
