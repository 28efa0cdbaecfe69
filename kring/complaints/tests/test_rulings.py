"""Anonymised rulings: published only after a second committee member approves the redaction."""

import pytest
from django.urls import reverse

from kring.complaints.models import Case
from kring.complaints.services import procedure, publication
from kring.complaints.tests.helpers import invited_case
from kring.core.refusals import Refused

REDACTED = "Een trainer gaf een deelnemer zonder toestemming aanwijzingen met aanraking."


@pytest.fixture
def decided(registration, complaints):
    case = invited_case(registration, complaints.user)
    return procedure.case_decide(case, outcome="reprimand", reason="Gegrond", by=complaints.user)


def test_a_ruling_is_public_only_after_a_second_member_approves_it(client, decided, complaints, second_member):
    ruling = publication.ruling_draft(decided, text=REDACTED, by=complaints.user)
    assert REDACTED not in client.get(reverse("complaints:rulings")).content.decode()
    assert client.get(reverse("complaints:ruling", kwargs={"pk": ruling.pk})).status_code == 404
    with pytest.raises(Refused, match="tweede|second"):
        publication.ruling_approve(ruling, by=complaints.user)
    publication.ruling_approve(ruling, by=second_member.user)
    page = client.get(reverse("complaints:ruling", kwargs={"pk": ruling.pk})).content.decode()
    assert REDACTED in page and "Thijs" not in page and decided.number not in page
    with pytest.raises(Refused):
        publication.ruling_draft(Case.objects.get(pk=decided.pk), text="Anders", by=complaints.user)


def test_the_second_member_approves_from_the_list(client, decided, complaints, second_member):
    ruling = publication.ruling_draft(decided, text=REDACTED, by=complaints.user)
    client.force_login(second_member.user)
    assert REDACTED in client.get(reverse("complaints:committee_list")).content.decode()
    client.post(reverse("complaints:ruling_approve", kwargs={"pk": ruling.pk}))
    ruling.refresh_from_db()
    assert ruling.approved_by == second_member.user


def test_an_undecided_case_has_no_ruling(registration, complaints):
    case = invited_case(registration, complaints.user)
    with pytest.raises(Refused):
        publication.ruling_draft(case, text=REDACTED, by=complaints.user)
