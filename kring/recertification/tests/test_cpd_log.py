"""The CPD log: a trainer adds, changes and removes their own activities; bad input changes nothing."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from kring.cpd.models import Activity
from kring.cpd.services import activity_record_automatic
from kring.members.models import TaughtProgramme
from kring.recertification.tests.conftest import en

TODAY = datetime.date.today()


def post(client, data, **files):
    base = {"kind": "supervision", "date": TODAY.isoformat(), "hours": "2", "days": "0", "description": "Supervisie"}
    return client.post(reverse("recertification:activity_add"), {**base, **data, **files})


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


def test_it_adds_an_activity_to_my_log(trainer, login):
    client = login(trainer)
    response = post(client, {})
    assert response.status_code == 302
    activity = Activity.objects.get(person=trainer)
    assert activity.hours == 2 and activity.kind == "supervision"
    assert "Supervisie" in client.get(reverse("recertification:activity_list")).content.decode()


def test_it_records_a_course_taught_with_programme_and_participants(trainer, login):
    mbsr = TaughtProgramme.objects.get(code="mbsr")
    response = post(
        login(trainer), {"kind": "course_taught", "hours": "20", "programme": mbsr.pk, "participants": "12"}
    )
    assert response.status_code == 302
    assert Activity.objects.get(person=trainer).participants == 12


def test_it_asks_for_programme_and_participants_of_a_course_taught(trainer, login):
    response = post(login(trainer), {"kind": "course_taught", "hours": "20"})
    assert response.status_code == 200
    assert not Activity.objects.exists()


@pytest.mark.parametrize(
    "data",
    [
        {"hours": "-1"},
        {"hours": "201", "days": "10"},
        {"hours": "30", "days": "0"},
        {"hours": "50", "days": "2"},
        {"hours": "0", "days": "0"},
        {"date": (TODAY + datetime.timedelta(days=1)).isoformat()},
        {"date": (TODAY - datetime.timedelta(days=800)).isoformat()},  # before the trainer's cycle
        {"days": "-2"},
        {"hours": "veel"},
    ],
)
def test_it_refuses_bad_input_and_saves_nothing(trainer, login, data):
    response = post(login(trainer), data)
    assert response.status_code == 200
    assert 'class="error"' in response.content.decode()
    assert not Activity.objects.exists()


def test_it_accepts_evidence_recognised_by_its_content(trainer, login):
    response = post(login(trainer), {}, evidence_file=SimpleUploadedFile("scan.bin", png_bytes()))
    assert response.status_code == 302
    activity = Activity.objects.get()
    assert activity.evidence_type == "image/png"
    download = login(trainer).get(reverse("recertification:activity_evidence", args=[activity.pk]))
    assert download["Content-Type"] == "image/png"


@pytest.mark.parametrize("content", [b"MZ\x90\x00 not a pdf at all", b"\x89PNG\r\n\x1a\n broken image"])
def test_it_refuses_evidence_of_the_wrong_type_whatever_its_name(trainer, login, content):
    response = post(login(trainer), {}, evidence_file=SimpleUploadedFile("bewijs.pdf", content))
    assert response.status_code == 200
    assert "PDF, JPEG" in response.content.decode()
    assert not Activity.objects.exists()


def test_it_refuses_evidence_over_ten_megabytes(trainer, login):
    big = b"%PDF-1.4\n" + b"0" * (10 * 1024 * 1024)
    response = post(login(trainer), {}, evidence_file=SimpleUploadedFile("groot.pdf", big))
    assert response.status_code == 200
    assert not Activity.objects.exists()


def test_it_changes_and_removes_my_own_activity(trainer, login, add_activity):
    client = login(trainer)
    activity = add_activity(trainer, "supervision", hours="2")
    client.post(
        reverse("recertification:activity_edit", args=[activity.pk]),
        {"kind": "supervision", "date": TODAY.isoformat(), "hours": "3", "days": "0"},
    )
    activity.refresh_from_db()
    assert activity.hours == 3
    client.post(reverse("recertification:activity_delete", args=[activity.pk]))
    assert not Activity.objects.exists()


def test_it_keeps_automatic_activities_out_of_the_trainers_hands(trainer, login):
    activity = activity_record_automatic(
        person=trainer,
        kind="intervision",
        on=TODAY,
        hours=2,
        description="Intervisie Utrecht",
        source="intervision.attendance:1",
    )
    client = login(trainer)
    assert "Recorded by Kring" in client.get(en("recertification:activity_list")).content.decode()
    client.post(
        reverse("recertification:activity_edit", args=[activity.pk]),
        {"kind": "intervision", "date": TODAY.isoformat(), "hours": "9", "days": "0"},
    )
    client.post(reverse("recertification:activity_delete", args=[activity.pk]))
    activity.refresh_from_db()
    assert activity.hours == 2


def test_it_gives_404_for_another_trainers_activity(trainer, colleague, login, add_activity):
    theirs = add_activity(colleague, "supervision")
    client = login(trainer)
    assert client.get(reverse("recertification:activity_edit", args=[theirs.pk])).status_code == 404
    assert client.post(reverse("recertification:activity_delete", args=[theirs.pk])).status_code == 404
    assert Activity.objects.filter(pk=theirs.pk).exists()
