"""Becoming a member: the public page, the application with a mandate or transfers, the office's decision."""

import pytest
from django.urls import reverse
from django.utils import timezone

from kring.core.refusals import Refused
from kring.finance import joining
from kring.finance.models import Application, Mandate
from kring.members.models import MembershipStatus, MembershipType
from tests import factories as t

pytestmark = pytest.mark.django_db


def practitioner():
    return MembershipType.objects.get(code="practitioner")


def test_the_public_page_shows_the_types_and_this_years_fees(client):
    t.make_fee("practitioner", timezone.localdate().year, 9100)
    page = client.get(reverse("finance:join")).content.decode()
    assert "Beoefenaar" in page and "91,00" in page


def test_an_application_with_a_mandate_becomes_a_membership_with_its_history(outsider, office):
    t.association_with_bank()
    application = joining.application_submit(
        outsider,
        type=practitioner(),
        by=outsider.user,
        pays_by_mandate=True,
        holder_name="O. Buiten",
        iban="NL44 RABO 0123 4567 89",
    )
    assert application.iban == "NL44RABO0123456789" and application.signed_on and application.mandate_text
    assert joining.application_submit(outsider, type=practitioner(), by=None, pays_by_mandate=False) == application
    membership = joining.application_accept(application, by=office.user)
    assert membership.status == MembershipStatus.ACTIVE and membership.history.count() == 1
    mandate = outsider.mandates.get()
    assert (
        mandate.status == Mandate.Status.ACTIVE and mandate.signed_online and mandate.text == application.mandate_text
    )
    with pytest.raises(Refused):
        joining.application_accept(application, by=office.user)
    assert outsider.memberships.count() == 1


@pytest.mark.parametrize(
    ("iban", "holder"), [("NL00RABO0123456789", "O. Buiten"), ("", "O. Buiten"), ("NL44RABO0123456789", "")]
)
def test_a_mandate_application_with_bad_input_is_refused(outsider, iban, holder):
    with pytest.raises(Refused):
        joining.application_submit(
            outsider, type=practitioner(), by=None, pays_by_mandate=True, holder_name=holder, iban=iban
        )
    assert not Application.objects.exists()


def test_a_member_cannot_apply_again(member):
    with pytest.raises(Refused):
        joining.application_submit(member, type=practitioner(), by=None, pays_by_mandate=False)


def test_the_form_asks_to_agree_to_the_mandate_text(outsider, login):
    client = login(outsider)
    response = client.post(
        reverse("finance:join"),
        {"type": practitioner().pk, "pays_by_mandate": "1", "holder_name": "O", "iban": "NL44RABO0123456789"},
    )
    assert response.status_code == 200 and not Application.objects.exists()
    response = client.post(reverse("finance:join"), {"type": practitioner().pk, "pays_by_mandate": "0"})
    assert response.status_code == 302 and Application.objects.get().pays_by_mandate is False


def test_the_office_declines(outsider, office, login):
    application = joining.application_submit(outsider, type=practitioner(), by=None, pays_by_mandate=False)
    login(office).post(reverse("finance:application_decide", args=[application.pk]), {"decision": "decline"})
    assert Application.objects.get().status == Application.Status.DECLINED and not outsider.memberships.exists()
