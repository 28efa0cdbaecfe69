"""The one calm reminder, 12 months before an accreditation's validity ends."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from kring.accreditation import mail
from kring.accreditation.models import AccreditationPeriod, ExpiryReminder, Status
from kring.core import audit

REMINDER_MONTHS = 12


def due(today: datetime.date):
    """Active periods ending within 12 months from today that have had no reminder yet."""
    horizon = today + datetime.timedelta(days=365)
    return (
        AccreditationPeriod.objects.filter(
            status=Status.ACTIVE, ends_on__gte=today, ends_on__lte=horizon, reminder__isnull=True
        )
        .select_related("programme__institute")
        .order_by("ends_on")
    )


def reminders_send(*, today: datetime.date | None = None) -> int:
    """Send each due reminder once (a reminder row per period; running twice sends nothing twice)."""
    today = today or timezone.localdate()
    sent = 0
    for period in due(today):
        try:
            with transaction.atomic():
                ExpiryReminder.objects.create(period=period)
                mail.to_institute(
                    "accreditation-reminder",
                    period.programme.institute,
                    {"programme": period.programme, "period": period},
                )
                audit.record("kring.accreditation.reminder.sent", process="accreditation_remind", obj=period.programme)
            sent += 1
        except IntegrityError:  # another run sent it at the same moment
            continue
    return sent
