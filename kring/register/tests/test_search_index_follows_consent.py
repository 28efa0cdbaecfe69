"""What a trainer changes in "my details" shows in the public register at once."""

from django.urls import reverse

from kring.core import geo
from kring.members import services
from kring.register import search_index


def _search(client, **params):
    return client.get(reverse("register:search"), params).content.decode()


def test_it_hides_a_trainer_from_postcode_search_once_the_practice_is_made_private(trainer, client):
    services.consent_update(trainer, by=trainer.user, public={"practices": True})
    search_index.rebuild()
    assert "Thijs van Dijk" in _search(client, postcode="3512", distance="10")
    services.consent_update(trainer, by=trainer.user, public={"practices": False})
    assert "Thijs van Dijk" not in _search(client, postcode="3512", distance="10")


def test_it_shows_a_new_practice_in_search_straight_away(trainer, client):
    services.consent_update(trainer, by=trainer.user, public={"practices": True})
    search_index.rebuild()
    assert "Thijs van Dijk" not in _search(client, postcode="9711", distance="10")  # Groningen
    place = geo.lookup("9711", "NL")
    services.practice_add(
        trainer,
        by=trainer.user,
        postcode="9711",
        country="NL",
        place=place.name,
        latitude=place.latitude,
        longitude=place.longitude,
    )
    assert "Thijs van Dijk" in _search(client, postcode="9711", distance="10")
