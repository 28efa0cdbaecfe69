"""Events of the association: workshops, online sessions, the annual day and congresses.

An event holds places per mode (live, online). A place is taken by a registration that is pending
(a visitor who has not yet clicked the link in the e-mail), confirmed or attended, and held by an open
offer from the waiting list. ``places_taken`` counts all three, and every decision about places locks
the event row first (``services``), so two people can never take the last place together.
"""

from __future__ import annotations

import datetime
import secrets

from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kring.cpd.models import ActivityKind
from kring.members.models import Person

DEFAULT_OFFER_HOURS = 48


def new_token() -> str:
    return secrets.token_urlsafe(24)


def new_checkin_code() -> str:
    # Six characters without look-alikes (0/O, 1/I/L): easy to read from a screen in a room.
    alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
    return "".join(secrets.choice(alphabet) for _ in range(6))


class Kind(models.TextChoices):
    WORKSHOP = "workshop", _("Workshop")
    ONLINE_SESSION = "online_session", _("Online session")
    ANNUAL_DAY = "annual_day", _("Annual day")
    CONGRESS = "congress", _("Congress")
    OTHER = "other", _("Other")


class Mode(models.TextChoices):
    LIVE = "live", _("Live")
    ONLINE = "online", _("Online")
    BOTH = "both", _("Live and online")


class Audience(models.TextChoices):
    MEMBERS = "members", _("Members only")
    TRAINERS = "trainers", _("Trainers only")
    PUBLIC = "public", _("Everyone")


class PriceGroup(models.TextChoices):
    MEMBER = "member", _("Member")
    NON_MEMBER = "non_member", _("Non-member")
    STUDENT = "student", _("Student member")


class Country(models.TextChoices):
    NL = "NL", _("Netherlands")
    BE = "BE", _("Belgium")


class Language(models.TextChoices):
    NL = "nl", _("Dutch")
    EN = "en", _("English")


def _money(label):
    return models.DecimalField(label, max_digits=8, decimal_places=2, default=0)


def _early(label):
    return models.DecimalField(label, max_digits=8, decimal_places=2, null=True, blank=True)


class EventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True)

    def upcoming(self, now=None):
        return self.filter(ends_at__gte=now or timezone.now())


class Event(models.Model):
    title = models.CharField(_("title"), max_length=160)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.WORKSHOP)
    description = models.TextField(_("description"), blank=True, max_length=8000)
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.NL)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    mode = models.CharField(_("mode"), max_length=8, choices=Mode.choices, default=Mode.LIVE)
    venue = models.CharField(_("venue"), max_length=200, blank=True, help_text=_("Name and street of the venue."))
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, default=Country.NL)
    place = models.CharField(_("place"), max_length=80, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    online_link = models.URLField(
        _("online link"), blank=True, help_text=_("Shown only to registered participants. Must start with https://.")
    )
    capacity_live = models.PositiveIntegerField(_("places live"), default=0)
    capacity_online = models.PositiveIntegerField(_("places online"), default=0)
    audience = models.CharField(_("audience"), max_length=10, choices=Audience.choices, default=Audience.MEMBERS)
    registration_opens_at = models.DateTimeField(_("registration opens"))
    registration_closes_at = models.DateTimeField(_("registration closes"))
    cancel_until = models.DateTimeField(
        _("participants may cancel until"), null=True, blank=True, help_text=_("Empty: until the event starts.")
    )
    price_member = _money(_("price for members"))
    price_non_member = _money(_("price for non-members"))
    price_student = _money(_("price for student members"))
    early_bird_until = models.DateField(
        _("early-bird price until"), null=True, blank=True, help_text=_("Registrations on this day still pay it.")
    )
    early_price_member = _early(_("early-bird price for members"))
    early_price_non_member = _early(_("early-bird price for non-members"))
    early_price_student = _early(_("early-bird price for student members"))
    cpd_hours = models.DecimalField(_("CPD hours"), max_digits=5, decimal_places=2, default=0)
    cpd_kind = models.CharField(
        _("counts in the CPD log as"), max_length=20, choices=ActivityKind.choices, default=ActivityKind.EVENT
    )
    offer_hours = models.PositiveSmallIntegerField(
        _("hours to answer an offer"),
        default=DEFAULT_OFFER_HOURS,
        validators=[MinValueValidator(1)],
        help_text=_("How long someone from the waiting list may take to say yes to a free place."),
    )
    host = models.ForeignKey(
        Person,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="hosted_events",
        verbose_name=_("host"),
        help_text=_("The host may use the attendance list and confirm who was there online."),
    )
    checkin_code = models.CharField(_("check-in code"), max_length=8, default=new_checkin_code)
    published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("changed"), auto_now=True)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at", "pk"]
        indexes = [
            models.Index(fields=["published", "starts_at"]),
            models.Index(fields=["latitude", "longitude"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=models.Q(price_member__gte=0, price_non_member__gte=0, price_student__gte=0),
                name="event_prices_not_negative",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def is_public(self) -> bool:
        return self.audience == Audience.PUBLIC

    @property
    def modes(self) -> list[str]:
        return [Mode.LIVE, Mode.ONLINE] if self.mode == Mode.BOTH else [self.mode]

    @property
    def is_live(self) -> bool:
        return Mode.LIVE in self.modes

    @property
    def is_online(self) -> bool:
        return Mode.ONLINE in self.modes

    def capacity(self, mode: str) -> int:
        if mode not in self.modes:
            return 0
        return self.capacity_live if mode == Mode.LIVE else self.capacity_online

    @property
    def is_free(self) -> bool:
        prices = (self.price_member, self.price_non_member, self.price_student)
        early = (self.early_price_member, self.early_price_non_member, self.early_price_student)
        return not any(prices) and not any(p for p in early if p is not None)

    @property
    def cancel_deadline(self):
        return self.cancel_until or self.starts_at

    def registration_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.registration_opens_at <= now <= self.registration_closes_at

    # Participants check themselves in from an hour before the start (people arrive early) until two
    # hours after the end (someone who forgot can still do it on the way home); the office can always.
    @property
    def checkin_opens_at(self):
        return self.starts_at - datetime.timedelta(hours=1)

    @property
    def checkin_closes_at(self):
        return self.ends_at + datetime.timedelta(hours=2)

    def checkin_state(self, now) -> str:
        """Whether participants can check themselves in at ``now``: "open", "later" (on the event's day,
        the association's day and not UTC's: an event at half past midnight is tomorrow's) or ""."""
        if self.checkin_opens_at <= now <= self.checkin_closes_at:
            return "open"
        if now < self.checkin_opens_at and timezone.localdate(self.starts_at) == timezone.localdate(now):
            return "later"
        return ""


class Session(models.Model):
    """One part of a congress's programme, with its own times and, when it is smaller, its own places."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("event"))
    title = models.CharField(_("title"), max_length=160)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    room = models.CharField(_("room"), max_length=80, blank=True)
    capacity = models.PositiveIntegerField(_("places"), null=True, blank=True, help_text=_("Empty: no limit."))

    class Meta:
        verbose_name = pgettext_lazy("part of an event", "session")
        verbose_name_plural = _("programme")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="event_session_ends_after_start"
            ),
        ]

    def __str__(self):
        return self.title


class RegistrationStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for e-mail confirmation")
    CONFIRMED = "confirmed", pgettext_lazy("sign-up", "Registered")
    CANCELLED = "cancelled", _("Cancelled")
    EXPIRED = "expired", _("Expired: e-mail never confirmed")


HOLDING = (RegistrationStatus.PENDING, RegistrationStatus.CONFIRMED)


class PaymentStatus(models.TextChoices):
    NONE = "none", _("Free")
    OPEN = "open", _("To be paid")
    PAID = "paid", _("Paid")
    INVOICED = "invoiced", _("On your next invoice")
    CANCELLED = "cancelled", _("Not due")


class Registration(models.Model):
    """A place (or a few, for colleagues) at an event, for a member with an account or a visitor."""

    event = models.ForeignKey(Event, on_delete=models.PROTECT, related_name="registrations", verbose_name=_("event"))
    person = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.PROTECT, related_name="event_registrations"
    )
    name = models.CharField(_("name"), max_length=160)
    email = models.EmailField(_("e-mail address"))
    language = models.CharField(_("language"), max_length=2, choices=Language.choices, default=Language.NL)
    mode = models.CharField(_("mode"), max_length=8, choices=Mode.choices)
    places = models.PositiveSmallIntegerField(_("places"), default=1, validators=[MinValueValidator(1)])
    status = models.CharField(_("status"), max_length=10, choices=RegistrationStatus.choices)
    token = models.CharField(max_length=64, unique=True, default=new_token)
    sessions = models.ManyToManyField(
        Session, blank=True, related_name="registrations", verbose_name=pgettext_lazy("part of an event", "sessions")
    )
    price_group = models.CharField(_("price group"), max_length=12, choices=PriceGroup.choices)
    amount_due = models.DecimalField(_("amount due"), max_digits=8, decimal_places=2, default=0)
    charge_description = models.CharField(pgettext_lazy("what is charged", "charge"), max_length=200, blank=True)
    payment_status = models.CharField(
        _("payment"), max_length=10, choices=PaymentStatus.choices, default=PaymentStatus.NONE
    )
    payment_reference = models.CharField(_("payment reference"), max_length=40, blank=True)
    paid_at = models.DateTimeField(_("paid"), null=True, blank=True)
    payer_country = models.CharField(_("country"), max_length=2, choices=Country.choices, default=Country.NL)
    attended_at = models.DateTimeField(_("attended"), null=True, blank=True)
    certificate_code = models.CharField(max_length=32, blank=True)
    created_at = models.DateTimeField(pgettext_lazy("sign-up", "registered"), auto_now_add=True)
    verify_before = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        verbose_name = pgettext_lazy("sign-up", "registration")
        verbose_name_plural = pgettext_lazy("sign-up", "registrations")
        ordering = ["event", "name", "pk"]
        indexes = [models.Index(fields=["event", "status", "mode"]), models.Index(fields=["certificate_code"])]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=models.Q(status__in=["pending", "confirmed"], person__isnull=False),
                name="one_registration_per_person_and_event",
            ),
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=models.Q(status__in=["pending", "confirmed"]),
                name="one_registration_per_address_and_event",
            ),
        ]

    def __str__(self):
        return f"{self.name} – {self.event}"

    @property
    def is_active(self) -> bool:
        return self.status == RegistrationStatus.CONFIRMED

    @property
    def attended(self) -> bool:
        return self.attended_at is not None


class WaitingStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting")
    OFFERED = "offered", _("Place offered")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("No longer interested")
    LAPSED = "lapsed", _("Offer lapsed")


class WaitingEntry(models.Model):
    """Someone waiting for a place of one mode; the first in line is offered a freed place. A member
    waits as a person; a visitor (public events) by name and e-mail address, which the offer's link
    proves: the place becomes theirs only when they answer it."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="waiting", verbose_name=_("event"))
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.CASCADE, related_name="event_waiting")
    name = models.CharField(_("name"), max_length=160, blank=True)
    email = models.EmailField(_("e-mail address"), blank=True)
    language = models.CharField(_("language"), max_length=10, default="nl")
    payer_country = models.CharField(_("pays from"), max_length=2, default="NL")
    mode = models.CharField(_("mode"), max_length=8, choices=Mode.choices)
    places = models.PositiveSmallIntegerField(_("places"), default=1, validators=[MinValueValidator(1)])
    status = models.CharField(_("status"), max_length=10, choices=WaitingStatus.choices, default=WaitingStatus.WAITING)
    token = models.CharField(max_length=64, unique=True, default=new_token)
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)
    offered_at = models.DateTimeField(_("offered"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer open until"), null=True, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    registration = models.OneToOneField(
        Registration, null=True, blank=True, on_delete=models.SET_NULL, related_name="from_waiting_list"
    )

    class Meta:
        verbose_name = _("waiting-list entry")
        verbose_name_plural = _("waiting list")
        ordering = ["event", "joined_at", "pk"]
        indexes = [models.Index(fields=["event", "mode", "status", "joined_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "person"],
                condition=models.Q(status__in=["waiting", "offered"]),
                name="one_place_in_line_per_person_and_event",
            ),
            models.UniqueConstraint(
                fields=["event", "email"],
                condition=models.Q(status__in=["waiting", "offered"], person__isnull=True),
                name="one_place_in_line_per_visitor_and_event",
            ),
        ]

    def __str__(self):
        return f"{self.who} – {self.event}"

    @property
    def who(self) -> str:
        return self.person.full_name if self.person_id else self.name

    @property
    def address(self) -> str:
        if self.person_id is None:
            return self.email
        return self.person.email or self.person.user.email

    @property
    def reader_language(self) -> str:
        return self.person.language if self.person_id else self.language
