"""Training institutes, the staff accounts that act for them, their teachers and their programmes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kring.members.models import SpokenLanguage


class Country(models.TextChoices):
    NL = "NL", _("the Netherlands")
    BE = "BE", _("Belgium (Flanders)")


class Institute(models.Model):
    """A training institute (opleidingsinstituut): an organisation, not a person."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name in the address"), max_length=80, unique=True)
    city = models.CharField(_("place"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, default=Country.NL)
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail address"), help_text=_("Where the committee's letters go."))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("institute")
        verbose_name_plural = _("institutes")
        ordering = ["name"]

    def __str__(self):
        return self.name


class StaffQuerySet(models.QuerySet):
    def current(self, on=None):
        on = on or timezone.localdate()
        return self.filter(starts_on__lte=on, ends_on__gte=on)


class InstituteStaff(models.Model):
    """The institute role: an account acting for one institute, for a period that always ends."""

    institute = models.ForeignKey(Institute, on_delete=models.CASCADE, related_name="staff")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="institute_grants", verbose_name=_("account")
    )
    starts_on = models.DateField(_("starts on"), default=timezone.localdate)
    ends_on = models.DateField(_("ends on"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    objects = StaffQuerySet.as_manager()

    class Meta:
        verbose_name = _("institute staff")
        verbose_name_plural = _("institute staff")
        ordering = ["institute", "starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="institute_staff_ends_after_start"
            )
        ]

    def __str__(self):
        return f"{self.user} ({self.institute})"


class Teacher(models.Model):
    """Someone who teaches at an institute. Their e-mail address is how a conflict of interest is found."""

    institute = models.ForeignKey(Institute, on_delete=models.CASCADE, related_name="teachers")
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail address"))
    qualification = models.TextField(_("qualifications"), max_length=2000)

    class Meta:
        verbose_name = _("teacher")
        verbose_name_plural = _("teachers")
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["institute", "email"], name="one_teacher_per_address")]

    def __str__(self):
        return self.name


class Programme(models.Model):
    """A training programme (opleiding) of an institute: what is accredited, and what graduates finished."""

    institute = models.ForeignKey(Institute, on_delete=models.PROTECT, related_name="programmes")
    name = models.CharField(_("name of the programme"), max_length=200)
    slug = models.SlugField(_("short name in the address"), max_length=80, unique=True)
    place = models.CharField(_("place"), max_length=100, blank=True, help_text=_("Leave empty if fully online."))
    online = models.BooleanField(_("(partly) online"), default=False)
    description = models.TextField(_("short description"), max_length=3000, blank=True)
    # Where it is taught, as a postcode with its coordinates (kring.core.geo), so it is found by distance.
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    next_start = models.DateField(_("next start date"), null=True, blank=True)
    language = models.ForeignKey(
        SpokenLanguage, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("language")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = pgettext_lazy("training", "programme")
        verbose_name_plural = pgettext_lazy("training", "programmes")
        ordering = ["name"]
        indexes = [models.Index(fields=["latitude", "longitude"], name="accr_programme_lat_lon")]

    def __str__(self):
        return self.name
