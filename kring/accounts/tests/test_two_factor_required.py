from django.urls import reverse

from tests import factories as t


def test_it_sends_office_staff_without_two_factor_to_set_it_up(db, client):
    person = t.PersonFactory()
    t.grant(person.user, "office")
    client.force_login(person.user)
    response = client.get(reverse("admin:index"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("accounts:two_factor_required") + "?next=%2Fbureau%2F"
    assert reverse("mfa_activate_totp") in response.content.decode()


def test_it_opens_the_office_pages_once_two_factor_is_set_up(office, login):
    client = login(office)
    assert client.get(reverse("admin:index")).status_code == 200


def test_it_never_opens_the_office_pages_for_a_trainer(trainer, login):
    client = login(trainer)
    t.add_totp(trainer.user)
    assert client.get(reverse("admin:index")).status_code == 302
