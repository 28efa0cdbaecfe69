"""What the accreditation committee may see: every submitted application, except those of an
institute where the member teaches or works (conflict of interest: those give 404); the same rule
for the board and the objections."""

from __future__ import annotations

from kring.accreditation.models import Application, ApplicationStatus, InstituteStaff, Objection, Teacher
from kring.members.models import Person


def conflicted_institutes(user) -> set[int]:
    addresses = {user.email.lower()} | {
        e.lower() for e in Person.objects.filter(user=user).exclude(email="").values_list("email", flat=True)
    }
    teaching = Teacher.objects.filter(email__in=addresses).values_list("institute_id", flat=True)
    staff = InstituteStaff.objects.filter(user=user).values_list("institute_id", flat=True)
    return set(teaching) | set(staff)


def committee_applications(user):
    return (
        Application.objects.exclude(status=ApplicationStatus.DRAFT)
        .exclude(programme__institute__in=conflicted_institutes(user))
        .select_related("programme__institute", "criteria")
    )


def board_objections(user):
    """Objections the board decides on: every one filed, except those of an institute where the board
    member teaches or works."""
    return Objection.objects.exclude(
        decision__application__programme__institute__in=conflicted_institutes(user)
    ).select_related("decision__application__programme__institute")
