import pytest
from django.urls import reverse
from django.utils import translation

from kring.core.models import AuditEntry
from kring.core.refusals import Refused
from kring.members import services
from kring.members.models import ErasureRequest
from tests import factories as t
from tests.english import en

URL = en("members:erasure")


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
    client.post(changelist, {"action": "carry_out", "_selected_action": [first.pk], "confirmed": "yes"})
    client.post(changelist, {"action": "decline", "_selected_action": [second.pk]})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == "done" and second.status == "declined"
    member.refresh_from_db()
    outsider.refresh_from_db()
    assert member.erased_at is not None and outsider.erased_at is None
    assert AuditEntry.objects.filter(action="kring.members.erasure.declined", person_id=outsider.pk).exists()


def test_gegevens_wissen_first_asks_are_you_sure_and_erases_nothing_until_confirmed(trainer, office, client):
    erasure = services.erasure_request(trainer, by=trainer.user)
    client.force_login(office.user)
    changelist = en("admin:members_erasurerequest_changelist")
    response = client.post(changelist, {"action": "carry_out", "_selected_action": [erasure.pk]})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Erase these people&#x27;s data?" in page
    assert "Thijs van Dijk" in page
    assert "What will be erased" in page and "Contact details: e-mail address and phone number" in page
    assert "Registration 004211 with its history, and the name" in page
    assert "The audit trail" in page and "Memberships with their history" in page
    assert "The name: this person was never registered" not in page  # a trainer keeps the name
    assert 'name="confirmed" value="yes"' in page and "Yes, erase this data" in page
    erasure.refresh_from_db()
    trainer.refresh_from_db()
    assert erasure.status == "requested" and trainer.erased_at is None
    assert not AuditEntry.objects.filter(action="kring.members.person.erased").exists()

    client.post(changelist, {"action": "carry_out", "_selected_action": [erasure.pk], "confirmed": "yes"})
    erasure.refresh_from_db()
    trainer.refresh_from_db()
    assert erasure.status == "done" and trainer.erased_at is not None


def test_the_confirmation_says_the_name_goes_too_for_someone_never_registered(member, office, client):
    erasure = services.erasure_request(member, by=member.user)
    client.force_login(office.user)
    page = client.post(
        en("admin:members_erasurerequest_changelist"), {"action": "carry_out", "_selected_action": [erasure.pk]}
    ).content.decode()
    assert "The name: this person was never registered as a trainer" in page
    assert "with its history, and the name" not in page


def test_someone_never_registered_loses_their_name_as_the_page_says(member, login, mailoutbox):
    page = login(member).get(URL).content.decode()
    assert "Your name, if you were never registered as a trainer" in page
    services.person_erase(member, by=None, request=services.erasure_request(member, by=member.user))
    member.refresh_from_db()
    assert (member.first_name, member.name_prefix, member.last_name) == ("", "", "")
    with translation.override("nl"):
        assert str(member) == f"Gewist persoon {member.pk}"  # the office still has a line to click
    entry = AuditEntry.objects.get(action="kring.members.person.erased")
    assert {"first_name", "last_name"} <= set(entry.data["fields"])
    assert "Marieke" not in str(entry.data)
    assert "Marieke" in mailoutbox[-1].body  # the last message still greets them by name


def test_asking_for_erasure_is_confirmed_by_a_calm_e_mail(member, login, mailoutbox):
    client = login(member)
    client.post(URL)
    client.post(URL)  # asking again sends nothing new
    message, *others = [m for m in mailoutbox if "wissen" in m.subject]
    assert not others
    assert message.to == [member.user.email]
    assert message.subject.endswith("We hebben je verzoek ontvangen om je gegevens te wissen")
    assert "Beste Marieke" in message.body
    assert "intrekken" in message.body and "/mijn-gegevens/privacy/wissen/" in message.body


def test_the_person_can_withdraw_their_request(member, login, mailoutbox):
    client = login(member)
    client.post(URL)
    response = client.post(en("members:erasure_withdraw"), follow=True)
    page = response.content.decode()
    assert "You have withdrawn your request. We will not erase your data." in page
    assert "Ask to erase my data" in page  # they may ask again later
    erasure = ErasureRequest.objects.get()
    assert erasure.status == "withdrawn" and erasure.decided_by == member.user
    entry = AuditEntry.objects.get(action="kring.members.erasure.withdrawn")
    assert entry.person_id == member.pk
    history = client.get(en("members:history")).content.decode()
    assert "Erasure request withdrawn" in history


def test_the_privacy_page_leads_to_withdrawing(member, login):
    client = login(member)
    client.post(URL)
    privacy = client.get(en("members:privacy")).content.decode()
    assert "See your request or withdraw it" in privacy
    page = client.get(URL).content.decode()
    assert f'action="{en("members:erasure_withdraw")}"' in page and "Withdraw my request" in page


def test_withdrawing_a_handled_request_is_refused_kindly(member, office, login):
    erasure = services.erasure_request(member, by=member.user)
    services.erasure_decline(erasure, by=office.user, note="Er loopt nog een klacht.")
    client = login(member)
    response = client.post(en("members:erasure_withdraw"), follow=True)
    assert "The office has already declined your request, so there is nothing to withdraw." in response.content.decode()
    erasure.refresh_from_db()
    assert erasure.status == "declined"
    assert not AuditEntry.objects.filter(action="kring.members.erasure.withdrawn").exists()


def test_withdrawing_without_a_request_changes_nothing(member, login):
    response = login(member).post(en("members:erasure_withdraw"), follow=True)
    assert "nothing to withdraw" in response.content.decode()
    assert not ErasureRequest.objects.exists()


def test_withdrawing_is_a_post(member, login):
    client = login(member)
    client.post(URL)
    assert client.get(reverse("members:erasure_withdraw")).status_code == 405
    assert ErasureRequest.objects.get().status == "requested"


def test_the_office_cannot_erase_after_the_person_withdrew(member, office, client):
    erasure = services.erasure_request(member, by=member.user)
    services.erasure_withdraw(erasure, by=member.user)
    with pytest.raises(Refused, match="ingetrokken"):
        services.person_erase(member, by=office.user, request=erasure)
    member.refresh_from_db()
    assert member.erased_at is None and member.first_name == "Marieke"


def test_it_tells_the_person_kindly_what_was_decided(member, outsider, office, mailoutbox):
    email = member.user.email
    services.person_erase(member, by=office.user, request=services.erasure_request(member, by=member.user))
    services.erasure_decline(
        services.erasure_request(outsider, by=outsider.user), by=office.user, note="Er loopt nog een klacht."
    )
    done, declined = [m for m in mailoutbox if "ontvangen" not in m.subject]
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
    page = client.get(en("admin:members_erasurerequest_change", erasure.pk))
    assert "Registration 004211 with its history" in page.content.decode()
    assert "The audit trail" in page.content.decode()
