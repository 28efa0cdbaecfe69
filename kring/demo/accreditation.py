"""Demo accreditation for ``manage.py seed_demo``: institutes in the Netherlands and Flanders, their
programmes with a history (accredited, re-accredited, expired, suspended), an application with the
committee and one in draft, graduates, and the institute login. Applications and decisions go
through the app's services; the periods of years ago are written directly, as history."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify

from kring.accounts.models import User
from kring.accreditation import defaults
from kring.accreditation.models import (
    AccreditationPeriod,
    Chair,
    Institute,
    InstituteStaff,
    Kind,
    Programme,
    Status,
    Teacher,
)
from kring.accreditation.services import applications, graduates, review
from kring.core import geo
from kring.members.models import SpokenLanguage

INSTITUTE_LOGIN = ("instituut@kring.example", "demo-instituut-2026")  # nosec B105 # published demo password

INSTITUTES = [
    ("Instituut voor Mindfulness Utrecht", "imu", "Utrecht", "NL"),
    ("Centrum voor Aandacht Amsterdam", "cva", "Amsterdam", "NL"),
    ("Noorderlicht Opleidingen", "noorderlicht", "Groningen", "NL"),
    ("Mindfulness Academie Gent", "mag", "Gent", "BE"),
    ("Stiltehuis Antwerpen", "stiltehuis", "Antwerpen", "BE"),
]
# programme name, institute slug, postcode, online, history: list of (status, years ago start, years ago end),
# then the next start (in days from today, None when not known) and the language's code
PROGRAMMES = [
    ("Opleiding MBSR-trainer", "imu", "3512", False, [("active", 8, 3), ("active", 3, None)], 150, "nl"),
    ("Opleiding MBCT-trainer", "imu", "3512", True, [("active", 2, None)], 60, "nl"),
    ("Tweejarige opleiding mindfulnesstrainer", "cva", "1012", False, [("active", 4, None)], None, "nl"),
    ("Mindfulness voor jongeren (MBSR-youth)", "noorderlicht", "9711", False, [("active", 9, 4)], 200, "nl"),
    ("Postgraduaat mindfulnesstrainer", "mag", "9000", True, [("active", 5, 1), ("suspended", 1, None)], 90, "nl"),
    ("Opleiding mindfulness en compassie (MBCL)", "stiltehuis", "", True, [], 120, "en"),
]
GRADUATES = ["Femke de Boer", "Jeroen Peeters", "Lotte Maes", "Ruben Visser", "Noor Claes", "Sem Willems"]
ANSWERS = {
    Kind.CURRICULUM_HOURS: (Decimal(210), "Twee jaar: tien modules, zelfstudie, oefenen en opdrachten."),
    Kind.CONTACT_HOURS: (Decimal(126), "Achttien lesdagen van zeven uur, allemaal op locatie."),
    Kind.DURATION_MONTHS: (Decimal(20), "Van september tot april van het jaar daarna."),
    Kind.RETREAT_DAYS: (Decimal(6), "Een stilteretraite van zes dagen in de Ardennen."),
    Kind.PARTICIPANT_COURSE: (None, "Iedere student volgde vooraf een achtweekse MBSR- of MBCT-training."),
    Kind.STAFF_QUALIFICATIONS: (None, "Vier docenten, elk meer dan tien jaar ervaring en een eigen beoefening."),
    Kind.ASSESSMENT: (None, "Twee docenten beoordelen opnames van lessen met de MBI:TAC."),
    Kind.SUPERVISED_PRACTICE: (None, "Studenten geven een achtweekse training onder supervisie."),
    Kind.MBI_TAC: (None, "De zes domeinen van de MBI:TAC vormen de leerlijn van het tweede jaar."),
}


def _years_ago(today: datetime.date, years: int) -> datetime.date:
    return today.replace(year=today.year - years, day=min(today.day, 28))


def seed(rng: random.Random) -> None:
    """Add the demo accreditation once (nothing happens when institutes exist)."""
    if Institute.objects.exists():
        return
    defaults.load()
    today = timezone.localdate()
    institutes = {
        slug: Institute.objects.create(
            name=name,
            slug=slug,
            city=city,
            country=country,
            email=f"info@{slug}.example",
            website=f"https://www.{slug}.example",
        )
        for name, slug, city, country in INSTITUTES
    }
    for institute in institutes.values():
        Teacher.objects.create(
            institute=institute,
            name=f"Docent van {institute.name}",
            email=f"docent@{institute.slug}.example",
            qualification="MBSR-trainer sinds 2010.",
        )
    languages = {language.code: language for language in SpokenLanguage.objects.all()}
    programmes = [
        _programme(institutes[slug], name, postcode, online, history, today, next_start, languages.get(code))
        for name, slug, postcode, online, history, next_start, code in PROGRAMMES
    ]
    staff = _institute_login(institutes["imu"], institutes["stiltehuis"], today)
    committee = User.objects.filter(email="accreditatie@kring.example").first()
    if committee is not None:
        Chair.objects.get_or_create(user=committee, defaults={"starts_on": today - datetime.timedelta(days=365)})
    _applications(programmes, staff, committee)
    for programme in programmes[:4]:
        for name in rng.sample(GRADUATES, 3):
            email = name.lower().replace(" ", ".") + "@example.org"
            graduates.graduate_report(
                programme, name=name, email=email, graduated_on=_years_ago(today, rng.randint(1, 3)), by=None
            )
    if User.objects.filter(email="lid@kring.example").exists():  # the demo member graduated last year and may apply
        graduates.graduate_report(
            programmes[0], name="Demo Lid", email="lid@kring.example", graduated_on=_years_ago(today, 1), by=None
        )


def _programme(institute, name, postcode, online, history, today, next_start, language) -> Programme:
    place = geo.lookup(postcode, institute.country) if postcode else None
    programme = Programme.objects.create(
        institute=institute,
        name=name,
        slug=slugify(f"{institute.slug}-{name}")[:70],
        online=online,
        postcode=place.postcode if place else "",
        country=place.country if place else "",
        place=place.name if place else "",
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        next_start=today + datetime.timedelta(days=next_start) if next_start is not None else None,
        language=language,
    )
    for status, start, end in history:
        starts_on = _years_ago(today, start)
        ends_on = _years_ago(today, end) - datetime.timedelta(days=1) if end is not None else None
        if status == Status.ACTIVE and ends_on is None:
            ends_on = starts_on.replace(year=starts_on.year + 5) - datetime.timedelta(days=1)
        AccreditationPeriod.objects.create(
            programme=programme, status=status, starts_on=starts_on, ends_on=ends_on, reason="demo"
        )
    return programme


def _institute_login(first, second, today) -> User:
    email, password = INSTITUTE_LOGIN
    user = User.objects.filter(email=email).first() or User.objects.create_user(email, password)
    for institute in (first, second):
        InstituteStaff.objects.create(
            user=user,
            institute=institute,
            starts_on=today - datetime.timedelta(days=200),
            ends_on=today + datetime.timedelta(days=500),
            note="Demo",
        )
    return user


def _applications(programmes, staff, committee) -> None:
    """The MBCL programme's first application is with the committee, with a question open; the Utrecht
    MBSR programme's re-accreditation is a draft."""
    mbcl = applications.application_start(programmes[5], by=staff)
    for kind, (number, text) in ANSWERS.items():
        applications.answer_save(mbcl, kind=kind, number=number, text=text, by=staff)
    applications.application_submit(mbcl, by=staff)
    if committee is not None:
        review.question_ask(mbcl, text="Hoe begeleiden jullie studenten tijdens de stilteretraite?", by=committee)
    again = applications.application_start(programmes[0], by=staff)  # the Utrecht MBSR programme's re-accreditation
    applications.answer_save(
        again, kind=Kind.CURRICULUM_HOURS, number=Decimal(200), text="Zoals in de vorige aanvraag.", by=staff
    )
