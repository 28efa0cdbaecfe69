"""The office: the register in the admin with filters, status actions with a small form, and exports."""

import csv
import io

import pytest
from django.urls import reverse

from kring.core.models import AuditEntry
from kring.register import services
from kring.register.models import Level, Registration, Status

from .conftest import DAY, TODAY, public_trainer

CHANGELIST = reverse("admin:register_registration_changelist")


@pytest.fixture
def register(db, office):
    anna = public_trainer("Anna", "Utrecht", "3512", number="000042", starts_on=TODAY - 30 * DAY)
    bas = public_trainer("Bas", "Leuven", "3000", "BE", number="000043", level=Level.BASIS)
    services.registration_suspend(bas, on=TODAY, reason="measure", by=office.user)
    anna.agb_code = "12345678"
    anna.save()
    return anna, bas


def rows(response):
    return list(csv.DictReader(io.StringIO(response.content.decode())))


@pytest.mark.parametrize(
    "query, numbers",
    [
        ("", ["000042", "000043"]),
        ("?status=suspended", ["000043"]),
        ("?status=active", ["000042"]),
        ("?level=specialist", ["000042"]),
        ("?person__practices__country=BE", ["000043"]),
    ],
)
def test_it_filters_the_register(login, office, register, query, numbers):
    response = login(office).get(CHANGELIST + query)
    assert response.status_code == 200
    assert sorted(r.number for r in response.context["cl"].result_list) == numbers


def test_it_suspends_through_a_small_form_and_records_who_and_why(login, office, register):
    anna, _ = register
    client = login(office)
    data = {"action": "suspend", "_selected_action": [anna.pk]}
    form_page = client.post(CHANGELIST, data)
    assert form_page.status_code == 200 and "reason" in form_page.content.decode()
    client.post(CHANGELIST, {**data, "apply": "1", "on": TODAY.isoformat(), "reason": "complaint under review"})
    period = anna.periods.order_by("pk").last()
    assert (period.status, period.reason, period.recorded_by) == (
        Status.SUSPENDED,
        "complaint under review",
        office.user,
    )
    assert AuditEntry.objects.filter(
        action="kring.register.status.suspend", actor=office.user, object_id=str(anna.pk)
    ).exists()


def test_it_refuses_a_status_change_without_a_reason(login, office, register):
    anna, _ = register
    login(office).post(
        CHANGELIST,
        {"action": "strike_off", "_selected_action": [anna.pk], "apply": "1", "on": TODAY.isoformat(), "reason": ""},
    )
    assert anna.periods.count() == 1


def test_it_shows_the_history_read_only(login, office, register):
    anna, _ = register
    response = login(office).get(reverse("admin:register_registration_change", args=[anna.pk]))
    assert response.status_code == 200
    assert "periods-0-status" not in response.content.decode()  # no editable period fields


def test_it_adds_a_registration_with_its_first_period(login, office, member):
    response = login(office).post(
        reverse("admin:register_registration_add"),
        {
            "number": "000099",
            "person": member.pk,
            "agb_code": "",
            "level": "basis",
            "starts_on": TODAY.isoformat(),
            "ends_on": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    registration = Registration.objects.get(number="000099")
    assert registration.periods.get().status == Status.ACTIVE
    assert AuditEntry.objects.filter(action="kring.register.status.created").exists()


def test_it_exports_the_register_and_the_recognitions(login, office, register):
    client = login(office)
    exported = rows(client.get(reverse("register:office_register_csv")))
    assert [(r["number"], r["status"]) for r in exported] == [("000042", "active"), ("000043", "suspended")]
    recognitions = rows(client.get(reverse("register:office_recognitions_csv")))
    assert recognitions[0] == {
        "number": "000042",
        "agb_code": "12345678",
        "level": "specialist",
        "starts_on": (TODAY - 30 * DAY).isoformat(),
        "ends_on": (TODAY + 4 * 365 * DAY).isoformat(),
    }
    assert recognitions[1]["number"] == "000043" and recognitions[1]["ends_on"] == (TODAY - DAY).isoformat()
    assert AuditEntry.objects.filter(action__startswith="kring.register.export.").count() == 2


def test_it_exports_selected_registrations_from_the_admin(login, office, register):
    anna, _ = register
    response = login(office).post(CHANGELIST, {"action": "export_recognitions", "_selected_action": [anna.pk]})
    assert [r["number"] for r in rows(response)] == ["000042"]


def test_it_records_a_change_of_the_agb_code(login, office, register):
    anna, _ = register
    login(office).post(
        reverse("admin:register_registration_change", args=[anna.pk]),
        {
            "agb_code": "87654321",
            "periods-TOTAL_FORMS": "1",
            "periods-INITIAL_FORMS": "1",
            "periods-MIN_NUM_FORMS": "0",
            "periods-MAX_NUM_FORMS": "1000",
            "periods-0-id": anna.periods.get().pk,
            "periods-0-registration": anna.pk,
        },
    )
    anna.refresh_from_db()
    assert anna.agb_code == "87654321"
    entry = AuditEntry.objects.get(action="kring.register.registration.changed")
    assert entry.data["fields"] == ["agb_code"]


def test_it_refuses_an_end_before_the_start_when_adding(login, office, member):
    response = login(office).post(
        reverse("admin:register_registration_add"),
        {
            "number": "000098",
            "person": member.pk,
            "level": "basis",
            "starts_on": TODAY.isoformat(),
            "ends_on": (TODAY - DAY).isoformat(),
        },
    )
    assert response.status_code == 200
    assert not Registration.objects.filter(number="000098").exists()
