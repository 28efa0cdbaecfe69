"""Accreditation criteria as data, in versions. A version that an application was submitted under
is never changed: the office makes a new version with a later ``valid_from``."""

from __future__ import annotations

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    CURRICULUM_HOURS = "curriculum_hours", _("Study hours of the curriculum")
    CONTACT_HOURS = "contact_hours", _("Contact hours (not online)")
    DURATION_MONTHS = "duration_months", _("Duration in months")
    RETREAT_DAYS = "retreat_days", _("Days of silent retreat")
    PARTICIPANT_COURSE = "participant_course", _("8-week course as a participant")
    STAFF_QUALIFICATIONS = "staff_qualifications", _("Qualifications of the teaching staff")
    ASSESSMENT = "assessment", _("Assessment of students")
    SUPERVISED_PRACTICE = "supervised_practice", _("Supervised teaching practice")
    MBI_TAC = "mbi_tac", _("Alignment with MBI:TAC")


# Criteria answered with a number (hours, days, months); the others are answered in words.
NUMERIC = frozenset({Kind.CURRICULUM_HOURS, Kind.CONTACT_HOURS, Kind.DURATION_MONTHS, Kind.RETREAT_DAYS})
ORDER = list(Kind.values)


class CriteriaQuerySet(models.QuerySet):
    def valid_on(self, on: datetime.date) -> CriteriaVersion | None:
        """The newest version valid on ``on`` (the oldest before any is valid, so there always is one)."""
        versions = self.prefetch_related("criteria")
        return (
            versions.filter(valid_from__lte=on).order_by("-valid_from", "-version").first()
            or versions.order_by("valid_from", "version").first()
        )


class CriteriaVersion(models.Model):
    version = models.PositiveSmallIntegerField(_("version"), unique=True)
    valid_from = models.DateField(_("valid from"), help_text=_("Applies to applications submitted from this day."))
    validity_years = models.PositiveSmallIntegerField(
        _("years an accreditation is valid"), default=5, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    note = models.TextField(_("note"), blank=True, help_text=_("Where the figures come from, and why."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = CriteriaQuerySet.as_manager()

    class Meta:
        verbose_name = _("accreditation criteria")
        verbose_name_plural = _("accreditation criteria")
        ordering = ["-version"]

    def __str__(self):
        return f"v{self.version} ({self.valid_from})"

    @property
    def in_use(self) -> bool:
        return self.pk is not None and self.submitted_versions.exists()


class Criterion(models.Model):
    criteria = models.ForeignKey(CriteriaVersion, on_delete=models.CASCADE, related_name="criteria")
    kind = models.CharField(_("criterion"), max_length=30, choices=Kind.choices)
    minimum = models.DecimalField(
        _("minimum"), max_digits=6, decimal_places=1, null=True, blank=True, validators=[MinValueValidator(0)]
    )
    guidance = models.TextField(_("what we ask"), max_length=2000)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [models.UniqueConstraint(fields=["criteria", "kind"], name="one_criterion_per_kind")]

    def __str__(self):
        return self.get_kind_display()

    @property
    def numeric(self) -> bool:
        return self.kind in NUMERIC
