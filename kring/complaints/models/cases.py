"""A complaint (``Case``) and everything in its file.

Readable columns are only what keeps time and what must outlive the file: stages, dates, outcome and
measure. Everything a person wrote (the complaint, contact details, notes, responses, reasons) is in
``sealed`` columns, encrypted with ``kring.complaints.crypto``; documents likewise, in the database
itself so that a backup of the media folder holds nothing readable and destruction is one delete.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kring.register.models import Registration


class Stage(models.TextChoices):
    RECEIVED = "received", _("Received")
    CONFIRMED = "confirmed", _("Receipt confirmed")
    INVITED = "invited", _("Trainer asked to respond")
    DECIDED = "decided", _("Decided")
    OBJECTED = "objected", _("Objection lodged")
    CLOSED = "closed", _("Closed")


OPEN_STAGES = (Stage.RECEIVED, Stage.CONFIRMED, Stage.INVITED)


class Outcome(models.TextChoices):
    UNFOUNDED = "unfounded", _("Unfounded")
    FOUNDED = "founded", _("Founded, without a measure")
    WARNING = "warning", _("Founded: warning")
    REPRIMAND = "reprimand", _("Founded: reprimand")
    SUSPENSION = "suspension", _("Founded: suspension for a period")
    STRIKE_OFF = "strike_off", _("Founded: struck off the register")


REGISTER_MEASURES = (Outcome.SUSPENSION, Outcome.STRIKE_OFF)


class Party(models.TextChoices):
    COMPLAINANT = "complainant", _("Complainant")
    TRAINER = "trainer", _("Trainer")
    COMMITTEE = "committee", _("Committee")


class Case(models.Model):
    number = models.CharField(_("case number"), max_length=20, unique=True, null=True, blank=True)
    registration = models.ForeignKey(Registration, on_delete=models.PROTECT, related_name="complaints")
    stage = models.CharField(_("stage"), max_length=12, choices=Stage.choices, default=Stage.RECEIVED)
    sealed = models.TextField(blank=True, help_text="Encrypted: the complaint and the complainant's details.")
    language = models.CharField(max_length=5, default="nl")
    link_secret_hash = models.CharField(max_length=64, help_text="SHA-256 of the secret in the private link.")
    submission_hash = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    filed_at = models.DateTimeField(_("filed"), default=timezone.now)
    receipt_due = models.DateField(_("receipt to be confirmed by"))
    confirmed_at = models.DateTimeField(_("receipt confirmed"), null=True, blank=True)
    invited_at = models.DateTimeField(_("trainer asked to respond"), null=True, blank=True)
    response_due = models.DateField(_("response due"), null=True, blank=True)
    hearing_on = models.DateField(_("hearing"), null=True, blank=True)
    decision_due = models.DateField(_("decision due"))
    extended_at = models.DateTimeField(_("term extended"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    outcome = models.CharField(_("decision"), max_length=12, choices=Outcome.choices, blank=True)
    measure_until = models.DateField(_("suspended until"), null=True, blank=True)
    measure_lifted_at = models.DateTimeField(_("suspension lifted"), null=True, blank=True)
    objection_until = models.DateField(_("objection possible until"), null=True, blank=True)
    closed_at = models.DateTimeField(pgettext_lazy("case", "closed"), null=True, blank=True)
    destroyed_at = models.DateTimeField(_("file destroyed"), null=True, blank=True)

    class Meta:
        verbose_name = _("complaint")
        verbose_name_plural = _("complaints")
        ordering = ["-filed_at", "-pk"]

    def __str__(self):
        return self.number or f"#{self.pk}"

    @property
    def is_open(self) -> bool:
        return self.stage in OPEN_STAGES

    @property
    def has_register_measure(self) -> bool:
        return self.outcome in REGISTER_MEASURES


class EntryKind(models.TextChoices):
    NOTE = "note", _("Note of the committee")
    INVITATION = "invitation", _("Question to the trainer")
    RESPONSE = "response", _("Response of the trainer")
    MESSAGE = "message", _("Message of the complainant")
    EXTENSION = "extension", _("Reason for the extension")
    DECISION = "decision", _("Reasons for the decision")
    OBJECTION = "objection", _("Objection")
    OBJECTION_DECISION = "objection_decision", _("Decision on the objection")


class CaseEntry(models.Model):
    """One piece of writing in the file, encrypted: a note, the question to the trainer, a response…"""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="entries")
    kind = models.CharField(max_length=20, choices=EntryKind.choices)
    party = models.CharField(max_length=12, choices=Party.choices)
    sealed = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["created_at", "pk"]


class CaseDocument(models.Model):
    """A document in the file, encrypted (content type and size stay readable for the list)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="documents")
    party = models.CharField(max_length=12, choices=Party.choices)
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    sealed = models.BinaryField()
    added_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["added_at", "pk"]


class ConflictDeclaration(models.Model):
    """A committee member said they cannot judge this case; from then on it is out of their reach."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="conflicts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    declared_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "user"], name="one_conflict_per_member")]


class Objection(models.Model):
    """Each party may object to the decision once; the committee decides on it."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="objections")
    party = models.CharField(max_length=12, choices=Party.choices)
    lodged_at = models.DateTimeField(default=timezone.now)
    upheld = models.BooleanField(null=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["case", "party"], name="one_objection_per_party")]


class Ruling(models.Model):
    """The anonymised ruling: drafted by one committee member, approved by another, then public.
    It is not sealed because it is written to be published, and it outlives the destroyed file."""

    case = models.OneToOneField(Case, on_delete=models.PROTECT, related_name="ruling")
    text = models.TextField(_("anonymised ruling"))
    outcome = models.CharField(max_length=12, choices=Outcome.choices)
    year = models.PositiveSmallIntegerField()
    drafted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    drafted_at = models.DateTimeField(default=timezone.now)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-approved_at", "-pk"]


class DestructionLog(models.Model):
    """What is left of a destroyed file: which case, the hash of what was destroyed, when, by whom."""

    case_number = models.CharField(max_length=20)
    file_hash = models.CharField(max_length=64)
    destroyed_at = models.DateTimeField(default=timezone.now)
    source = models.CharField(max_length=60, help_text="user:<id> or process:<name>")

    class Meta:
        ordering = ["-destroyed_at"]
