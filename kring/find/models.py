"""What people offer and look for in "find": courses, retreats, and supervisors with their supervision.

A course and a retreat are both an *offer*: something that starts on a day, at a place (a postcode,
with its coordinates from ``kring.core.geo``) or online, in a language. ``Offer`` holds what they
share, so every kind is found, measured and put in a calendar the same way.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kring.accreditation.models import Institute
from kring.members.models import Person, SpokenLanguage, TaughtProgramme
from kring.register.models import Registration


class Offer(models.Model):
    """What every kind of offer has: who offers it, when it starts, where, in which language."""

    registration = models.ForeignKey(
        Registration, on_delete=models.PROTECT, related_name="+", verbose_name=_("registration")
    )
    starts_on = models.DateField(_("start date"), db_index=True)
    online = models.BooleanField(_("online"), default=False)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True)
    place = models.CharField(_("place"), max_length=80, blank=True)
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    language = models.ForeignKey(SpokenLanguage, on_delete=models.PROTECT, related_name="+", verbose_name=_("language"))
    text = models.CharField(_("short text"), max_length=600, blank=True)
    signup_url = models.URLField(_("sign-up link"), blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        indexes = [models.Index(fields=["latitude", "longitude"])]


class Course(Offer):
    """An 8-week course (MBSR, MBCT or another programme) that a registered trainer announces."""

    programme = models.ForeignKey(
        TaughtProgramme, on_delete=models.PROTECT, related_name="+", verbose_name=_("programme")
    )
    time = models.TimeField(_("time"))
    sessions = models.PositiveSmallIntegerField(_("number of sessions"), default=8)
    price = models.DecimalField(_("price in euros"), max_digits=7, decimal_places=2)
    places_left = models.PositiveSmallIntegerField(_("places left"))

    class Meta(Offer.Meta):
        verbose_name = _("course")
        verbose_name_plural = _("courses")
        indexes = [
            models.Index(fields=["latitude", "longitude"], name="find_course_lat_lon"),
            models.Index(fields=["starts_on", "programme"], name="find_course_start_programme"),
        ]
        constraints = [
            models.CheckConstraint(condition=models.Q(price__gte=0), name="find_course_price_not_negative"),
        ]

    def __str__(self):
        return f"{self.programme} {self.starts_on}"


class Retreat(Offer):
    """A silent retreat announced by a trainer or by a training institute (who organises it); the
    teacher may be someone else. A trainer's retreat is listed while their registration is valid on its
    start date, an institute's while it is not withdrawn."""

    registration = models.ForeignKey(
        Registration, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("registration")
    )
    institute = models.ForeignKey(
        Institute, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("institute")
    )
    title = models.CharField(_("title"), max_length=120)
    ends_on = models.DateField(_("last day"))
    days = models.PositiveSmallIntegerField(_("number of retreat days"), validators=[MinValueValidator(1)])
    teacher = models.CharField(pgettext_lazy("retreat", "teacher"), max_length=120)
    attendance_confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta(Offer.Meta):
        verbose_name = _("retreat")
        verbose_name_plural = _("retreats")
        indexes = [models.Index(fields=["latitude", "longitude"], name="find_retreat_lat_lon")]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="find_retreat_ends"),
            models.CheckConstraint(condition=models.Q(days__gte=1), name="find_retreat_days"),
            models.CheckConstraint(
                condition=models.Q(registration__isnull=True) ^ models.Q(institute__isnull=True),
                name="find_retreat_one_organiser",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def organiser(self) -> str:
        return self.institute.name if self.institute_id else self.registration.person.full_name


class RetreatAttendance(models.Model):
    """A trainer the organiser confirmed as present; the retreat days went into their CPD log."""

    retreat = models.ForeignKey(Retreat, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    confirmed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["retreat", "person"], name="find_one_attendance")]


class SupervisorRecognition(models.Model):
    """One period in which the office recognises a registered trainer as supervisor, with the criteria
    as they were checked. Periods are never overwritten: a recognition that ends gets its last day."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+", verbose_name=_("person"))
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(_("until"), null=True, blank=True)
    years_experience = models.PositiveSmallIntegerField(_("years of experience as a trainer"))
    courses_given = models.PositiveSmallIntegerField(_("courses given"))
    training_days = models.DecimalField(_("days of supervision training"), max_digits=4, decimal_places=1)
    training_completed_on = models.DateField(_("supervision training completed on"))
    note = models.CharField(_("note"), max_length=300, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("supervisor recognition")
        verbose_name_plural = _("supervisor recognitions")
        ordering = ["person", "starts_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=models.F("starts_on")),
                name="find_recognition_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.person} {self.starts_on}–{self.ends_on or ''}"

    def covers(self, on) -> bool:
        return self.starts_on <= on and (self.ends_on is None or on <= self.ends_on)


class SupervisionRequest(models.Model):
    """A trainer asks a supervisor for supervision; the supervisor accepts or declines."""

    class Status(models.TextChoices):
        ASKED = "asked", _("Asked")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    supervisor = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    trainee = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    message = models.CharField(_("message"), max_length=1000, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ASKED)
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["supervisor", "trainee"],
                condition=models.Q(status="asked"),
                name="find_one_open_request",
            ),
        ]


class SupervisionSession(models.Model):
    """Supervision given: logged by the supervisor, it lands in both CPD logs."""

    request = models.ForeignKey(SupervisionRequest, on_delete=models.PROTECT, related_name="sessions")
    on = models.DateField(_("date"))
    hours = models.DecimalField(_("hours"), max_digits=4, decimal_places=1)
    created_at = models.DateTimeField(auto_now_add=True)
