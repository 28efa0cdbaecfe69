"""The institute role and what institute staff may reach: only their own institute's rows."""

from __future__ import annotations

import datetime

from django.shortcuts import get_object_or_404
from django.utils import timezone

from kring.accreditation.models import Application, Graduate, Institute, InstituteStaff, Programme
from kring.core.access import INSTITUTE


def institute_role(user, today: datetime.date):
    """For ``kring.core.access.roles_of``: an account with a current staff grant at some institute."""
    return {INSTITUTE} if InstituteStaff.objects.current(today).filter(user=user).exists() else set()


def institutes_of(user):
    """The institutes the account acts for today."""
    return Institute.objects.filter(staff__in=InstituteStaff.objects.current(timezone.localdate()).filter(user=user))


def institute_for_user(user, pk) -> Institute:
    return get_object_or_404(institutes_of(user), pk=pk)


def programme_for_user(user, pk) -> Programme:
    return get_object_or_404(Programme.objects.filter(institute__in=institutes_of(user)), pk=pk)


def application_for_user(user, pk) -> Application:
    return get_object_or_404(
        Application.objects.select_related("programme__institute", "criteria").filter(
            programme__institute__in=institutes_of(user)
        ),
        pk=pk,
    )


def graduations_of(person):
    """The graduations institutes reported under the person's own e-mail addresses (for first certification)."""
    addresses = {a.lower() for a in (person.email, getattr(person.user, "email", "")) if a}
    return Graduate.objects.filter(email__in=addresses).select_related("programme__institute")
