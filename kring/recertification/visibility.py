"""What the certification committee and the board may open: what is before them, nothing of their own.

Access is part of the query: a dossier that is not before the reader is not in the queryset, so its id
gives 404 like an id that does not exist. The conflict-of-interest rule is the one of
``services.committee.conflict_of_interest`` (your own dossier, or someone's in your intervision group),
written here as a query so that lists leave those dossiers out without reading them one by one.
"""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q, QuerySet

from kring.cpd.models import Activity
from kring.intervision.models import Group
from kring.members.models import Person
from kring.recertification.models import Application, Decision, Dossier, DossierStatus, InformationRequest, Objection

# Submitted and put to the committee; a decided dossier stays readable when the committee decided it.
BEFORE_COMMITTEE = (DossierStatus.COMMITTEE, DossierStatus.INFO_REQUESTED)


def conflicted_people(user) -> QuerySet[Person]:
    """The people whose dossier ``user`` does not handle: themselves, and everyone in a current
    intervision group of theirs (as member or coordinator)."""
    their_groups = Group.objects.filter(
        Q(members__person__user=user, members__left_on__isnull=True) | Q(coordinator__user=user)
    )
    return Person.objects.filter(
        Q(user=user)
        | Q(intervision_memberships__group__in=their_groups, intervision_memberships__left_on__isnull=True)
        | Q(coordinated_groups__in=their_groups)
    )


def _decided_by_committee():
    return Exists(Decision.objects.filter(dossier=OuterRef("pk"), by_board=False, decided_by__isnull=False))


def dossiers_before_committee() -> QuerySet[Dossier]:
    """Dossiers put to the committee: with it now, or decided by it. Never a draft, never one accepted on
    trust (the committee never had it)."""
    return Dossier.objects.filter(
        Q(status__in=BEFORE_COMMITTEE) | Q(status=DossierStatus.DECIDED) & _decided_by_committee()
    )


def committee_dossiers(user) -> QuerySet[Dossier]:
    """The dossiers ``user`` may read and act on as a committee member."""
    return dossiers_before_committee().exclude(person__in=conflicted_people(user).values("pk"))


def committee_activities(user) -> QuerySet[Activity]:
    """Activities (with their evidence) of trainers whose dossier ``user`` may read."""
    return Activity.objects.filter(person__in=committee_dossiers(user).values("person"))


def committee_questions(user) -> QuerySet[InformationRequest]:
    return InformationRequest.objects.filter(dossier__in=committee_dossiers(user).values("pk"))


def committee_applications(user) -> QuerySet[Application]:
    """Applications for a first certification (every one is submitted), without those of people
    ``user`` has a conflict of interest with."""
    return Application.objects.exclude(person__in=conflicted_people(user).values("pk"))


def board_objections(user) -> QuerySet[Objection]:
    """Objections the board decides on: every one lodged, except a board member's own."""
    return Objection.objects.exclude(decision__dossier__person__user=user)
