"""Certification schemes as data, and the cycles they apply to.

A scheme is never changed once a cycle uses it: the office makes a new version with a later
``valid_from``. A cycle keeps the version that was valid on the day it started.
"""

from __future__ import annotations

import datetime

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kring.register.models import Level, Registration, RegistrationPeriod, Status


class RequirementKind(models.TextChoices):
    INTERVISION_PER_YEAR = "intervision_per_year", _("Intervision meetings per year")
    SUPERVISION_HOURS = "supervision_hours", _("Hours of supervision in the cycle")
    RETREAT_DAYS = "retreat_days", _("Days of silent retreat in the cycle")
    COURSES_TAUGHT = "courses_taught", _("Courses taught in the cycle")
    CPD_HOURS = "cpd_hours", _("Hours of professional development in the cycle")


class CertificationSchemeQuerySet(models.QuerySet):
    def for_cycle(self, level: str, starts_on: datetime.date) -> CertificationScheme | None:
        """The version that applies to a cycle of ``level`` starting on ``starts_on``.

        That is the newest version valid on the start day; a cycle that started before the first
        version falls back to the oldest one, so every cycle has a scheme.
        """
        versions = self.filter(level=level).prefetch_related("requirements")
        return (
            versions.filter(valid_from__lte=starts_on).order_by("-valid_from", "-version").first()
            or versions.order_by("valid_from", "version").first()
        )


class CertificationScheme(models.Model):
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    version = models.PositiveSmallIntegerField(_("version"))
    valid_from = models.DateField(_("valid from"), help_text=_("Applies to cycles that start on or after this day."))
    cycle_years = models.PositiveSmallIntegerField(
        _("length of the cycle in years"), default=5, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    note = models.TextField(_("note"), blank=True, help_text=_("Where the figures come from, and why."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = CertificationSchemeQuerySet.as_manager()

    class Meta:
        verbose_name = _("certification scheme")
        verbose_name_plural = _("certification schemes")
        ordering = ["level", "-version"]
        constraints = [models.UniqueConstraint(fields=["level", "version"], name="one_scheme_version_per_level")]

    def __str__(self):
        return f"{self.get_level_display()} v{self.version} ({self.valid_from})"

    @property
    def in_use(self) -> bool:
        """A cycle follows this version: one with a row, or a current one still computed in memory (its
        trainer already sees these figures, so they must not change under them)."""
        if self.pk is None:
            return False
        return self.cycles.exists() or self._periods_it_applies_to().exists()

    def _periods_it_applies_to(self):
        """Active register periods whose cycle would follow this version (see ``for_cycle``)."""
        same_level = CertificationScheme.objects.filter(level=self.level)
        after = models.Q(valid_from__gt=self.valid_from) | models.Q(
            valid_from=self.valid_from, version__gt=self.version
        )
        periods = RegistrationPeriod.objects.filter(level=self.level, status=Status.ACTIVE)
        if same_level.filter(~after).exclude(pk=self.pk).exists():  # not the oldest: no fallback to it
            periods = periods.filter(starts_on__gte=self.valid_from)
        later = same_level.filter(after).order_by("valid_from").first()
        if later is not None:
            periods = periods.filter(starts_on__lt=later.valid_from)
        return periods


class SchemeRequirement(models.Model):
    scheme = models.ForeignKey(CertificationScheme, on_delete=models.CASCADE, related_name="requirements")
    kind = models.CharField(_("requirement"), max_length=30, choices=RequirementKind.choices)
    amount = models.DecimalField(_("amount"), max_digits=6, decimal_places=1, validators=[MinValueValidator(0)])

    class Meta:
        verbose_name = _("requirement")
        verbose_name_plural = _("requirements")
        ordering = ["scheme", "kind"]
        constraints = [models.UniqueConstraint(fields=["scheme", "kind"], name="one_requirement_per_kind")]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.amount}"


class Cycle(models.Model):
    """One recertification cycle of a registration, from the active period's first to last day."""

    registration = models.ForeignKey(Registration, on_delete=models.PROTECT, related_name="cycles")
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    scheme = models.ForeignKey(
        CertificationScheme, on_delete=models.PROTECT, related_name="cycles", verbose_name=_("scheme")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("cycle")
        verbose_name_plural = _("cycles")
        ordering = ["registration", "-starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["registration", "starts_on"], name="one_cycle_per_start"),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="cycle_ends_after_start"
            ),
        ]

    def __str__(self):
        return f"{self.registration} {self.starts_on}–{self.ends_on}"

    def covers(self, on: datetime.date) -> bool:
        return self.starts_on <= on <= self.ends_on


class SampleSetting(models.Model):
    """How large the random sample of complete dossiers is that the committee still reads.

    The newest row applies; earlier rows are the history. The salt is mixed into every draw's seed
    and recorded with it, so anyone can redo a draw.
    """

    percentage = models.DecimalField(
        _("sample percentage"),
        max_digits=5,
        decimal_places=2,
        default=10,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    salt = models.CharField(
        _("draw salt"), max_length=64, help_text=_("Recorded with every draw so that it can be reproduced.")
    )
    valid_from = models.DateTimeField(_("valid from"), auto_now_add=True)

    class Meta:
        verbose_name = _("sample setting")
        verbose_name_plural = _("sample settings")
        ordering = ["-valid_from", "-pk"]

    def __str__(self):
        return f"{self.percentage}%"
