"""Factories and helpers shared by every test (imported by the root conftest and the tests of each app)."""

from __future__ import annotations

import datetime

import factory
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.utils import timezone

from kring.accounts.models import RoleGrant, User
from kring.core import geo
from kring.members.models import Membership, MembershipType, Person, PracticeAddress
from kring.register.models import Level, Registration, RegistrationPeriod, Status

PASSWORD = "kalm-en-aandachtig-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(obj, create, extracted, **kwargs):
        obj.save()
        if create:
            EmailAddress.objects.create(user=obj, email=obj.email, primary=True, verified=True)


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    user = factory.SubFactory(UserFactory)
    first_name = factory.Sequence(lambda n: ["Anne", "Bram", "Noor", "Wout", "Lotte", "Jeroen"][n % 6])
    last_name = factory.Sequence(lambda n: f"Jansen{n}")
    email = factory.LazyAttribute(lambda p: p.user.email if p.user else "")


def add_practice(person: Person, postcode: str = "3512", country: str = "NL", **extra) -> PracticeAddress:
    place = geo.lookup(postcode, country)
    return PracticeAddress.objects.create(
        person=person,
        postcode=postcode,
        country=country,
        place=place.name,
        latitude=place.latitude,
        longitude=place.longitude,
        **extra,
    )


def make_member(person: Person, type_code: str = "practitioner", since: datetime.date | None = None) -> Membership:
    return Membership.objects.create(
        person=person,
        type=MembershipType.objects.get(code=type_code),
        starts_on=since or timezone.localdate() - datetime.timedelta(days=400),
    )


_numbers = iter(range(10000, 99999))


def make_registration(
    person: Person,
    *,
    number: str | None = None,
    level: str = Level.SPECIALIST,
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
    status: str = Status.ACTIVE,
) -> Registration:
    today = timezone.localdate()
    registration = Registration.objects.create(person=person, number=number or f"{next(_numbers):06d}")
    RegistrationPeriod.objects.create(
        registration=registration,
        status=status,
        level=level,
        starts_on=starts_on or today - datetime.timedelta(days=365),
        ends_on=ends_on if ends_on is not None else today + datetime.timedelta(days=4 * 365),
    )
    return registration


def grant(user: User, role: str, *, ends_on: datetime.date | None = None) -> RoleGrant:
    return RoleGrant.objects.create(
        user=user, role=role, starts_on=timezone.localdate() - datetime.timedelta(days=30), ends_on=ends_on
    )


def add_totp(user: User) -> Authenticator:
    """Give an account a TOTP authenticator, as if the person had set up two-step verification."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    return TOTP.activate(user, generate_totp_secret()).instance


def add_activity(person: Person, **fields):
    """An entry in the person's CPD log, as the trainer would add it."""
    from kring.cpd.models import Activity

    return Activity.objects.create(person=person, **fields)


def make_institute(name: str = "Instituut voor Aandacht", **fields):
    """A training institute (accreditation)."""
    from django.utils.text import slugify

    from kring.accreditation.models import Institute

    slug = _free_slug(Institute, slugify(name))
    defaults = {"slug": slug, "city": "Utrecht", "email": f"info@{slug}.example"}
    return Institute.objects.create(name=name, **{**defaults, **fields})


def _free_slug(model, base: str) -> str:
    """``base``, or ``base-2``, ``base-3``… when a test makes several of the same name."""
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def make_institute_staff(user: User, institute, *, ends_on: datetime.date | None = None):
    """Give an account the institute role for ``institute`` (ends in a year unless told otherwise)."""
    from kring.accreditation.models import InstituteStaff

    today = timezone.localdate()
    return InstituteStaff.objects.create(
        user=user,
        institute=institute,
        starts_on=today - datetime.timedelta(days=30),
        ends_on=ends_on or today + datetime.timedelta(days=365),
    )


def make_programme(institute, name: str = "Opleiding MBSR-trainer", **fields):
    from django.utils.text import slugify

    from kring.accreditation.models import Programme

    defaults = {"slug": _free_slug(Programme, slugify(f"{institute.slug}-{name}")), "place": "Utrecht"}
    return Programme.objects.create(institute=institute, name=name, **{**defaults, **fields})


def accredit(programme, starts_on: datetime.date, ends_on: datetime.date | None, status: str = "active"):
    """A period in a programme's accreditation history, as a decision or the office would record it."""
    from kring.accreditation.models import AccreditationPeriod

    return AccreditationPeriod.objects.create(programme=programme, status=status, starts_on=starts_on, ends_on=ends_on)


# Finance: the association's bank details, fees and mandates.

ASSOCIATION_IBAN = "NL91ABNA0417164300"
CREDITOR_ID = "NL57ZZZ999999999999"


def association_with_bank(**changes):
    """Give the association an IBAN, BIC and creditor identifier, as collection files need."""
    from django.core.cache import cache

    from kring.core.models import Association

    values = {"iban": ASSOCIATION_IBAN, "bic": "ABNANL2A", "creditor_id": CREDITOR_ID, **changes}
    association, _created = Association.objects.get_or_create(
        pk=1, defaults={"name": "Vereniging", "short_name": "VMT"}
    )
    values.setdefault("vat_exemption", association.vat_exemption or "Vrijgesteld van btw (art. 11 lid 1 sub e Wet OB)")
    Association.objects.filter(pk=1).update(**values)
    cache.clear()
    return Association.objects.get(pk=1)


def make_fee(type_code: str = "practitioner", year: int = 2026, amount_cents: int = 8500, **extra):
    from kring.finance.models import Fee

    return Fee.objects.create(
        type=MembershipType.objects.get(code=type_code), year=year, amount_cents=amount_cents, **extra
    )


def make_mandate(person: Person, iban: str = "NL44RABO0123456789", **extra):
    from kring.finance import sepa

    return sepa.mandate_sign(
        person,
        iban=iban,
        holder_name=person.full_name,
        signed_on=extra.pop("signed_on", timezone.localdate() - datetime.timedelta(days=30)),
        by=None,
        **extra,
    )
