"""A measure of the complaints committee reaches the insurers' API at once."""

import datetime

from django.utils import timezone

from kring.complaints.services import procedure
from kring.complaints.tests.helpers import invited_case


def test_a_suspension_shows_in_the_api(api, reimbursed_trainer, complaints):
    case = invited_case(reimbursed_trainer.registrations.get(), complaints.user)
    assert api.get("/api/v1/registrations/004211").json()["registered"] is True
    until = timezone.localdate() + datetime.timedelta(days=60)
    procedure.case_decide(case, outcome="suspension", reason="Gegrond", measure_until=until, by=complaints.user)
    body = api.get("/api/v1/registrations/004211").json()
    assert body["registered"] is False and body["status"] == "suspended"
