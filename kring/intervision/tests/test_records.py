import io
import json

import pypdf
from django.urls import reverse
from django.utils import timezone

from kring.intervision.tests.helpers import attend, make_group, make_past_meeting, meeting_with_records, others


def _pdf_text(response) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(response.content)).pages)


def test_the_record_pdf_has_the_meeting_and_my_own_reflection_only(trainer, login):
    group, meeting, colleague = meeting_with_records(trainer)
    response = login(colleague).get(reverse("intervision:record_pdf", args=[meeting.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = _pdf_text(response)
    assert "Kring Utrecht" in text and "Mijn geheime gedachte" in text and "Stilte in de groep" in text
    assert "Wat de coordinator dacht" not in text
    assert colleague.full_name in text and trainer.full_name in text


def test_the_yearly_overview_as_data(trainer, login):
    group, meeting, colleague = meeting_with_records(trainer)
    year = timezone.localtime(meeting.starts_at).year
    data = json.loads(login(colleague).get(reverse("intervision:record_year_json", args=[year])).content)
    assert data["confirmed_meetings"] == 1
    (entry,) = data["meetings"]
    assert entry["group"] == "Kring Utrecht" and entry["confirmed"] is True and entry["duration_minutes"] == 120
    assert {p["name"] for p in entry["participants"]} == {trainer.full_name, colleague.full_name}
    assert entry["reflection"] == "Mijn geheime gedachte"
    pdf = login(colleague).get(reverse("intervision:record_year_pdf", args=[year]))
    assert "Kring Utrecht" in _pdf_text(pdf)


def test_a_record_needs_attendance(trainer, login):
    group = make_group(trainer)
    meeting = make_past_meeting(group)
    response = login(trainer).post(reverse("intervision:record_edit", args=[meeting.pk]), {"topics": "X"})
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    assert not meeting.records.exists()


def test_the_record_list_keeps_its_query_count(trainer, login, django_assert_max_num_queries):
    group = make_group(trainer, members=2)
    client = login(trainer)
    meeting = make_past_meeting(group, days_ago=1)
    attend(meeting, trainer)
    client.get(reverse("intervision:record_list"))
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("intervision:record_list"))
    for days in range(2, 8):
        attend(make_past_meeting(group, days_ago=days), trainer, *others(group))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(reverse("intervision:record_list"))
    assert len(response.context["attendances"]) >= 1


def test_the_reflection_can_be_left_out_for_the_register(trainer, login):
    group, meeting, colleague = meeting_with_records(trainer)
    year = timezone.localtime(meeting.starts_at).year
    response = login(colleague).get(reverse("intervision:record_year_pdf", args=[year]) + "?reflectie=nee")
    text = _pdf_text(response)
    assert "Stilte in de groep" in text and "Mijn geheime gedachte" not in text
