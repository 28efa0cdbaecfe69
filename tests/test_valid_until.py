""" "Valid until" means one thing everywhere: after a recertification decision the public page, the
proof PDF, the open data, the office's export and the insurers' API all give the same last day."""

import csv
import datetime
import io

import pypdf
import pytest
from django.test import Client
from django.utils import formats

from kring.api import services as api_services
from kring.api.models import Insurer
from kring.recertification.models import Outcome
from kring.recertification.services import committee, cycles, dossiers
from kring.register import exports, history
from kring.register.history import with_history


@pytest.fixture
def accepted_with_conditions(trainer, certification):
    """The trainer's cycle ends on the last day of the current period; the committee accepts with
    conditions, so a new period (the next cycle) follows it without a gap."""
    cycle = cycles.current_cycle(trainer)
    dossier = dossiers.dossier_for_cycle(cycle)
    dossiers.dossier_submit(dossier, by=trainer.user)
    dossier.refresh_from_db()
    committee.dossier_decide(
        dossier,
        outcome=Outcome.ACCEPT_WITH_CONDITIONS,
        reason="Een goed dossier.",
        conditions="Volg dit jaar nog een retraite.",
        by=certification.user,
    )
    registration = with_history().get(pk=cycle.registration_id)
    renewed = max(registration.periods.all(), key=lambda p: p.starts_on)
    assert renewed.starts_on == cycle.ends_on + datetime.timedelta(days=1)  # the next cycle, decided
    return registration, cycle.ends_on, renewed.ends_on


def test_the_definition_counts_a_decided_renewal_without_a_gap(accepted_with_conditions):
    registration, cycle_end, renewed_end = accepted_with_conditions
    today = datetime.date.today()
    assert history.valid_until(list(registration.periods.all()), today) == renewed_end > cycle_end


def test_page_proof_open_data_office_export_and_api_agree(accepted_with_conditions, client, office):
    registration, cycle_end, renewed_end = accepted_with_conditions
    shown = formats.date_format(renewed_end, "j F Y")

    page = client.get(f"/register/{registration.number}/").content.decode()
    assert shown in page

    proof = pypdf.PdfReader(io.BytesIO(client.get(f"/register/{registration.number}/proof.pdf").content))
    assert shown in " ".join(page.extract_text() for page in proof.pages)

    rows = client.get("/register/open-data/register.json").json()["registrations"]
    assert [r["valid_until"] for r in rows if r["number"] == registration.number] == [renewed_end.isoformat()]

    stream = io.StringIO()
    exports.office_register_csv(stream, datetime.date.today())
    office_rows = list(csv.DictReader(io.StringIO(stream.getvalue().lstrip("\ufeff"))))
    assert [r["valid_until"] for r in office_rows if r["number"] == registration.number] == [renewed_end.isoformat()]

    key, secret = api_services.api_key_create(Insurer.objects.create(name="Polis"), name="claims")
    api = Client(headers={"Authorization": f"Bearer {secret}"})
    body = api.get(f"/api/v1/registrations/{registration.number}").json()
    assert body["valid_until"] == renewed_end.isoformat()  # was the end of the judged cycle
    # Before the first day of the renewal, the API and the page give the same date for a past day too.
    yesterday = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
    assert api.get(f"/api/v1/registrations/{registration.number}?on={yesterday}").json()["valid_until"] == (
        renewed_end.isoformat()
    )
