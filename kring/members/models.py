"""People, their memberships, and what they tell about themselves ("Beheer mijn gegevens")."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kring.core.translated import TranslatedNameModel


class WorkDomain(TranslatedNameModel):
    class Meta(TranslatedNameModel.Meta):
        verbose_name = _("work domain")
        verbose_name_plural = _("work domains")


class TargetGroup(TranslatedNameModel):
    class Meta(TranslatedNameModel.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class SpokenLanguage(TranslatedNameModel):
    class Meta(TranslatedNameModel.Meta):
        verbose_name = _("language spoken")
        verbose_name_plural = _("languages spoken")


class TaughtProgramme(TranslatedNameModel):
    """A mindfulness-based programme a trainer teaches to clients (MBSR, MBCT, MBCL ...).

    Not to be confused with a training programme for teachers (an *opleiding*)."""

    counts_for_reimbursement = models.BooleanField(
        _("counts for reimbursement"),
        default=False,
        help_text=_("Insurers reimburse courses of this programme given by specialist trainers."),
    )

    class Meta(TranslatedNameModel.Meta):
        verbose_name = _("programme taught")
        verbose_name_plural = _("programmes taught")


phone_validator = RegexValidator(
    r"^\+?[0-9 ()\-]{8,20}$",
    _("Enter a phone number with digits only, for example 06 12345678 or +32 470 12 34 56."),
)


def photo_path(person: Person, filename: str) -> str:
    return f"photos/{person.pk}-{timezone.now():%Y%m%d%H%M%S}.jpg"


class Person(models.Model):
    """A member, trainer or other person the association knows.

    ``public_*`` switches are the person's consent per field: nothing is public unless switched on.
    """

    PUBLIC_FIELDS = (
        "email",
        "phone",
        "website",
        "photo",
        "about",
        "practices",
        "work_domains",
        "target_groups",
        "languages",
        "programmes",
        "online",
    )

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="person",
        verbose_name=_("account"),
    )
    first_name = models.CharField(_("first name"), max_length=80)
    name_prefix = models.CharField(
        _("prefix"), max_length=20, blank=True, help_text=_("For example 'van', 'de' or 'van der'.")
    )
    last_name = models.CharField(_("last name"), max_length=120)
    email = models.EmailField(_("e-mail address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=20, blank=True, validators=[phone_validator])
    website = models.URLField(_("website"), blank=True)
    about = models.TextField(_("about me"), blank=True, max_length=1500)
    photo = models.ImageField(_("photo"), upload_to=photo_path, blank=True)
    online = models.BooleanField(_("I also teach online"), default=False)
    work_domains = models.ManyToManyField(WorkDomain, blank=True, verbose_name=_("work domains"))
    target_groups = models.ManyToManyField(TargetGroup, blank=True, verbose_name=_("target groups"))
    languages = models.ManyToManyField(SpokenLanguage, blank=True, verbose_name=_("languages"))
    programmes = models.ManyToManyField(TaughtProgramme, blank=True, verbose_name=_("programmes I teach"))

    public_email = models.BooleanField(_("e-mail address"), default=False)
    public_phone = models.BooleanField(_("phone number"), default=False)
    public_website = models.BooleanField(_("website"), default=False)
    public_photo = models.BooleanField(_("photo"), default=False)
    public_about = models.BooleanField(_("about me"), default=False)
    public_practices = models.BooleanField(_("practice addresses"), default=False)
    public_work_domains = models.BooleanField(_("work domains"), default=False)
    public_target_groups = models.BooleanField(_("target groups"), default=False)
    public_languages = models.BooleanField(_("languages"), default=False)
    public_programmes = models.BooleanField(_("programmes I teach"), default=False)
    public_online = models.BooleanField(_("online offering"), default=False)

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    erased_at = models.DateTimeField(_("erased"), null=True, blank=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["last_name", "first_name"]
        indexes = [models.Index(fields=["last_name", "first_name"])]

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        name = " ".join(part for part in (self.first_name, self.name_prefix, self.last_name) if part)
        if not name and self.erased_at:
            # Erasure took the name too (never registered): the office still needs a line to click.
            return str(_("Erased person %(number)s") % {"number": self.pk})
        return name

    @property
    def sort_name(self) -> str:
        return f"{self.last_name}, {self.first_name} {self.name_prefix}".strip()

    def is_public(self, field: str) -> bool:
        return getattr(self, f"public_{field}")

    @property
    def language(self) -> str:
        return self.user.language if self.user_id else "nl"


class PracticeAddress(models.Model):
    """Where a trainer works. The postcode gives the coordinates used by "find a trainer"."""

    class Country(models.TextChoices):
        NL = "NL", _("Netherlands")
        BE = "BE", _("Belgium")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="practices")
    name = models.CharField(_("name of the practice"), max_length=120, blank=True)
    street = models.CharField(_("street and number"), max_length=120, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10)
    place = models.CharField(_("place"), max_length=80)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices, default=Country.NL)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))

    class Meta:
        verbose_name = _("practice address")
        verbose_name_plural = _("practice addresses")
        ordering = ["pk"]
        indexes = [models.Index(fields=["latitude", "longitude"])]

    def __str__(self):
        return f"{self.name or self.place} ({self.postcode})"


class MembershipType(TranslatedNameModel):
    annual_fee = models.DecimalField(_("annual fee"), max_digits=8, decimal_places=2, default=0)

    class Meta(TranslatedNameModel.Meta):
        verbose_name = _("membership type")
        verbose_name_plural = _("membership types")


class MembershipStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    LAPSED = "lapsed", _("Lapsed")
    ENDED = "ended", _("Ended")


class MembershipQuerySet(models.QuerySet):
    def current(self, on=None):
        """Memberships that are active on a date (today by default)."""
        on = on or timezone.localdate()
        return self.filter(status=MembershipStatus.ACTIVE, starts_on__lte=on).filter(
            models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=on)
        )


class Membership(models.Model):
    """A membership of one type for a period. Status changes are kept in ``MembershipStatusChange``;
    ``status`` is the latest of them, kept here so lists can filter on it."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="memberships")
    type = models.ForeignKey(MembershipType, on_delete=models.PROTECT, verbose_name=_("type"))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=MembershipStatus.choices, default=MembershipStatus.ACTIVE
    )

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=models.F("starts_on")),
                name="membership_ends_after_start",
            ),
        ]

    def __str__(self):
        return f"{self.type} {self.starts_on:%Y}"


class MembershipStatusChange(models.Model):
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="history")
    status = models.CharField(_("status"), max_length=10, choices=MembershipStatus.choices)
    on = models.DateField(_("from"))
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    recorded_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        verbose_name = _("membership status change")
        verbose_name_plural = _("membership status history")
        ordering = ["on", "pk"]


class ErasureRequest(models.Model):
    """A person's request to erase their data. The office confirms it; see ``services.person_erase``."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        DONE = "done", _("Carried out")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="erasure_requests")
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("erasure request")
        verbose_name_plural = _("erasure requests")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=models.Q(status="requested"), name="one_open_erasure_request_per_person"
            ),
        ]
