"""The office's edits in the admin go through the members' services: audit entries and status history."""

import pytest
from django.urls import reverse

from kring.core.models import AuditEntry
from kring.core.tests.admin_forms import add_inline_row, page_data
from kring.members.models import Membership, MembershipStatusChange, MembershipType, PracticeAddress, WorkDomain


def change_person(client, person, **changes):
    url = reverse("admin:members_person_change", args=[person.pk])
    data = page_data(client.get(url))
    data.update(changes)
    return client, url, data


def test_an_office_edit_of_a_person_is_in_the_audit_trail(office, member, login):
    client, url, data = change_person(login(office), member, phone="06 87654321")
    assert client.post(url, data).status_code == 302
    member.refresh_from_db()
    assert member.phone == "06 87654321"
    entry = AuditEntry.objects.get(action="kring.members.person.changed", person_id=member.pk)
    assert entry.data["fields"] == ["phone"]
    assert entry.source == f"user:{office.user.pk}"


def test_a_membership_added_inline_starts_its_status_history(office, outsider, login):
    client, url, data = change_person(login(office), outsider)
    add_inline_row(data, "memberships", type=MembershipType.objects.get(code="practitioner").pk, starts_on="2026-01-01")
    assert client.post(url, data).status_code == 302
    membership = Membership.objects.get(person=outsider)
    assert list(MembershipStatusChange.objects.filter(membership=membership).values_list("status", flat=True)) == [
        "active"
    ]
    assert AuditEntry.objects.filter(action="kring.members.membership.added", person_id=outsider.pk).exists()


def test_a_practice_added_inline_is_in_the_audit_trail(office, member, login):
    client, url, data = change_person(login(office), member)
    add_inline_row(
        data, "practices", postcode="3512", place="Utrecht", country="NL", latitude="52.09", longitude="5.12"
    )
    assert client.post(url, data).status_code == 302
    practice = PracticeAddress.objects.get(person=member)
    assert AuditEntry.objects.get(action="kring.members.practice.added").object_id == str(practice.pk)


def test_a_membership_added_in_its_own_page_starts_its_status_history(office, outsider, login):
    client = login(office)
    url = reverse("admin:members_membership_add")
    data = page_data(client.get(url))
    data.update(person=outsider.pk, type=MembershipType.objects.get(code="trainer").pk, starts_on="2026-01-01")
    assert client.post(url, data).status_code == 302
    assert MembershipStatusChange.objects.filter(membership__person=outsider).count() == 1


@pytest.mark.parametrize("name", ["members_person", "members_membership"])
def test_people_and_memberships_cannot_be_deleted_in_the_admin(office, member, login, name):
    obj = member if name == "members_person" else member.memberships.get()
    response = login(office).post(reverse(f"admin:{name}_delete", args=[obj.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert Membership.objects.filter(person=member).exists()


def test_vocabulary_changes_and_bulk_deletes_are_in_the_audit_trail(office, login):
    client = login(office)
    response = client.post(
        reverse("admin:members_workdomain_add"),
        {"name_nl": "Zorg thuis", "name_en": "Home care", "code": "home-care", "position": "9"},
    )
    assert response.status_code == 302
    term = WorkDomain.objects.get(code="home-care")
    client.post(
        reverse("admin:members_workdomain_changelist"),
        {"action": "delete_selected", "_selected_action": [term.pk], "post": "yes"},
    )
    assert not WorkDomain.objects.filter(code="home-care").exists()
    actions = set(AuditEntry.objects.filter(object_id=str(term.pk)).values_list("action", flat=True))
    assert actions == {"kring.members.workdomain.added", "kring.members.workdomain.removed"}
