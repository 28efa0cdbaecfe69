"""Evidence is stored clean (no photo metadata, no PDF scripts) and always handed out as a private download."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, DictionaryObject, NameObject, TextStringObject

from kring.cpd.models import Activity
from kring.recertification.tests.conftest import en

TODAY = datetime.date.today()
GPS_IFD = 0x8825
CAMERA_MAKE = 0x010F


def post(client, evidence, url_name="recertification:activity_add"):
    data = {"kind": "supervision", "date": TODAY.isoformat(), "hours": "2", "days": "0", "description": "Supervisie"}
    return client.post(reverse(url_name), {**data, "evidence_file": evidence})


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (60, 40), "teal")
    exif = image.getexif()
    exif[CAMERA_MAKE] = "PhoneMaker"
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (52.0, 5.0, 30.0), 3: "E", 4: (5.0, 7.0, 12.0)})
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, comment=b"Thuis, Oudegracht 1")
    assert Image.open(io.BytesIO(buffer.getvalue())).getexif().get_ifd(GPS_IFD)  # the test file really has it
    return buffer.getvalue()


def pdf(change=None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if change:
        change(writer)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def launch_on_open(writer):
    action = DictionaryObject({NameObject("/S"): NameObject("/Launch"), NameObject("/F"): TextStringObject("calc.exe")})
    writer._root_object[NameObject("/OpenAction")] = writer._add_object(action)


def script_on_page_open(writer):
    script = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert(1)")}
    )
    writer.pages[0][NameObject("/AA")] = DictionaryObject({NameObject("/O"): writer._add_object(script)})


def document_script(writer):
    script = DictionaryObject(
        {NameObject("/S"): NameObject("/JavaScript"), NameObject("/JS"): TextStringObject("app.alert('hallo')")}
    )
    tree = DictionaryObject({NameObject("/Names"): ArrayObject([TextStringObject("k"), writer._add_object(script)])})
    writer._root_object[NameObject("/Names")] = DictionaryObject({NameObject("/JavaScript"): tree})


ACTIVE_PDFS = {
    "javascript": document_script,
    "launch on open": launch_on_open,
    "script on page open": script_on_page_open,
    "embedded file": lambda w: w.add_attachment("payload.exe", b"MZ\x90\x00"),
}


def test_a_photo_is_stored_without_its_gps_position_or_camera(trainer, login):
    response = post(login(trainer), SimpleUploadedFile("IMG_2041.jpg", jpeg_with_gps()))
    assert response.status_code == 302
    activity = Activity.objects.get()
    stored = activity.evidence.read()
    image = Image.open(io.BytesIO(stored))
    assert image.format == "JPEG" and image.size == (60, 40)
    assert dict(image.getexif()) == {}
    assert b"PhoneMaker" not in stored and b"Oudegracht" not in stored
    assert "IMG_2041" not in activity.evidence.name  # the trainer's own file name is not kept either


@pytest.mark.parametrize("change", ACTIVE_PDFS.values(), ids=ACTIVE_PDFS.keys())
def test_a_pdf_with_active_content_is_refused_kindly(trainer, login, change):
    client = login(trainer)
    response = post(client, SimpleUploadedFile("certificaat.pdf", pdf(change)))
    assert response.status_code == 200
    assert "Deze PDF bevat actieve inhoud" in response.content.decode()
    assert not Activity.objects.exists()
    data = {"kind": "supervision", "date": TODAY.isoformat(), "hours": "2", "days": "0"}
    english = client.post(
        en("recertification:activity_add"), {**data, "evidence_file": SimpleUploadedFile("c.pdf", pdf(change))}
    )
    assert "This PDF contains active content" in english.content.decode()


def test_a_plain_pdf_that_opens_on_its_first_page_is_accepted_as_it_is(trainer, login):
    def open_first_page(writer):
        writer.open_destination = writer.pages[0]

    content = pdf(open_first_page)
    assert post(login(trainer), SimpleUploadedFile("certificaat.pdf", content)).status_code == 302
    assert Activity.objects.get().evidence.read() == content


def test_a_file_that_only_looks_like_a_pdf_is_refused(trainer, login):
    response = post(login(trainer), SimpleUploadedFile("c.pdf", b"%PDF-1.7\n<script>alert(1)</script>"))
    assert response.status_code == 200
    assert "We konden deze PDF niet lezen" in response.content.decode()
    assert not Activity.objects.exists()


def test_an_image_with_too_many_pixels_is_refused_before_it_is_decoded(trainer, login):
    buffer = io.BytesIO()
    Image.new("1", (8000, 6000)).save(buffer, "PNG")  # 48 million pixels in a few kilobytes
    assert len(buffer.getvalue()) < 100_000
    response = post(login(trainer), SimpleUploadedFile("scan.png", buffer.getvalue()))
    assert response.status_code == 200
    assert "40 miljoen pixels" in response.content.decode()
    assert not Activity.objects.exists()


def test_evidence_is_a_private_download_never_shown_in_the_browser(trainer, login):
    client = login(trainer)
    post(client, SimpleUploadedFile("c.pdf", pdf()))
    activity = Activity.objects.get()
    response = client.get(reverse("recertification:activity_evidence", args=[activity.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert (
        response["Content-Disposition"] == f'attachment; filename="evidence-{activity.date:%Y-%m-%d}-{activity.pk}.pdf"'
    )
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
