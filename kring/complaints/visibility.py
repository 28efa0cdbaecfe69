"""The seal: who may open a complaint. Only complaints committee members, and not on a case they are
excluded from — about themselves, about someone in a current intervision group of theirs, or one on
which they declared a conflict. The office, the board and a superuser have no way in: the rule is
part of the query, so any other reader gets 404, and nothing of this app is in the Django admin.

Every opening of a case is written to the audit trail (``case_read``).
"""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.http import Http404

from kring.complaints.models import Case
from kring.core import audit
from kring.core.access import has_role
from kring.core.roles import Role
from kring.intervision.models import Group
from kring.members.models import Person


def conflicted_people(user) -> QuerySet[Person]:
    """The people about whom ``user`` does not judge a complaint: themselves, and everyone in a current
    intervision group of theirs (as member or coordinator)."""
    their_groups = Group.objects.filter(
        Q(members__person__user=user, members__left_on__isnull=True) | Q(coordinator__user=user)
    )
    return Person.objects.filter(
        Q(user=user)
        | Q(intervision_memberships__group__in=their_groups, intervision_memberships__left_on__isnull=True)
        | Q(coordinated_groups__in=their_groups)
    )


def committee_cases(user) -> QuerySet[Case]:
    """The cases ``user`` may open: none unless they sit on the complaints committee."""
    if not getattr(user, "is_authenticated", False) or not has_role(user, Role.COMPLAINTS):
        return Case.objects.none()
    return Case.objects.exclude(registration__person__in=conflicted_people(user).values("pk")).exclude(
        conflicts__user=user
    )


def excluded_count(user) -> int:
    """How many cases are out of ``user``'s reach because of a conflict (for a calm line on the list)."""
    return Case.objects.count() - committee_cases(user).count()


def case_read(user, pk, *, purpose: str = "case") -> Case:
    """The case, for a committee member who may open it, with an audit entry of the reading."""
    case = committee_cases(user).select_related("registration__person").filter(pk=pk).first()
    if case is None:
        raise Http404
    audit.record("kring.complaints.case.read", by=user, obj=case, number=case.number, part=purpose)
    return case
