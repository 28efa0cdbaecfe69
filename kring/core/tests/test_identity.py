"""The association's identity: the office edits it in the admin, the numbers are checked, every
page shows what the office wrote."""

import pytest
from django.urls import reverse

from kring.core import identity
from kring.core.models import Association, AuditEntry
from kring.core.tests.admin_forms import page_data
from tests.english import en

CHANGE_URL = en("admin:core_association_change", 1)


def _post(client, **changes):
    data = page_data(client.get(CHANGE_URL))
    data.update(changes)
    return client.post(CHANGE_URL, data)


@pytest.mark.django_db
def test_a_fresh_kring_has_one_association_to_read():
    assert identity.current().short_name == "Kring"
    assert Association.objects.count() == 1


def test_the_office_renames_the_association_and_every_page_follows(login, office, client):
    office_client = login(office)
    response = _post(office_client, name="Vereniging voor Aandacht", short_name="VvA", iban="nl91 abna 0417 1643 00")
    assert response.status_code == 302
    stored = Association.objects.get()
    assert stored.iban == "NL91ABNA0417164300"
    assert stored.bic == "ABNANL2A"
    entry = AuditEntry.objects.get(action="kring.core.association.changed")
    assert {"name", "short_name", "iban"} <= set(entry.data["fields"])
    client.logout()
    assert '<a class="brand" href="/">VvA</a>' in client.get("/").content.decode()


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("iban", "NL91ABNA0417164301", "This IBAN is not right."),
        ("creditor_id", "NL98ZZZ999999999998", "This creditor identifier is not right."),
        ("vat_number", "NL001234567B02", "This VAT number is not right."),
        ("kvk_number", "1234567", "A KvK number has 8 digits"),
        ("vat_exemption", "", "Say on what ground no VAT is charged"),
    ],
)
def test_numbers_that_cannot_be_right_are_refused_kindly_and_nothing_changes(login, office, field, value, message):
    before = Association.objects.get()
    response = _post(login(office), **{field: value})
    assert response.status_code == 200
    assert message in " ".join(response.context["adminform"].form.errors[field])
    after = Association.objects.get()
    assert getattr(after, field) == getattr(before, field)
    assert not AuditEntry.objects.filter(action="kring.core.association.changed").exists()


def test_a_belgian_enterprise_number_is_checked_by_its_check_digits(login, office):
    assert _post(login(office), country="BE", kvk_number="0403.170.701").status_code == 302
    assert _post(login(office), country="BE", kvk_number="0403.170.702").status_code == 200


def test_the_association_is_neither_added_nor_removed_in_the_admin(login, office):
    add_url, delete_url = reverse("admin:core_association_add"), reverse("admin:core_association_delete", args=[1])
    office_client = login(office)
    assert office_client.get(add_url).status_code == 403
    assert office_client.get(delete_url).status_code == 403


def test_only_the_office_opens_the_association_page(login, trainer, board):
    assert login(trainer).get(CHANGE_URL).status_code == 302
    assert login(board).get(CHANGE_URL).status_code == 302
