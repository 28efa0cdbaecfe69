"""The register of trainers: registrations and the history of their status and level.

A registration's life is a sequence of periods (``RegistrationPeriod``), each with a status and a
level, a first and (usually) a last day. "Was number X registered on date D, and at which level?"
is answered by finding the period that covers D; nothing is ever overwritten.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kring.members.models import Person, TaughtProgramme


class Level(models.TextChoices):
    BASIS = "basis", _("Basis")
    SPECIALIST = "specialist", _("Specialist")


class Status(models.TextChoices):
    ACTIVE = "active", _("Registered")
    SUSPENDED = "suspended", _("Suspended")
    STRUCK_OFF = "struck_off", _("Struck off")
    EXPIRED = "expired", _("Expired")


agb_validator = RegexValidator(r"^\d{8}$", _("An AGB code has exactly 8 digits."))
number_validator = RegexValidator(r"^\d{4,10}$", _("A register number consists of 4 to 10 digits."))


class Registration(models.Model):
    number = models.CharField(
        _("register number"),
        max_length=10,
        unique=True,
        validators=[number_validator],
        help_text=_("Kept as text: leading zeros matter."),
    )
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="registrations", verbose_name=_("person"))
    agb_code = models.CharField(_("AGB code"), max_length=8, blank=True, validators=[agb_validator], db_index=True)
    programmes = models.ManyToManyField(TaughtProgramme, blank=True, verbose_name=_("programmes covered"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["number"]

    def __str__(self):
        return self.number


class RegisterNumber(models.Model):
    """The single row that hands out register numbers: ``last`` is the highest number given so far.
    Taking a number locks this row, so two trainers accepted at the same moment get different ones."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    last = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("register number counter")


class RegistrationPeriod(models.Model):
    """One stretch of a registration's history with one status and level."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="periods")
    status = models.CharField(_("status"), max_length=12, choices=Status.choices)
    level = models.CharField(_("level"), max_length=12, choices=Level.choices)
    starts_on = models.DateField(_("from"))
    ends_on = models.DateField(
        _("until"),
        null=True,
        blank=True,
        help_text=_("The last day of the period; for an active period the end of its validity."),
    )
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    resumes_until = models.DateField(
        _("validity to resume until"),
        null=True,
        blank=True,
        help_text=_(
            "For a suspension: the end of the validity it interrupted, restored when the registration is reinstated."
        ),
    )
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("registration period")
        verbose_name_plural = _("registration history")
        ordering = ["registration", "starts_on", "pk"]
        indexes = [models.Index(fields=["status", "starts_on", "ends_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=models.F("starts_on")),
                name="period_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.registration} {self.get_status_display()} {self.starts_on}–{self.ends_on or ''}"

    def covers(self, on) -> bool:
        return self.starts_on <= on and (self.ends_on is None or on <= self.ends_on)


class SearchEntry(models.Model):
    """One registered trainer as "find a trainer" sees them: public data only, denormalised.

    Built from the register and the person's consented fields by ``kring.register.search_index``,
    whenever a registration or a person changes and in full by ``manage.py register_reindex``.
    Searching 50,000 trainers then reads one narrow table (and ``SearchPoint`` for distances) instead
    of joining registrations, periods, people, practices and five many-to-many tables per request.
    Vocabulary codes are stored between spaces (" mbsr mbct ") so that a filter is one ``contains``.
    """

    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="search_entry")
    number = models.CharField(max_length=10)
    name = models.CharField(max_length=230)
    sort_name = models.CharField(max_length=230, db_index=True)
    search_text = models.TextField(help_text="Lower-case name and public places, for free-text search.")
    level = models.CharField(max_length=12, choices=Level.choices)
    listed_from = models.DateField()
    listed_until = models.DateField(null=True, blank=True)
    programmes = models.CharField(max_length=300, blank=True)
    work_domains = models.CharField(max_length=300, blank=True)
    target_groups = models.CharField(max_length=300, blank=True)
    languages = models.CharField(max_length=300, blank=True)
    online = models.BooleanField(default=False)
    online_public = models.BooleanField(default=False, help_text="Whether the trainer made 'online' public at all.")
    website = models.URLField(blank=True)
    places = models.CharField(max_length=300, blank=True, help_text="Public practice places, for display.")
    photo = models.CharField(
        max_length=200, blank=True, help_text="Address of the photo, when the trainer made it public."
    )

    def __str__(self):
        return f"{self.number} {self.name}"


class SearchPoint(models.Model):
    """A public practice address of a ``SearchEntry``: where distances are measured from.

    It repeats the entry's filter columns so that a distance search reads this one table. The sines and
    cosines of half the latitude and longitude let the database compute the exact haversine term with
    plain arithmetic (see ``kring.register.search``), on SQLite and PostgreSQL alike."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="points")
    latitude = models.FloatField()
    longitude = models.FloatField()
    place = models.CharField(max_length=80)
    postcode = models.CharField(max_length=10)
    country = models.CharField(max_length=2)
    lat_sin_half = models.FloatField()
    lat_cos_half = models.FloatField()
    lon_sin_half = models.FloatField()
    lon_cos_half = models.FloatField()
    lat_cos = models.FloatField()
    sort_name = models.CharField(max_length=230)
    listed_from = models.DateField()
    listed_until = models.DateField(null=True, blank=True)
    programmes = models.CharField(max_length=300, blank=True)
    work_domains = models.CharField(max_length=300, blank=True)
    target_groups = models.CharField(max_length=300, blank=True)
    languages = models.CharField(max_length=300, blank=True)
    online = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["latitude", "longitude"])]


class SearchIndexState(models.Model):
    """A single row whose ``generation`` grows with every change of the search index, so that cached
    search results of every app server expire at once."""

    generation = models.PositiveBigIntegerField(default=0)
    changed_at = models.DateTimeField(default=timezone.now)
