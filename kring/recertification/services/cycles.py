"""Cycles: the trainer's current cycle, the CPD log's dates checked against it, and progress."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from kring.core.refusals import Refused
from kring.cpd import services as cpd
from kring.cpd.models import Activity
from kring.members.models import Person
from kring.recertification import rules
from kring.recertification.models import CertificationScheme, Cycle, RequirementKind
from kring.register.history import active_period_on, registered_on
from kring.register.models import Registration


def cycle_for(registration: Registration, on: datetime.date | None = None) -> Cycle | None:
    """The registration's cycle on a date. Only reads: when no row exists yet, the cycle is computed in
    memory from the active period (unsaved); ``cycle_save`` makes the row when an action needs it."""
    on = on or timezone.localdate()
    cycle = (
        Cycle.objects.select_related("scheme", "registration")
        .filter(registration=registration, starts_on__lte=on, ends_on__gte=on)
        .order_by("-starts_on")
        .first()
    )
    if cycle is not None:
        return cycle
    period = active_period_on(registration, on)
    if period is None:
        return None
    scheme = CertificationScheme.objects.for_cycle(period.level, period.starts_on)
    if scheme is None:  # no schemes at all: the data migration has not run (or the database was flushed)
        return None
    ends_on = period.ends_on or rules.cycle_end(period.starts_on, scheme.cycle_years)
    return Cycle(registration=registration, starts_on=period.starts_on, ends_on=ends_on, scheme=scheme)


def cycle_save(cycle: Cycle) -> Cycle:
    """Make the row of a cycle computed in memory, inside the transaction of the action that needs it.

    When another request made the row in the meantime, that row is returned.
    """
    if cycle.pk is not None:
        return cycle
    existing = Cycle.objects.filter(registration=cycle.registration, starts_on=cycle.starts_on).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            cycle.save()
    except IntegrityError:  # made at the same moment by another request
        cycle.pk = None
        return Cycle.objects.get(registration=cycle.registration, starts_on=cycle.starts_on)
    return cycle


def current_registration(person: Person, on: datetime.date | None = None) -> Registration | None:
    on = on or timezone.localdate()
    return registered_on(on).filter(person=person).prefetch_related("periods").order_by("-created_at").first()


def current_cycle(person: Person, on: datetime.date | None = None) -> Cycle | None:
    registration = current_registration(person, on)
    return cycle_for(registration, on) if registration is not None else None


def check_activity_date(cycle: Cycle | None, on: datetime.date, today: datetime.date | None = None) -> None:
    today = today or timezone.localdate()
    if on > today:
        raise Refused(_("The date is in the future. You can add an activity once it has taken place."))
    if cycle is not None and not cycle.covers(on):
        raise Refused(
            _("The date is outside your current cycle (%(start)s to %(end)s).")
            % {"start": date_format(cycle.starts_on, "j F Y"), "end": date_format(cycle.ends_on, "j F Y")}
        )


@transaction.atomic
def activity_add(*, person: Person, data: dict, evidence=None, evidence_type: str = "", by) -> Activity:
    """Add an activity to the trainer's own log, within the current cycle."""
    check_activity_date(current_cycle(person), data["date"])
    return cpd.activity_add(person=person, data=data, evidence=evidence, evidence_type=evidence_type, by=by)


@transaction.atomic
def activity_change(activity: Activity, *, data: dict, evidence=None, evidence_type: str = "", by) -> Activity:
    """Change an activity the trainer added themselves, within the current cycle."""
    if not activity.is_automatic:
        check_activity_date(current_cycle(activity.person), data["date"])
    return cpd.activity_change(activity, data=data, evidence=evidence, evidence_type=evidence_type, by=by)


activity_delete = cpd.activity_delete


def cycle_progress(cycle: Cycle, person: Person) -> list[rules.RequirementProgress]:
    """Progress of a person in a cycle, in two queries whatever the number of activities."""
    facts = [
        rules.ActivityFact(**row)
        for row in Activity.objects.filter(person=person, date__gte=cycle.starts_on, date__lte=cycle.ends_on).values(
            "kind", "date", "hours", "days"
        )
    ]
    order = list(RequirementKind.values)
    requirements = sorted(
        ((r.kind, r.amount) for r in cycle.scheme.requirements.all()),
        key=lambda item: order.index(item[0]) if item[0] in order else len(order),
    )
    return rules.progress(requirements, facts, cycle.starts_on, cycle.ends_on)
