from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kring.core.access import roles_of
from kring.core.models import AuditEntry
from kring.members import services
from kring.members.models import Membership
from tests import factories as t


def test_it_keeps_the_status_history_and_the_current_status(member, office):
    membership = member.memberships.get()
    services.membership_change_status(membership, "lapsed", by=office.user, reason="fee not paid")
    services.membership_change_status(membership, "active", by=office.user, reason="fee paid")
    membership.refresh_from_db()
    assert membership.status == "active"
    assert list(membership.history.values_list("status", flat=True)) == ["lapsed", "active"]
    assert AuditEntry.objects.filter(action="kring.members.membership.status_changed", person_id=member.pk).count() == 2


def test_a_lapsed_member_is_no_longer_a_member(member, office):
    services.membership_change_status(member.memberships.get(), "lapsed", by=office.user)
    member.user.refresh_from_db()
    assert "member" not in roles_of(member.user)


def test_the_office_changes_the_status_in_the_admin(member, office, client):
    membership = member.memberships.get()
    client.force_login(office.user)
    changelist = reverse("admin:members_membership_changelist")
    client.post(changelist, {"action": "mark_ended", "_selected_action": [membership.pk]})
    membership.refresh_from_db()
    assert membership.status == "ended"
    assert membership.history.get().recorded_by == office.user
    assert client.get(reverse("admin:members_membership_change", args=[membership.pk])).status_code == 200


def _queries_for_person_list(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("admin:members_person_changelist"))
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_person_list_of_the_office_takes_the_same_queries_for_more_people(member, trainer, office, client):
    client.force_login(office.user)
    few, page = _queries_for_person_list(client)
    assert "004211" in page
    for _ in range(10):
        person = t.PersonFactory()
        t.make_member(person)
        t.add_practice(person, "9000", "BE")
        t.make_registration(person)
    many, page = _queries_for_person_list(client)
    assert many == few
    assert Membership.objects.count() == 12


def test_it_refuses_an_unknown_status(member, office):
    import pytest

    with pytest.raises(ValueError):
        services.membership_change_status(member.memberships.get(), "paused", by=office.user)
    assert not member.memberships.get().history.exists()
