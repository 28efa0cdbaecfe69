"""The CPD log (deskundigheidsbevordering): what a trainer did to keep learning."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kring.members.models import Person, TaughtProgramme


def evidence_path(activity, filename: str) -> str:
    # The name the trainer gave the file is not kept: it may carry personal details.
    return f"evidence/{activity.person_id}/{timezone.now():%Y%m%d%H%M%S%f}"


class ActivityKind(models.TextChoices):
    INTERVISION = "intervision", _("Intervision")
    SUPERVISION = "supervision", _("Supervision")
    RETREAT = "retreat", _("Silent retreat")
    COURSE_FOLLOWED = "course_followed", _("Course or workshop followed")
    COURSE_TAUGHT = "course_taught", _("Course taught")
    OWN_PRACTICE = "own_practice", _("Own practice")
    EVENT = "event", _("Event of the association")
    OTHER = "other", _("Other")


class Activity(models.Model):
    """One entry in a trainer's CPD log.

    Entries that arrive by themselves (confirmed intervision, event attendance) carry a ``source``
    such as ``intervision.attendance:12`` and cannot be edited by the trainer.
    """

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="activities")
    kind = models.CharField(_("kind"), max_length=20, choices=ActivityKind.choices)
    date = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=6, decimal_places=2)
    days = models.DecimalField(_("days"), max_digits=5, decimal_places=1, default=0)
    description = models.CharField(_("description"), max_length=300, blank=True)
    programme = models.ForeignKey(
        TaughtProgramme,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        verbose_name=_("programme"),
        help_text=_("For a course you taught."),
    )
    participants = models.PositiveSmallIntegerField(_("number of participants"), null=True, blank=True)
    evidence = models.FileField(_("evidence"), upload_to=evidence_path, blank=True)
    evidence_type = models.CharField(_("type of evidence"), max_length=40, blank=True)
    source = models.CharField(
        _("source"), max_length=60, blank=True, help_text=_("Set when the activity was recorded by Kring itself.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        db_table = "recertification_activity"  # the table from before the log had its own app
        verbose_name = _("CPD activity")
        verbose_name_plural = _("CPD activities")
        ordering = ["-date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "source"], condition=~models.Q(source=""), name="one_activity_per_person_and_source"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.date}"

    @property
    def is_automatic(self) -> bool:
        return bool(self.source)
