import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from PIL import Image

from kring.core.models import AuditEntry
from kring.members import photos
from tests.english import en

UPLOAD = en("members:photo_upload")


def image_file(name="photo.jpg", size=(40, 20), kind="JPEG", exif=None, colour="teal"):
    buffer = io.BytesIO()
    image = Image.new("RGB", size, colour)
    if exif is not None:
        image.save(buffer, format=kind, exif=exif)
    else:
        image.save(buffer, format=kind)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{kind.lower()}")


def exif_with_gps():
    exif = Image.Exif()
    exif[0x0112] = 6  # orientation: turn 90 degrees clockwise to show upright
    exif[0x010F] = "CameraMaker"
    exif[0x8825] = {1: "N", 2: (52.0, 5.0, 30.0), 3: "E", 4: (5.0, 7.0, 10.0)}
    return exif


def test_it_stores_a_photo_as_a_clean_jpeg(member, login):
    response = login(member).post(UPLOAD, {"photo": image_file(kind="PNG", name="me.png")})
    assert response.status_code == 302
    member.refresh_from_db()
    with member.photo.open("rb") as handle, Image.open(handle) as stored:
        assert stored.format == "JPEG"
    assert AuditEntry.objects.get(action="kring.members.photo.set").data == {"fields": ["photo"]}


def test_it_strips_exif_and_gps_and_keeps_the_photo_upright(member, login):
    upload = image_file(exif=exif_with_gps())
    assert login(member).post(UPLOAD, {"photo": upload}).status_code == 302
    member.refresh_from_db()
    with member.photo.open("rb") as handle:
        data = handle.read()
    assert b"CameraMaker" not in data and b"Exif" not in data
    with Image.open(io.BytesIO(data)) as stored:
        assert not stored.getexif()
        assert stored.getexif().get_ifd(0x8825) == {}
        assert stored.size == (20, 40)


def test_it_accepts_webp(member, login):
    assert login(member).post(UPLOAD, {"photo": image_file("me.webp", kind="WEBP")}).status_code == 302


def test_it_refuses_another_image_type_kindly(member, login):
    response = login(member).post(UPLOAD, {"photo": image_file("me.gif", kind="GIF")})
    assert response.status_code == 200
    assert "JPEG, PNG or WebP" in response.content.decode()
    member.refresh_from_db()
    assert not member.photo


def test_it_refuses_a_text_file_renamed_to_jpg(member, login):
    fake = SimpleUploadedFile("me.jpg", b"This is not a photo at all.\n" * 10, content_type="image/jpeg")
    response = login(member).post(UPLOAD, {"photo": fake})
    assert response.status_code == 200
    assert "could not read this file as a photo" in response.content.decode()
    member.refresh_from_db()
    assert not member.photo


def test_it_refuses_a_file_larger_than_5_mb(member, login):
    big = SimpleUploadedFile("big.jpg", b"\xff\xd8" + b"0" * (5 * 1024 * 1024 + 10), content_type="image/jpeg")
    response = login(member).post(UPLOAD, {"photo": big})
    assert response.status_code == 200
    assert "larger than 5 MB" in response.content.decode()


def bomb_png(size=(6000, 6000)) -> SimpleUploadedFile:
    """A few kilobytes that claim 36 megapixels: decoding it would take seconds and hundreds of MB."""
    buffer = io.BytesIO()
    Image.new("1", size).save(buffer, format="PNG", optimize=True)
    return SimpleUploadedFile("bomb.png", buffer.getvalue(), content_type="image/png")


@pytest.mark.parametrize("language, message", [("en", "more than 16 megapixels"), ("nl", "meer dan 16 megapixels")])
def test_it_refuses_a_decompression_bomb_and_keeps_the_old_photo(member, login, language, message):
    client = login(member)
    client.post(UPLOAD, {"photo": image_file()})
    member.refresh_from_db()
    before = member.photo.name
    bomb = bomb_png()
    assert bomb.size < 100_000
    with translation.override(language):
        upload = reverse("members:photo_upload")
    response = client.post(upload, {"photo": bomb})  # refused from its header
    assert response.status_code == 200 and message in response.content.decode()
    member.refresh_from_db()
    assert member.photo.name == before


def test_it_accepts_a_photo_up_to_16_megapixels(member):
    with Image.open(io.BytesIO(photos.prepare(image_file(size=(4000, 4000), kind="PNG", name="big.png")))) as image:
        assert image.size == (photos.STORED_SIDE, photos.STORED_SIDE)


def test_it_replaces_the_old_file_and_can_remove_the_photo(member, login, django_capture_on_commit_callbacks):
    client = login(member)
    client.post(UPLOAD, {"photo": image_file()})
    member.refresh_from_db()
    first = member.photo.name
    storage = member.photo.storage
    with django_capture_on_commit_callbacks(execute=True):
        client.post(UPLOAD, {"photo": image_file(colour="navy")})
    member.refresh_from_db()
    assert member.photo.name != first and not storage.exists(first)
    second = member.photo.name
    with django_capture_on_commit_callbacks(execute=True):
        client.post(UPLOAD, {"remove": "1"})
    member.refresh_from_db()
    assert not member.photo and not storage.exists(second)


def test_it_shrinks_a_large_photo(member):
    upload = image_file(size=(3000, 2000))
    with Image.open(io.BytesIO(photos.prepare(upload))) as image:
        assert max(image.size) == photos.STORED_SIDE


@pytest.fixture
def member_with_photo(member, login):
    login(member).post(UPLOAD, {"photo": image_file()})
    member.refresh_from_db()
    return member


def test_it_serves_a_private_photo_only_to_the_person_and_the_office(member_with_photo, trainer, office, client):
    url = reverse("members:photo", args=[member_with_photo.pk])
    client.logout()
    assert client.get(url).status_code == 404
    client.force_login(trainer.user)
    assert client.get(url).status_code == 404
    client.force_login(office.user)
    assert client.get(url).status_code == 200
    client.force_login(member_with_photo.user)
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"


def test_it_serves_a_public_photo_to_everyone(member_with_photo, client):
    client.logout()
    member_with_photo.public_photo = True
    member_with_photo.save()
    assert client.get(reverse("members:photo", args=[member_with_photo.pk])).status_code == 200
