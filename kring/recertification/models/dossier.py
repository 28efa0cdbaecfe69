"""The recertification dossier: filled in bit by bit during a cycle, frozen in versions on submit."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kring.members.models import Person
from kring.recertification.models.scheme import Cycle

# The six domains of the MBI:TAC, used as prompts for the reflection.
MBI_TAC_DOMAINS = [
    ("reflection_curriculum", _("Coverage, pacing and organisation of the session curriculum")),
    ("reflection_relational", _("Relational skills")),
    ("reflection_embodiment", _("Embodiment of mindfulness")),
    ("reflection_guiding", _("Guiding mindfulness practices")),
    ("reflection_inquiry", _("Conveying course themes through interactive inquiry and didactic teaching")),
    ("reflection_group", _("Holding the group learning environment")),
]


class CodeOfEthics(models.Model):
    """A version of the code of ethics (Erecode) that registered trainers accept."""

    version = models.CharField(_("version"), max_length=20, unique=True)
    valid_from = models.DateField(_("valid from"))
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("code of ethics")
        verbose_name_plural = _("codes of ethics")
        ordering = ["-valid_from"]

    def __str__(self):
        return self.version

    @classmethod
    def current(cls) -> CodeOfEthics | None:
        return cls.objects.filter(valid_from__lte=timezone.localdate()).first()


class DossierStatus(models.TextChoices):
    DRAFT = "draft", _("Being filled in")
    COMMITTEE = "committee", _("With the certification committee")
    INFO_REQUESTED = "info_requested", _("Question from the committee")
    DECIDED = "decided", _("Decided")


class Dossier(models.Model):
    """One per cycle. The live fields are the draft; each submission freezes a ``DossierVersion``."""

    cycle = models.OneToOneField(Cycle, on_delete=models.PROTECT, related_name="dossier")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="dossiers")
    status = models.CharField(_("status"), max_length=20, choices=DossierStatus.choices, default=DossierStatus.DRAFT)
    ethics = models.ForeignKey(
        CodeOfEthics, null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("code of ethics accepted")
    )
    ethics_accepted_at = models.DateTimeField(_("code of ethics accepted on"), null=True, blank=True)
    reflection_curriculum = models.TextField(MBI_TAC_DOMAINS[0][1], blank=True, max_length=3000)
    reflection_relational = models.TextField(MBI_TAC_DOMAINS[1][1], blank=True, max_length=3000)
    reflection_embodiment = models.TextField(MBI_TAC_DOMAINS[2][1], blank=True, max_length=3000)
    reflection_guiding = models.TextField(MBI_TAC_DOMAINS[3][1], blank=True, max_length=3000)
    reflection_inquiry = models.TextField(MBI_TAC_DOMAINS[4][1], blank=True, max_length=3000)
    reflection_group = models.TextField(MBI_TAC_DOMAINS[5][1], blank=True, max_length=3000)
    peer_report = models.TextField(_("report of the peer conversation"), blank=True, max_length=3000)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["-pk"]

    def __str__(self):
        return f"{self.person} {self.cycle.starts_on}–{self.cycle.ends_on}"

    def reflections(self) -> list[tuple[str, str]]:
        return [(label, getattr(self, name)) for name, label in MBI_TAC_DOMAINS]

    @property
    def has_reflection(self) -> bool:
        return any(getattr(self, name).strip() for name, _label in MBI_TAC_DOMAINS)


class PeerInvitation(models.Model):
    """A certified colleague asked to a peer conversation; they confirm that it took place."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="peers")
    colleague = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="peer_invitations", verbose_name=_("colleague")
    )
    invited_at = models.DateTimeField(_("invited"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        verbose_name = _("peer conversation")
        verbose_name_plural = _("peer conversations")
        ordering = ["invited_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["dossier", "colleague"], name="one_invitation_per_colleague")]


class DossierVersion(models.Model):
    """A frozen copy of a dossier as submitted. Never changed; a later submission adds a version."""

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    snapshot = models.JSONField(_("content"))
    complete = models.BooleanField(_("complete"))
    submitted_at = models.DateTimeField(_("submitted"), default=timezone.now)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("dossier version")
        verbose_name_plural = _("dossier versions")
        ordering = ["dossier", "number"]
        constraints = [models.UniqueConstraint(fields=["dossier", "number"], name="one_dossier_version_number")]


class SampleDraw(models.Model):
    """The draw that decided whether a complete dossier goes to the committee anyway.

    ``seed`` is sha256("<cycle id>:<salt>"); ``rules.sample_draw(seed, percentage)`` gives the outcome
    again, so anyone can check the draw was fair.
    """

    dossier = models.ForeignKey(Dossier, on_delete=models.PROTECT, related_name="draws")
    version = models.OneToOneField(DossierVersion, on_delete=models.PROTECT, related_name="draw")
    salt = models.CharField(_("salt"), max_length=64)
    seed = models.CharField(_("seed"), max_length=64)
    percentage = models.DecimalField(_("sample percentage"), max_digits=5, decimal_places=2)
    value = models.FloatField(_("drawn value"))
    sampled = models.BooleanField(_("in the sample"))
    drawn_at = models.DateTimeField(_("drawn"), default=timezone.now)

    class Meta:
        verbose_name = _("sample draw")
        verbose_name_plural = _("sample draws")
        ordering = ["-drawn_at"]


class ReminderKind(models.TextChoices):
    YEAR = "year", _("A year before the end")
    SIX_MONTHS = "six_months", _("Six months before the end")
    ONE_MONTH = "one_month", _("One month before the end")


class ReminderSent(models.Model):
    cycle = models.ForeignKey(Cycle, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("reminder"), max_length=12, choices=ReminderKind.choices)
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)
    skipped = models.BooleanField(
        _("skipped"), default=False, help_text=_("Not sent because a later reminder was already due.")
    )

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [models.UniqueConstraint(fields=["cycle", "kind"], name="one_reminder_per_cycle_and_kind")]
