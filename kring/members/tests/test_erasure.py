from django.urls import reverse

from kring.core.models import AuditEntry
from kring.members import services
from kring.members.models import ErasureRequest
from tests import factories as t

URL = "/en/mijn-gegevens/privacy/wissen/"


def test_it_explains_erasure_before_asking(member, login):
    page = login(member).get(URL).content.decode()
    assert "What we erase" in page and "What we must keep" in page
    assert not ErasureRequest.objects.exists()


def test_it_takes_one_request_at_a_time_and_confirms_kindly(member, login):
    client = login(member)
    response = client.post(URL, follow=True)
    assert "We received your request" in response.content.decode()
    client.post(URL)
    assert ErasureRequest.objects.filter(person=member, status="requested").count() == 1
    assert AuditEntry.objects.filter(action="kring.members.erasure.requested").count() == 1


def test_it_removes_the_photo_file(member, django_capture_on_commit_callbacks):
    from kring.members.tests.test_photo import image_file

    services.photo_set(member, image_file().read(), by=member.user)
    name, storage = member.photo.name, member.photo.storage
    assert storage.exists(name)
    with django_capture_on_commit_callbacks(execute=True):
        services.person_erase(member, by=None)
    assert not storage.exists(name)


def test_the_office_carries_out_or_declines_erasure_in_the_admin(member, outsider, office, client):
    first = services.erasure_request(member, by=member.user)
    second = services.erasure_request(outsider, by=outsider.user)
    client.force_login(office.user)
    changelist = reverse("admin:members_erasurerequest_changelist")
    assert client.get(changelist).status_code == 200
    client.post(changelist, {"action": "carry_out", "_selected_action": [first.pk]})
    client.post(changelist, {"action": "decline", "_selected_action": [second.pk]})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == "done" and second.status == "declined"
    member.refresh_from_db()
    outsider.refresh_from_db()
    assert member.erased_at is not None and outsider.erased_at is None
    assert AuditEntry.objects.filter(action="kring.members.erasure.declined", person_id=outsider.pk).exists()


def test_it_tells_the_person_kindly_what_was_decided(member, outsider, office, mailoutbox):
    email = member.user.email
    services.person_erase(member, by=office.user, request=services.erasure_request(member, by=member.user))
    services.erasure_decline(
        services.erasure_request(outsider, by=outsider.user), by=office.user, note="Er loopt nog een klacht."
    )
    done, declined = mailoutbox
    assert done.to == [email]
    assert "gewist" in done.subject  # in the person's language, Dutch by default
    assert declined.to == [outsider.user.email] and "Er loopt nog een klacht." in declined.body
    assert "/mijn-gegevens/privacy/" in declined.body


def test_an_erased_person_cannot_log_in(member, client, django_capture_on_commit_callbacks):
    email = member.user.email
    services.person_erase(member, by=None)
    response = client.post(reverse("account_login"), {"login": email, "password": t.PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_office_sees_what_erasure_keeps(trainer, office, client):
    erasure = services.erasure_request(trainer, by=trainer.user)
    client.force_login(office.user)
    page = client.get(reverse("admin:members_erasurerequest_change", args=[erasure.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert "004211" in page.content.decode()
