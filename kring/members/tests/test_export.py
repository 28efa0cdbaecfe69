import json

from kring.core.models import AuditEntry
from kring.members import services
from tests import factories as t
from tests.english import en

URL = en("members:export")


def test_it_downloads_everything_about_me_as_json(trainer, login):
    services.consent_update(trainer, by=trainer.user, public={"practices": True, "programmes": True})
    t.add_activity(trainer, kind="retreat", date="2026-03-01", hours=30, days=5)
    membership = trainer.memberships.get()
    services.membership_change_status(membership, "lapsed", by=None, reason="fee not paid")
    response = login(trainer).get(URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert data["account"]["email"] == trainer.user.email
    assert data["person"]["last_name"] == "Dijk"
    assert data["public"]["practices"] is True and data["public"]["programmes"] is True
    assert data["public"]["email"] is False
    assert data["practices"][0]["postcode"] == "3512" and data["practices"][0]["place"]
    assert data["memberships"][0]["history"][0]["status"] == "lapsed"
    assert data["registrations"][0]["number"] == "004211"
    assert data["registrations"][0]["periods"][0]["level"] == "specialist"
    assert data["cpd_activities"][0]["kind"] == "retreat"
    assert "kring.members.consent.changed" in [entry["action"] for entry in data["audit_trail"]]


def test_it_records_the_download(member, login):
    login(member).get(URL)
    assert AuditEntry.objects.filter(action="kring.members.person.exported", person_id=member.pk).exists()


def test_it_exports_only_my_own_data(member, trainer, login):
    data = json.loads(login(member).get(URL).content)
    assert data["registrations"] == [] and data["practices"] == []
    assert "004211" not in json.dumps(data)


def test_it_exports_in_a_constant_number_of_queries(trainer, login, django_assert_max_num_queries):
    client = login(trainer)
    for postcode in ("1012", "9711", "6211"):
        t.add_practice(trainer, postcode)
    # 32: the sections of the apps above members add their reads (find: courses and retreats, 2 queries).
    with django_assert_max_num_queries(34):
        assert client.get(URL).status_code == 200


def test_the_office_downloads_the_same_file_from_the_admin(trainer, office, client):
    from django.urls import reverse

    client.force_login(office.user)
    response = client.post(
        reverse("admin:members_person_changelist"), {"action": "download_data", "_selected_action": [trainer.pk]}
    )
    assert response.status_code == 200
    data = json.loads(response.content)
    assert data["registrations"][0]["number"] == "004211"
    entry = AuditEntry.objects.get(action="kring.members.person.exported", person_id=trainer.pk)
    assert entry.actor == office.user


def test_it_includes_my_photo(member, login):
    import base64

    from kring.members.tests.test_photo import image_file

    services.photo_set(member, image_file().read(), by=member.user)
    data = json.loads(login(member).get(URL).content)
    assert base64.b64decode(data["person"]["photo_jpeg_base64"])[:2] == b"\xff\xd8"


def test_the_office_downloads_a_persons_data_as_a_named_json_file(member, office, client):
    from django.urls import reverse

    client.force_login(office.user)
    response = client.post(
        reverse("admin:members_person_changelist"), {"action": "download_data", "_selected_action": [member.pk]}
    )
    assert response["Content-Type"] == "application/json"
    assert response["Content-Disposition"] == f'attachment; filename="kring-person-{member.pk}.json"'
    assert json.loads(response.content)["person"]["last_name"] == "Bakker"
