"""Scheduled work: gentle reminders before a cycle ends (a year, six months and one month before)."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks import task

from kring.core import audit, emails
from kring.recertification import rules
from kring.recertification.models import DossierStatus, ReminderSent
from kring.recertification.services.cycles import cycle_for, cycle_save
from kring.register.history import registered_on
from kring.register.models import Status


def cycles_ending_within(today: datetime.date, days: int = 366):
    """Current cycles of registered trainers that end within ``days`` (in memory when no row exists yet)."""
    registrations = (
        registered_on(today)
        .filter(
            periods__status=Status.ACTIVE,
            periods__ends_on__gte=today,
            periods__ends_on__lte=today + datetime.timedelta(days=days),
        )
        .select_related("person__user")
        .prefetch_related("periods")
        .distinct()
    )
    for registration in registrations:
        cycle = cycle_for(registration, today)
        if cycle is not None:
            yield cycle


@task()
def send_cycle_reminders(today: str | None = None) -> int:
    """Send each reminder that is due, at most one per cycle per run, and never the same one twice."""
    on = datetime.date.fromisoformat(today) if today else timezone.localdate()
    sent = 0
    for cycle in cycles_ending_within(on):
        dossier = getattr(cycle, "dossier", None)
        if dossier is not None and dossier.status != DossierStatus.DRAFT:
            continue  # already submitted: nothing to remind of
        already = set(cycle.reminders.values_list("kind", flat=True)) if cycle.pk else set()
        kind, skipped = rules.reminder_due(cycle.ends_on, on, already)
        if kind is None:
            continue
        try:
            with transaction.atomic():
                cycle = cycle_save(cycle)  # a reminder is recorded against the cycle's row
                for earlier in skipped:
                    ReminderSent.objects.create(cycle=cycle, kind=earlier, skipped=True)
                ReminderSent.objects.create(cycle=cycle, kind=kind)
                audit.record(
                    "kring.recertification.reminder.sent",
                    process="reminders",
                    person_id=cycle.registration.person_id,
                    obj=cycle,
                    kind=kind,
                    skipped=skipped,
                )
        except IntegrityError:
            continue  # another worker sent it first
        person = cycle.registration.person
        if person.email:
            emails.send(
                "recertification-reminder",
                to=person.email,
                language=person.language,
                context={"person": person, "cycle": cycle},
            )
            sent += 1
    return sent
