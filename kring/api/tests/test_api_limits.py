"""Limits of the API: per key over a sliding minute, and per client address for calls without a valid key."""

import logging

from django.test import Client

from kring.api import auth, services
from kring.api.auth import ApiError
from kring.api.models import ApiCall

MINUTE_END = 60 * 29_000_000 - 0.1  # a moment just before a whole minute


def allowed(key, now) -> bool:
    try:
        auth.check_rate(key, now=now)
    except ApiError as error:
        assert error.status == 429 and 1 <= error.retry_after <= 60
        return False
    return True


def test_a_burst_across_a_minute_boundary_counts_as_one_burst(api_key):
    assert api_key.rate_per_minute == 120
    assert all(allowed(api_key, MINUTE_END) for _ in range(120))
    assert not allowed(api_key, MINUTE_END + 0.2)  # the next minute has begun: still the same burst
    # Calls every 50 ms for the next 12 seconds: a fixed window let another 120 through at once.
    let_through = sum(allowed(api_key, MINUTE_END + 0.2 + n * 0.05) for n in range(240))
    assert let_through <= 120 * 12 / 60 + 1


def test_the_allowance_comes_back_as_the_burst_slides_out(api_key):
    assert all(allowed(api_key, MINUTE_END) for _ in range(120))
    # Half a minute later half of the burst has slid out of the last 60 seconds, so half the allowance is back.
    assert 58 <= sum(allowed(api_key, MINUTE_END + 30) for _ in range(120)) <= 61
    assert all(allowed(api_key, MINUTE_END + 121) for _ in range(120))


def test_a_refused_call_does_not_count_against_the_key(api_key):
    api_key.rate_per_minute = 2
    assert [allowed(api_key, MINUTE_END - 50) for _ in range(5)] == [True, True, False, False, False]
    # 40 s into the next minute a third of the previous one still counts: 2 x 1/3 + 1 fits, 5 x 1/3 + 1 would not.
    assert allowed(api_key, MINUTE_END + 40)


def test_wrong_keys_are_refused_per_address_without_asking_the_database(db, django_assert_num_queries, caplog):
    guesser = Client(headers={"Authorization": "Bearer kring-guess"}, REMOTE_ADDR="198.51.100.7")
    statuses = [guesser.get("/api/v1/registrations/004211").status_code for _ in range(auth.FAILED_PER_MINUTE)]
    assert statuses == [401] * auth.FAILED_PER_MINUTE
    with caplog.at_level(logging.WARNING, logger="kring.api.auth"), django_assert_num_queries(0):
        response = guesser.get("/api/v1/registrations/004211")
        Client(REMOTE_ADDR="198.51.100.7").get("/api/v1/registrations/004211")
    assert response.status_code == 429
    assert response.json()["error"] == "too_many_requests"
    assert 1 <= int(response["Retry-After"]) <= 60
    assert not ApiCall.objects.exists()


def test_the_guessing_address_is_warned_about_once(db, caplog):
    guesser = Client(headers={"Authorization": "Bearer kring-guess"}, REMOTE_ADDR="198.51.100.8")
    with caplog.at_level(logging.WARNING, logger="kring.api.auth"):
        for _ in range(auth.FAILED_PER_MINUTE + 10):
            guesser.get("/api/v1/registrations/004211")
    warnings = [r for r in caplog.records if r.name == "kring.api.auth"]
    assert len(warnings) == 1 and "198.51.100.8" in warnings[0].getMessage()


def test_an_insurer_at_another_address_is_not_held_up_by_a_guesser(api_key, reimbursed_trainer):
    guesser = Client(headers={"Authorization": "Bearer kring-guess"}, REMOTE_ADDR="198.51.100.9")
    for _ in range(auth.FAILED_PER_MINUTE + 1):
        guesser.get("/api/v1/registrations/004211")
    insurer = Client(headers={"Authorization": f"Bearer {api_key.secret}"}, REMOTE_ADDR="203.0.113.5")
    assert insurer.get("/api/v1/registrations/004211").status_code == 200
    assert ApiCall.objects.get().key == api_key


def test_a_revoked_key_is_refused_and_its_calls_stay_in_the_log(api, api_key, reimbursed_trainer):
    services.api_key_revoke(api_key)
    response = api.get("/api/v1/registrations/004211?on=2026-01-05")
    assert response.json()["error"] == "revoked_key"
    call = ApiCall.objects.get()
    assert (call.key, call.status_code, call.query) == (api_key, 401, "on=2026-01-05")


def test_behind_the_load_balancer_each_client_address_is_counted_apart(db, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.2"]  # one balancer in front, which appends the caller's address
    settings.TRUSTED_PROXY_COUNT = 1

    def guesser(address):
        return Client(
            headers={"Authorization": "Bearer kring-guess", "X-Forwarded-For": address}, REMOTE_ADDR="10.0.0.2"
        )

    first = guesser("198.51.100.10")
    for _ in range(auth.FAILED_PER_MINUTE):
        first.get("/api/v1/registrations/004211")
    assert first.get("/api/v1/registrations/004211").status_code == 429
    assert guesser("198.51.100.11").get("/api/v1/registrations/004211").status_code == 401
