"""The institute role: granted per institute with an end date, two-step verification, and staff see
only their own institute."""

import datetime

from django.urls import reverse

from kring.accreditation.access import institute_role
from kring.core.access import INSTITUTE
from tests import factories as t


def test_the_role_ends_on_its_end_date(db):
    person = t.PersonFactory()
    today = datetime.date.today()
    t.make_institute_staff(person.user, t.make_institute(), ends_on=today)
    assert institute_role(person.user, today) == {INSTITUTE}
    assert institute_role(person.user, today + datetime.timedelta(days=1)) == set()


def test_staff_without_two_step_verification_are_sent_to_set_it_up(db, client):
    person = t.PersonFactory()
    t.make_institute_staff(person.user, t.make_institute())
    client.force_login(person.user)
    response = client.get(reverse("accreditation:institute_home"))
    assert response.status_code == 302 and "two" in response["Location"] or "twee" in response["Location"]


def test_staff_see_only_their_own_institute(submitted, login):
    other = t.PersonFactory()
    t.make_institute_staff(other.user, t.make_institute("Ander Instituut"))
    t.add_totp(other.user)
    client = login(other)
    assert client.get(reverse("accreditation:application", args=[submitted.pk])).status_code == 404
    assert client.get(reverse("accreditation:graduates", args=[submitted.programme.pk])).status_code == 404
    assert submitted.programme.name not in client.get(reverse("accreditation:institute_home")).content.decode()


def test_staff_see_their_programme(submitted, institute, login):
    response = login(institute).get(reverse("accreditation:institute_home"))
    assert submitted.programme.name in response.content.decode()
