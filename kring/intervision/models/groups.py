"""Intervision: groups, who is in them, who is looking for one, their meetings and records.

A group holds 4 to 8 people; the coordinator (or facilitator) is one of its members. Membership is
kept as periods (``GroupMember.joined_on``/``left_on``), never deleted, so last year's groups stay
known. A meeting's attendance counts for recertification once confirmed: by the coordinator, or by
two other attendees (trust instead of control).
"""

from __future__ import annotations

import secrets

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kring.members.models import Person, SpokenLanguage, TargetGroup, WorkDomain

MIN_SIZE, MAX_SIZE = 4, 8
MEETINGS_ASKED_PER_YEAR = 4


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Mode(models.TextChoices):
    LIVE = "live", _("Live")
    ONLINE = "online", _("Online")
    BOTH = "both", _("Live and online")


class Experience(models.TextChoices):
    MIXED = "mixed", _("Mixed: starting and experienced trainers")
    UNIFORM = "uniform", _("Uniform: similar experience")


class Moment(models.TextChoices):
    """When people can meet; groups name one, seekers tick several."""

    WEEKDAY_MORNING = "weekday-morning", _("Weekday morning")
    WEEKDAY_AFTERNOON = "weekday-afternoon", _("Weekday afternoon")
    WEEKDAY_EVENING = "weekday-evening", _("Weekday evening")
    WEEKEND = "weekend", _("Weekend")


class Country(models.TextChoices):
    NL = "NL", _("Netherlands")
    BE = "BE", _("Belgium")


class GroupQuerySet(models.QuerySet):
    def open_for_joining(self):
        return self.filter(closed_at__isnull=True)

    def with_member_count(self):
        return self.annotate(
            member_count=models.Count("members", filter=models.Q(members__left_on__isnull=True), distinct=True)
        )

    def of_person(self, person: Person):
        """Groups the person is a current member of."""
        return self.filter(members__person=person, members__left_on__isnull=True).distinct()


class Group(models.Model):
    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Coordinator")
        FACILITATOR = "facilitator", _("Facilitator")

    name = models.CharField(_("name"), max_length=120)
    coordinator = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="coordinated_groups", verbose_name=_("coordinator")
    )
    coordinator_role = models.CharField(
        _("I run this group as"), max_length=12, choices=Role.choices, default=Role.COORDINATOR
    )
    mode = models.CharField(_("mode"), max_length=8, choices=Mode.choices, default=Mode.LIVE)
    is_open = models.BooleanField(
        _("open group"),
        default=True,
        help_text=_("An open group welcomes people for single meetings; a fixed group meets with the same people."),
    )
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, default=Country.NL)
    place = models.CharField(_("place"), max_length=80, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    work_domain = models.ForeignKey(
        WorkDomain, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("work domain")
    )
    target_group = models.ForeignKey(
        TargetGroup, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("target group")
    )
    experience = models.CharField(_("experience"), max_length=8, choices=Experience.choices, default=Experience.MIXED)
    capacity = models.PositiveSmallIntegerField(
        _("number of places"),
        default=6,
        validators=[MinValueValidator(MIN_SIZE), MaxValueValidator(MAX_SIZE)],
        help_text=_("Between 4 and 8 people, you included."),
    )
    meetings_per_year = models.PositiveSmallIntegerField(_("meetings a year"), default=4)
    moment = models.CharField(_("usual moment"), max_length=20, choices=Moment.choices, blank=True)
    language = models.ForeignKey(
        SpokenLanguage, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("language")
    )
    description = models.TextField(_("description"), blank=True, max_length=2000)
    feed_token = models.CharField(_("calendar token"), max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)

    objects = GroupQuerySet.as_manager()

    class Meta:
        verbose_name = _("intervision group")
        verbose_name_plural = _("intervision groups")
        ordering = ["name", "pk"]
        indexes = [models.Index(fields=["latitude", "longitude"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(capacity__gte=MIN_SIZE, capacity__lte=MAX_SIZE),
                name="intervision_group_capacity_4_to_8",
                violation_error_message=_("A group has room for 4 to 8 people."),
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def is_closed(self) -> bool:
        return self.closed_at is not None

    def current_members(self):
        return self.members.filter(left_on__isnull=True)

    @property
    def free_places(self) -> int:
        count = getattr(self, "member_count", None)
        if count is None:
            count = self.current_members().count()
        return max(self.capacity - count, 0)


class GroupMember(models.Model):
    """A person's membership of a group, from ``joined_on`` until ``left_on``."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="members")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="intervision_memberships")
    joined_on = models.DateField(_("joined on"), default=timezone.localdate)
    left_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        verbose_name = _("group member")
        verbose_name_plural = _("group members")
        ordering = ["joined_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "person"],
                condition=models.Q(left_on__isnull=True),
                name="intervision_one_current_membership",
            ),
        ]

    def __str__(self):
        return f"{self.person} – {self.group}"


class JoinRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="join_requests")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="intervision_join_requests")
    message = models.TextField(_("message"), blank=True, max_length=1000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    decided_at = models.DateTimeField(_("answered"), null=True, blank=True)
    decided_message = models.TextField(_("answer"), blank=True, max_length=1000)

    class Meta:
        verbose_name = _("join request")
        verbose_name_plural = _("join requests")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["group", "person"], condition=models.Q(status="pending"), name="intervision_one_pending_request"
            ),
        ]

    def __str__(self):
        return f"{self.person} → {self.group}"


class Seeker(models.Model):
    """Someone looking for a group, with their wishes. ``withdrawn_at`` ends the search."""

    class ExperienceWish(models.TextChoices):
        ANY = "", _("No preference")
        MIXED = "mixed", _("Mixed")
        UNIFORM = "uniform", _("Uniform")

    class ExperienceLevel(models.TextChoices):
        STARTING = "starting", _("Starting trainer (less than 3 years)")
        EXPERIENCED = "experienced", _("Experienced trainer")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="intervision_searches")
    mode = models.CharField(_("mode"), max_length=8, choices=Mode.choices, default=Mode.BOTH)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, default=Country.NL)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    max_distance_km = models.PositiveSmallIntegerField(_("maximum distance (km)"), default=30)
    work_domain = models.ForeignKey(
        WorkDomain, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("work domain")
    )
    target_group = models.ForeignKey(
        TargetGroup, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("target group")
    )
    experience_level = models.CharField(
        _("my experience"), max_length=12, choices=ExperienceLevel.choices, default=ExperienceLevel.EXPERIENCED
    )
    experience_wish = models.CharField(
        _("experience in the group"),
        max_length=8,
        blank=True,
        choices=ExperienceWish.choices,
        default=ExperienceWish.ANY,
    )
    moments = models.JSONField(_("moments I can meet"), default=list, blank=True)
    language = models.ForeignKey(
        SpokenLanguage, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("language")
    )
    visible_to_coordinators = models.BooleanField(
        _("Coordinators of groups with free places may see that I am looking"), default=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(pgettext_lazy("looking for a group", "withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("person looking for a group")
        verbose_name_plural = _("people looking for a group")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=models.Q(withdrawn_at__isnull=True), name="intervision_one_active_search"
            ),
        ]

    def __str__(self):
        return str(self.person)


class Method(models.TextChoices):
    INCIDENT = "incident", _("Incident method")
    INQUIRY = "inquiry", _("Mindful inquiry")
    BALINT = "balint", _("Balint method")
    SOCRATIC = "socratic", _("Socratic dialogue")
    FIVE_STEP = "five-step", _("Five-step method")


class MbiTacDomain(models.TextChoices):
    CURRICULUM = "1", _("1. Coverage, pacing and organisation of the session curriculum")
    RELATIONAL = "2", _("2. Relational skills")
    EMBODIMENT = "3", _("3. Embodiment of mindfulness")
    PRACTICES = "4", _("4. Guiding mindfulness practices")
    INQUIRY = "5", _("5. Conveying course themes through inquiry and didactic teaching")
    GROUP = "6", _("6. Holding the group learning environment")


class Meeting(models.Model):
    """A meeting of a group with its mindful agenda. Frozen once any attendance is confirmed."""

    group = models.ForeignKey(Group, on_delete=models.CASCADE, related_name="meetings")
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), default=120, validators=[MinValueValidator(15), MaxValueValidator(600)]
    )
    mode = models.CharField(_("mode"), max_length=8, choices=Mode.choices, default=Mode.LIVE)
    location = models.CharField(_("place"), max_length=200, blank=True)
    link = models.URLField(_("link for online meeting"), blank=True)
    opening_practice = models.CharField(_("opening practice"), max_length=200, blank=True)
    check_in = models.CharField(_("check-in"), max_length=200, blank=True)
    case = models.TextField(_("case"), blank=True, max_length=1000)
    method = models.CharField(_("method"), max_length=10, choices=Method.choices, default=Method.INQUIRY)
    mbi_tac_domain = models.CharField(
        _("MBI:TAC domain in focus"), max_length=1, choices=MbiTacDomain.choices, blank=True
    )
    closing_practice = models.CharField(_("closing practice"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(duration_minutes__gte=15, duration_minutes__lte=600),
                name="intervision_meeting_duration",
                violation_error_message=_("A meeting lasts between 15 minutes and 10 hours."),
            ),
        ]

    def __str__(self):
        return f"{self.group} {timezone.localtime(self.starts_at):%Y-%m-%d}"

    @property
    def ends_at(self):
        return self.starts_at + timezone.timedelta(minutes=self.duration_minutes)

    @property
    def hours(self):
        from decimal import Decimal

        return (Decimal(self.duration_minutes) / 60).quantize(Decimal("0.01"))

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()


class Attendance(models.Model):
    """A person was at a meeting. ``confirmed_at`` is set by the coordinator, or once two other
    attendees confirmed (``AttendanceConfirmation``)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="intervision_attendances")
    registered_at = models.DateTimeField(_("registered"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmed_by_coordinator = models.BooleanField(_("confirmed by the coordinator"), default=False)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        ordering = ["meeting", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="intervision_one_attendance"),
        ]

    def __str__(self):
        return f"{self.person} @ {self.meeting}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class AttendanceConfirmation(models.Model):
    """One attendee vouches that another was there."""

    attendance = models.ForeignKey(Attendance, on_delete=models.CASCADE, related_name="confirmations")
    by = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+", verbose_name=_("confirmed by"))
    at = models.DateTimeField(_("confirmed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attendance confirmation")
        verbose_name_plural = _("attendance confirmations")
        ordering = ["at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["attendance", "by"], name="intervision_one_confirmation_each"),
        ]


class IntervisionRecord(models.Model):
    """The "format intervisie" for one attendee of one meeting. ``reflection`` is for them alone."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="records")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="intervision_records")
    topics = models.CharField(_("topics"), max_length=300, blank=True)
    report = models.TextField(_("short report"), blank=True, max_length=3000)
    reflection = models.TextField(
        _("my reflection"), blank=True, max_length=3000, help_text=_("Only you can read this.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("intervision record")
        verbose_name_plural = _("intervision records")
        ordering = ["meeting__starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "person"], name="intervision_one_record"),
        ]

    def __str__(self):
        return f"{self.person} – {self.meeting}"


class MemberFeed(models.Model):
    """A person's secret calendar address for all their groups' meetings."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="intervision_feed")
    token = models.CharField(_("calendar token"), max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("personal calendar feed")
        verbose_name_plural = _("personal calendar feeds")
