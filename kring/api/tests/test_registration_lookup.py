import datetime

from django.utils import timezone

from kring.api.models import ApiCall
from kring.register.models import Level, RegistrationPeriod, Status
from tests import factories as t


def test_it_answers_the_standing_of_a_number_today(api, reimbursed_trainer):
    response = api.get("/api/v1/registrations/004211")
    assert response.status_code == 200
    body = response.json()
    assert body["number"] == "004211"
    assert body["name"] == "Thijs van Dijk"
    assert body["on"] == timezone.localdate().isoformat()
    assert body["registered"] is True
    assert body["status"] == "active"
    assert body["level"] == "specialist"
    assert body["programmes"] == ["mbsr"]
    assert body["counts_for_reimbursement"] is True
    assert body["valid_since"] and body["valid_until"]


def test_it_never_shows_private_contact_data(api, reimbursed_trainer):
    text = api.get("/api/v1/registrations/004211").content.decode()
    assert "thijs.prive@example.org" not in text
    assert "06 12345678" not in text
    assert "3512" not in text


def test_it_keeps_leading_zeros_and_refuses_a_number_without_them(api, reimbursed_trainer):
    response = api.get("/api/v1/registrations/4211")
    assert response.status_code == 404
    assert response.json()["error"] == "unknown_number"


def test_it_answers_404_with_a_body_for_an_unknown_number(api, db):
    response = api.get("/api/v1/registrations/999999")
    assert response.status_code == 404
    assert response.json() == {"error": "unknown_number", "message": "There is no registration with number '999999'."}


def test_it_answers_422_with_a_body_for_a_malformed_date(api, reimbursed_trainer):
    for bad in ("2024-13-01", "31-01-2024", "yesterday", "2024-02-30"):
        response = api.get(f"/api/v1/registrations/004211?on={bad}")
        assert response.status_code == 422, bad
        body = response.json()
        assert body["error"] == "invalid_request"
        assert "on" in body["message"]


def test_it_refuses_a_date_in_the_future(api, reimbursed_trainer):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    response = api.get(f"/api/v1/registrations/004211?on={tomorrow}")
    assert response.status_code == 400
    assert response.json()["error"] == "date_in_future"
    assert tomorrow.isoformat() in response.json()["message"]


def test_it_says_a_basis_level_does_not_count_for_reimbursement(api, member):
    registration = t.make_registration(member, number="000777", level=Level.BASIS)
    registration.programmes.add(*registration.programmes.model.objects.filter(code="mbct"))
    body = api.get("/api/v1/registrations/000777").json()
    assert body["registered"] is True
    assert body["level"] == "basis"
    assert body["counts_for_reimbursement"] is False


def test_it_says_a_programme_insurers_do_not_reimburse_does_not_count(api, member):
    registration = t.make_registration(member, number="000778")
    registration.programmes.add(*registration.programmes.model.objects.filter(code="mbcl"))
    body = api.get("/api/v1/registrations/000778").json()
    assert body["level"] == "specialist"
    assert body["counts_for_reimbursement"] is False


def test_it_answers_from_the_history_on_edge_dates(api, member):
    """Active 2020-01-01..2022-06-30, suspended 2022-07-01..2022-09-30, active again from 2022-10-01."""
    d = datetime.date
    registration = t.make_registration(member, number="001000", starts_on=d(2020, 1, 1), ends_on=d(2022, 6, 30))
    registration.programmes.add(*registration.programmes.model.objects.filter(code="mbsr"))
    RegistrationPeriod.objects.create(
        registration=registration,
        status=Status.SUSPENDED,
        level=Level.SPECIALIST,
        starts_on=d(2022, 7, 1),
        ends_on=d(2022, 9, 30),
        reason="complaint",
    )
    RegistrationPeriod.objects.create(
        registration=registration, status=Status.ACTIVE, level=Level.SPECIALIST, starts_on=d(2022, 10, 1), ends_on=None
    )

    def standing(on):
        return api.get(f"/api/v1/registrations/001000?on={on}").json()

    before = standing("2019-12-31")
    assert (before["registered"], before["status"], before["valid_since"]) == (False, None, None)
    assert standing("2020-01-01")["registered"] is True
    last_day = standing("2022-06-30")
    assert (last_day["registered"], last_day["valid_until"]) == (True, "2022-06-30")
    suspended = standing("2022-07-01")
    assert (suspended["registered"], suspended["status"], suspended["counts_for_reimbursement"]) == (
        False,
        "suspended",
        False,
    )
    assert standing("2022-09-30")["status"] == "suspended"
    again = standing("2022-10-01")
    assert (again["registered"], again["valid_since"], again["valid_until"]) == (True, "2022-10-01", None)
    assert again["counts_for_reimbursement"] is True


def test_it_logs_every_call_with_what_was_asked(api, api_key, reimbursed_trainer):
    api.get("/api/v1/registrations/004211?on=2025-01-31")
    api.get("/api/v1/registrations/000001")
    calls = list(ApiCall.objects.order_by("at", "pk"))
    assert [(c.key, c.insurer, c.status_code) for c in calls] == [
        (api_key, api_key.insurer, 200),
        (api_key, api_key.insurer, 404),
    ]
    assert calls[0].path == "/api/v1/registrations/004211"
    assert "2025-01-31" in calls[0].query
