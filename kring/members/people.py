"""The person of an account: the one way every app finds "me"."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from kring.core.refusals import Refused
from kring.members.models import Person

NOT_A_MEMBER = _("Your account is not linked to a member of the association.")


def person_of(user) -> Person:
    """The person behind the account; refused when the account has none. Only reads."""
    person = Person.objects.filter(user_id=getattr(user, "pk", None)).first() if user is not None else None
    if person is None:
        raise Refused(NOT_A_MEMBER)
    return person
