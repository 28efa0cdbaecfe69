"""``manage.py seed_demo`` fills an empty Kring with a believable association and demo logins."""

import datetime
import random

import pytest
from allauth.account.models import EmailAddress
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from kring.accounts.models import User
from kring.core.access import roles_of
from kring.core.models import AuditEntry
from kring.demo import histories
from kring.demo import people as demo
from kring.demo.logins import DEMO_LOGINS, GENERATED_PASSWORD
from kring.members.models import Person, PracticeAddress
from kring.register.history import registered_on, standing_on
from kring.register.models import Registration

EXPECTED_ROLES = {
    "bureau@kring.example": "office",
    "bestuur@kring.example": "board",
    "certificering@kring.example": "certification",
    "accreditatie@kring.example": "accreditation",
    "klachten@kring.example": "complaints",
    "trainer@kring.example": "trainer",
    "lid@kring.example": "member",
}


@pytest.fixture
def seeded(db):
    call_command("seed_demo", "--trainers", "30", "--members", "20", "--seed", "7", verbosity=0)


def test_it_gives_every_demo_login_its_role_and_a_verified_address(seeded):
    for login in DEMO_LOGINS:
        user = User.objects.get(email=login.email)
        assert user.check_password(login.password)
        assert EXPECTED_ROLES[login.email] in roles_of(user)
        assert EmailAddress.objects.get(user=user).verified


def test_it_lets_the_demo_trainer_log_in_and_open_my_details(seeded):
    client = Client()
    response = client.post("/accounts/login/", {"login": "trainer@kring.example", "password": "demo-trainer-2026"})
    assert response.status_code == 302
    assert client.get("/mijn-gegevens/").status_code == 200


def test_it_asks_staff_to_set_up_two_step_verification(seeded):
    client = Client()
    response = client.post("/accounts/login/", {"login": "bureau@kring.example", "password": "demo-bureau-2026"})
    assert response.status_code == 302
    page = client.get("/account/twee-staps/").content.decode()
    assert "Stel een authenticator-app in" in page


def test_it_verifies_every_generated_account_with_one_password(seeded):
    users = User.objects.exclude(email__endswith="@kring.example")
    assert users.count() >= 45
    assert not EmailAddress.objects.filter(verified=False).exists()
    assert users.first().check_password(GENERATED_PASSWORD)


def test_it_keeps_fields_private_unless_seeded_as_consented(seeded):
    assert not Person.objects.filter(public_photo=True).exists()  # no photos, so no consent for one
    members = Person.objects.filter(registrations__isnull=True).exclude(email="trainer@kring.example")
    for field in Person.PUBLIC_FIELDS:
        assert not members.filter(**{f"public_{field}": True}).exists(), field
    trainers = Person.objects.filter(registrations__isnull=False)
    assert trainers.filter(public_practices=True).exists()
    assert trainers.filter(public_phone=False).exists()


def test_it_makes_registrations_with_leading_zeros_agb_codes_and_history(seeded):
    today = timezone.localdate()
    registrations = list(Registration.objects.prefetch_related("periods", "programmes"))
    assert len(registrations) == 31
    assert all(len(r.number) == 6 and r.number.startswith("00") for r in registrations)
    assert all(len(r.agb_code) == 8 and r.agb_code.isdigit() for r in registrations if r.agb_code)
    assert any(len(r.periods.all()) > 1 for r in registrations)
    assert standing_on(Registration.objects.get(number="001000"), today).level == "specialist"


def test_it_puts_flemish_trainers_in_flanders_with_belgian_phones(db):
    call_command("seed_demo", "--trainers", "80", "--members", "0", "--seed", "3", verbosity=0)
    belgian = PracticeAddress.objects.filter(country="BE").select_related("person")
    assert belgian.exists()
    for practice in belgian:
        assert 1500 <= int(practice.postcode) <= 3999 or int(practice.postcode) >= 8000
        assert practice.person.phone.startswith("+32") or not practice.person.phone


def test_it_writes_one_audit_entry_for_the_bulk_of_the_seed(seeded):
    """People, memberships and registrations are one entry; the demo intervision, events, accreditation
    and finance go through their apps' services, which record their own steps."""
    assert AuditEntry.objects.filter(action="kring.demo.association.seeded").count() == 1
    bulk = (
        AuditEntry.objects.exclude(action__startswith="kring.intervision.")
        .exclude(action__startswith="kring.cpd.activity.")
        .exclude(action="kring.find.supervisor.recognised")  # through the find service, as the office would
        .exclude(action__startswith="kring.events.")
        .exclude(action__startswith="kring.accreditation.")  # applications and graduates through its services
        .exclude(action__startswith="kring.finance.")  # invoices, mandates and the bank through its services
    )
    assert not bulk.filter(person_id__isnull=False).exists()  # nothing per person
    assert bulk.count() <= 4  # the seed, the demo courses and retreats, and the demo insurer


def test_it_announces_courses_retreats_and_supervisors(seeded):
    from kring.find import courses, offers, supervisors
    from kring.find.models import Retreat

    today = timezone.localdate()
    listed = courses.find(offers.Criteria(), today)
    assert listed.count >= 40
    assert {f.offer.country for f in listed.results} <= {"NL", "BE", ""}
    assert Retreat.objects.count() >= 3
    assert supervisors.recognised_on(today).exists()


def test_it_adds_nothing_when_people_exist_and_asked_if_empty(seeded):
    people = Person.objects.count()
    call_command("seed_demo", "--if-empty", verbosity=0)
    assert Person.objects.count() == people


def test_it_plans_the_same_people_for_the_same_seed():
    today = datetime.date(2026, 6, 1)
    first = demo.plan_people(random.Random(5), trainers=20, members=10, today=today)
    second = demo.plan_people(random.Random(5), trainers=20, members=10, today=today)
    other = demo.plan_people(random.Random(6), trainers=20, members=10, today=today)
    assert first == second
    assert [p.email for p in first] != [p.email for p in other]


def test_it_gives_history_without_overlap_or_gaps_before_today():
    today = datetime.date(2026, 6, 1)
    rng = random.Random(11)
    for _ in range(500):
        periods = histories.registration_periods(rng, today)
        for earlier, later in zip(periods, periods[1:], strict=False):
            assert later.starts_on == earlier.ends_on + datetime.timedelta(days=1)
        assert periods[0].starts_on < today


def test_it_lists_the_demo_trainer_in_the_public_register_and_the_api(seeded):
    client = Client()
    assert client.get("/register/001000/").status_code == 200
    answer = client.get("/api/v1/registrations/001000", HTTP_AUTHORIZATION="Bearer kring-demo-4f1c9a7e2b")
    assert answer.status_code == 200
    assert answer.json()["registered"] is True
    registered = registered_on()
    assert registered.filter(search_entry__isnull=False).count() == registered.count() > 0


def test_it_gives_the_demo_trainer_an_intervision_group_with_confirmed_meetings(seeded):
    client = Client()
    client.post("/accounts/login/", {"login": "trainer@kring.example", "password": "demo-trainer-2026"})
    trainer = Person.objects.get(user__email="trainer@kring.example")
    assert trainer.activities.filter(kind="intervision", source__startswith="intervision.").count() == 2
    page = client.get("/intervisie/").content.decode()
    assert "Stilte in de Stad" in page
