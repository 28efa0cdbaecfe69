"""An accredited programme's status history, reminders before expiry, and reported graduates."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kring.accreditation.models.institutes import Programme
from kring.accreditation.models.review import Decision


class Status(models.TextChoices):
    ACTIVE = "active", _("Accredited")
    SUSPENDED = "suspended", _("Suspended")
    EXPIRED = "expired", _("Expired")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class AccreditationPeriod(models.Model):
    """One stretch of a programme's status. Periods are added, never rewritten: where they overlap,
    the one that starts last wins (``history.period_on``), so every past date keeps its answer."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="periods")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    decision = models.ForeignKey(Decision, null=True, blank=True, on_delete=models.PROTECT, related_name="periods")
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        verbose_name = _("accreditation period")
        verbose_name_plural = _("accreditation periods")
        ordering = ["programme", "starts_on", "recorded_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=models.F("starts_on")),
                name="accreditation_period_ends_after_start",
            )
        ]

    def __str__(self):
        return f"{self.programme}: {self.get_status_display()} {self.starts_on}–{self.ends_on or ''}"

    def covers(self, on: datetime.date) -> bool:
        return self.starts_on <= on and (self.ends_on is None or on <= self.ends_on)


class ExpiryReminder(models.Model):
    """The one calm reminder sent for an accreditation period, 12 months before it ends."""

    period = models.OneToOneField(AccreditationPeriod, on_delete=models.CASCADE, related_name="reminder")
    sent_at = models.DateTimeField(default=timezone.now)


class Graduate(models.Model):
    """Someone who finished a programme, as the institute reported them."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="graduates")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    graduated_on = models.DateField(_("graduation date"))
    reported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    reported_at = models.DateTimeField(_("reported"), default=timezone.now)

    class Meta:
        verbose_name = _("graduate")
        verbose_name_plural = _("graduates")
        ordering = ["-graduated_on", "name"]
        constraints = [models.UniqueConstraint(fields=["programme", "email"], name="one_report_per_graduate")]

    def __str__(self):
        return f"{self.name} ({self.programme}, {self.graduated_on})"
