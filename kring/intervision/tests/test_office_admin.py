"""The office's edits of intervision in the admin go through the intervision office services."""

from django.urls import reverse

from kring.core.models import AuditEntry
from kring.core.tests.admin_forms import add_inline_row, page_data
from kring.intervision.models import GroupMember, Meeting
from kring.intervision.tests.helpers import attend, make_group, make_past_meeting, make_trainer


def edit(client, url, **changes):
    data = page_data(client.get(url))
    data.update(changes)
    return client.post(url, data)


def test_an_office_edit_of_a_group_is_in_the_audit_trail_and_finds_the_new_place(office, trainer, login):
    group = make_group(trainer)
    url = reverse("admin:intervision_group_change", args=[group.pk])
    assert edit(login(office), url, postcode="9000", country="BE").status_code == 302
    group.refresh_from_db()
    assert group.place == "Gent"
    entry = AuditEntry.objects.get(action="kring.intervision.group.changed_by_office")
    assert "postcode" in entry.data["fields"] and entry.source == f"user:{office.user.pk}"


def test_an_unknown_postcode_is_refused_kindly_and_changes_nothing(office, trainer, login):
    group = make_group(trainer)
    place = group.place
    response = edit(login(office), reverse("admin:intervision_group_change", args=[group.pk]), postcode="0000")
    assert response.status_code == 200
    assert "We kennen deze postcode niet" in response.content.decode()
    group.refresh_from_db()
    assert group.place == place
    assert not AuditEntry.objects.filter(action__endswith="by_office").exists()


def test_a_member_added_inline_is_in_the_audit_trail(office, trainer, login):
    group = make_group(trainer)
    newcomer = make_trainer(first_name="Nieuw")
    url = reverse("admin:intervision_group_change", args=[group.pk])
    client = login(office)
    data = page_data(client.get(url))
    add_inline_row(data, "members", person=newcomer.pk, joined_on="2026-11-01")
    assert client.post(url, data).status_code == 302
    assert GroupMember.objects.filter(group=group, person=newcomer, left_on__isnull=True).exists()
    assert AuditEntry.objects.filter(action="kring.intervision.member.added_by_office", person_id=newcomer.pk).exists()


def test_groups_and_memberships_cannot_be_deleted_in_the_admin(office, trainer, login):
    group = make_group(trainer)
    client = login(office)
    assert client.post(reverse("admin:intervision_group_delete", args=[group.pk]), {"post": "yes"}).status_code == 403
    assert GroupMember.objects.filter(group=group).exists()


def test_a_meeting_with_attendance_can_be_neither_changed_nor_removed(office, trainer, login):
    meeting = make_past_meeting(make_group(trainer))
    attend(meeting, trainer)
    client = login(office)
    assert (
        client.post(reverse("admin:intervision_meeting_delete", args=[meeting.pk]), {"post": "yes"}).status_code == 403
    )
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_a_meeting_without_attendance_is_removed_with_an_audit_entry(office, trainer, login):
    meeting = make_past_meeting(make_group(trainer))
    response = login(office).post(reverse("admin:intervision_meeting_delete", args=[meeting.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    assert AuditEntry.objects.filter(action="kring.intervision.meeting.removed_by_office").count() == 1
