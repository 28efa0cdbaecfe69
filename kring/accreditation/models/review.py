"""The accreditation committee's work: the chair, reviewers and their statements, assessments per
criterion, questions (which stop the clock), decisions with conditions, and objections."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kring.accreditation.models.applications import Application, ApplicationVersion
from kring.accreditation.models.criteria import Kind

OBJECTION_DAYS = 28  # objection to the board within 4 weeks, as for (re)certification


class Chair(models.Model):
    """Who chairs the accreditation committee, for a period. Only the chair assigns reviewers."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    starts_on = models.DateField(_("starts on"), default=timezone.localdate)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)

    class Meta:
        verbose_name = _("chair of the accreditation committee")
        verbose_name_plural = _("chairs of the accreditation committee")
        ordering = ["-starts_on"]


class Reviewer(models.Model):
    """A committee member assigned to an application; they state any conflict before they assess."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="reviewers")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    assigned_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    assigned_at = models.DateTimeField(_("assigned"), default=timezone.now)
    stated_at = models.DateTimeField(_("statement given"), null=True, blank=True)
    has_conflict = models.BooleanField(_("conflict of interest"), default=False)
    statement = models.TextField(_("statement on conflicts of interest"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("reviewer")
        verbose_name_plural = _("reviewers")
        constraints = [models.UniqueConstraint(fields=["application", "user"], name="one_assignment_per_reviewer")]

    @property
    def may_assess(self) -> bool:
        return self.stated_at is not None and not self.has_conflict


class Verdict(models.TextChoices):
    MEETS = "meets", _("Meets the criterion")
    PARTLY = "partly", _("Partly meets it")
    NOT = "not", _("Does not meet it")


class Assessment(models.Model):
    reviewer = models.ForeignKey(Reviewer, on_delete=models.CASCADE, related_name="assessments")
    version = models.ForeignKey(ApplicationVersion, on_delete=models.PROTECT, related_name="assessments")
    kind = models.CharField(_("criterion"), max_length=30, choices=Kind.choices)
    verdict = models.CharField(_("assessment"), max_length=8, choices=Verdict.choices)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    assessed_at = models.DateTimeField(_("assessed"), auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["reviewer", "version", "kind"], name="one_assessment_per_criterion")
        ]


class Question(models.Model):
    """A question to the institute. While it is open, the review clock stands still."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="questions")
    text = models.TextField(_("question"), max_length=3000)
    asked_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    asked_at = models.DateTimeField(_("asked"), default=timezone.now)
    answer = models.TextField(_("answer"), max_length=5000, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)

    class Meta:
        verbose_name = _("question from the committee")
        verbose_name_plural = _("questions from the committee")
        ordering = ["asked_at", "pk"]


class Outcome(models.TextChoices):
    ACCREDIT = "accredit", _("Accredit")
    CONDITIONS = "conditions", _("Accredit with conditions")
    REFUSE = "refuse", _("Refuse")


class Decision(models.Model):
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="decisions")
    # One decision per submitted version (a round): two members deciding at once cannot both be stored.
    version = models.OneToOneField(ApplicationVersion, on_delete=models.PROTECT, related_name="decision")
    outcome = models.CharField(_("decision"), max_length=12, choices=Outcome.choices)
    reason = models.TextField(_("reason"), max_length=5000)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(_("decided"), default=timezone.now)
    valid_until = models.DateField(_("accredited until"), null=True, blank=True)

    class Meta:
        verbose_name = _("accreditation decision")
        verbose_name_plural = _("accreditation decisions")
        ordering = ["-decided_at"]

    @property
    def objection_deadline(self) -> datetime.date:
        return timezone.localdate(self.decided_at) + datetime.timedelta(days=OBJECTION_DAYS)


class Condition(models.Model):
    """A condition of an accreditation, tracked until the committee records that it is met."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="conditions")
    text = models.TextField(_("condition"), max_length=2000)
    due_on = models.DateField(_("to be met by"))
    met_on = models.DateField(_("met on"), null=True, blank=True)
    met_note = models.TextField(_("how it was met"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("condition")
        verbose_name_plural = _("conditions")
        ordering = ["due_on", "pk"]


class BoardOutcome(models.TextChoices):
    UPHELD = "upheld", _("The objection is upheld")
    DISMISSED = "dismissed", _("The objection is dismissed")


class Objection(models.Model):
    """The institute's objection to a decision, and the board's final decision on it."""

    decision = models.OneToOneField(Decision, on_delete=models.PROTECT, related_name="objection")
    text = models.TextField(_("your objection"), max_length=5000)
    filed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
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
