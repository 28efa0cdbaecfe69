"""The certification committee's work: questions, notes, decisions, objections, first applications."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kring.accreditation.models import Graduate
from kring.members.models import Person
from kring.recertification.models.dossier import Dossier, DossierVersion
from kring.register.models import Level, Registration

OBJECTION_DAYS = 28  # objection to the board within 4 weeks


class InformationRequest(models.Model):
    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="questions")
    question = models.TextField(_("question"), max_length=3000)
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    asked_at = models.DateTimeField(_("asked"), default=timezone.now)
    answer = models.TextField(_("answer"), blank=True, max_length=3000)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    attachment = models.FileField(_("attachment"), upload_to="answers/%Y/", blank=True)
    attachment_type = models.CharField(max_length=40, blank=True)

    class Meta:
        verbose_name = _("question from the committee")
        verbose_name_plural = _("questions from the committee")
        ordering = ["asked_at", "pk"]


class CommitteeNote(models.Model):
    """A note of a conversation with the trainer. Only the committee reads it."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField(_("note"), max_length=5000)
    written_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    written_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        verbose_name = _("conversation note")
        verbose_name_plural = _("conversation notes")
        ordering = ["written_at", "pk"]


class Outcome(models.TextChoices):
    ACCEPT = "accept", pgettext_lazy("decision", "Accept")
    ACCEPT_WITH_CONDITIONS = "accept_conditions", _("Accept with conditions")
    EXTEND = "extend", _("Extend the cycle")
    BASIS = "basis", _("Move to the basis level")
    REFUSE = "refuse", _("Refuse")


class Decision(models.Model):
    """A decision on a dossier: on trust (no ``decided_by``), by the committee, or by the board."""

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="decisions")
    # The submitted version decided on: one round. A new round starts when the trainer submits again.
    version = models.ForeignKey(
        DossierVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="decisions"
    )
    outcome = models.CharField(_("decision"), max_length=20, choices=Outcome.choices)
    reason = models.TextField(_("reason"), max_length=3000)
    conditions = models.TextField(_("conditions"), blank=True, max_length=3000)
    extended_until = models.DateField(_("cycle extended until"), null=True, blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    by_board = models.BooleanField(_("decided by the board"), default=False)
    decided_at = models.DateTimeField(_("decided"), default=timezone.now)
    # The conditions of "accept with conditions" stay open until the committee marks them met.
    conditions_met_at = models.DateTimeField(_("conditions met"), null=True, blank=True)
    conditions_met_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    conditions_met_note = models.TextField(_("how the conditions were met"), blank=True, max_length=3000)

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["decided_at", "pk"]
        constraints = [
            # One decision per round, and at most one of the board on it: two committee members
            # deciding at the same moment can never both be stored.
            models.UniqueConstraint(fields=["version", "by_board"], name="one_decision_per_round")
        ]

    @property
    def objection_deadline(self) -> datetime.date:
        return timezone.localdate(self.decided_at) + datetime.timedelta(days=OBJECTION_DAYS)

    @property
    def conditions_open(self) -> bool:
        return self.outcome == Outcome.ACCEPT_WITH_CONDITIONS and self.conditions_met_at is None

    @property
    def on_trust(self) -> bool:
        return self.decided_by_id is None and not self.by_board


class BoardOutcome(models.TextChoices):
    UPHELD = "upheld", _("The objection is upheld")
    DISMISSED = "dismissed", _("The objection is dismissed")


class Objection(models.Model):
    decision = models.OneToOneField(Decision, on_delete=models.PROTECT, related_name="objection")
    text = models.TextField(_("your objection"), max_length=5000)
    filed_at = models.DateTimeField(_("filed"), default=timezone.now)
    board_outcome = models.CharField(_("board's decision"), max_length=12, choices=BoardOutcome.choices, blank=True)
    board_reason = models.TextField(_("board's reason"), blank=True, max_length=3000)
    board_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    board_decided_at = models.DateTimeField(_("board decided"), null=True, blank=True)

    class Meta:
        verbose_name = _("objection")
        verbose_name_plural = _("objections")
        ordering = ["filed_at"]


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("With the certification committee")
    ACCEPTED = "accepted", pgettext_lazy("decision", "Accepted")
    REFUSED = "refused", _("Refused")


def certificate_path(application, filename: str) -> str:
    return f"certificates/{application.person_id}/{timezone.now():%Y%m%d%H%M%S%f}"


class Application(models.Model):
    """A first certification: a graduate applies with their certificate and experience."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="certification_applications")
    level = models.CharField(_("level applied for"), max_length=12, choices=Level.choices, default=Level.SPECIALIST)
    programme_name = models.CharField(_("training programme (opleiding) and institute"), max_length=200)
    graduated_on = models.DateField(_("date of your certificate"))
    study_hours = models.PositiveSmallIntegerField(_("study hours"))
    contact_hours = models.PositiveSmallIntegerField(_("contact hours (not online)"))
    retreat_days = models.PositiveSmallIntegerField(_("days of silent retreat"))
    experience = models.TextField(_("your experience"), max_length=3000)
    certificate = models.FileField(_("certificate"), upload_to=certificate_path)
    # The graduation as the institute reported it, and whether the programme was accredited on that
    # date (kring.accreditation.history). Not reported or not accredited: still allowed, and marked.
    graduate = models.ForeignKey(
        Graduate,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("reported graduation"),
    )
    programme_accredited = models.BooleanField(_("programme accredited on the graduation date"), default=False)
    certificate_type = models.CharField(max_length=40, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ApplicationStatus.choices, default=ApplicationStatus.SUBMITTED
    )
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    reason = models.TextField(_("reason"), blank=True, max_length=3000)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    registration = models.OneToOneField(
        Registration, null=True, blank=True, on_delete=models.PROTECT, related_name="application"
    )

    class Meta:
        verbose_name = _("application for certification")
        verbose_name_plural = _("applications for certification")
        ordering = ["submitted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(status=ApplicationStatus.SUBMITTED),
                name="one_open_application_per_person",
            )
        ]
