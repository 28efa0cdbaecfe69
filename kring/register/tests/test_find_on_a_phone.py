"""Find a trainer on a phone: postcode and distance first, the rest folded away, several programmes,
free text over places and programmes, Belgium guessed, the results anchored, photos and tel: links."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from .conftest import public_trainer


def names(response):
    return [card["result"].entry.name for card in response.context["cards"]]


@pytest.fixture
def trainers(db, reindex):
    public_trainer("Anna", "Utrecht", "3512", programmes=("mbsr",))
    public_trainer("Bas", "Amersfoort", "3811", programmes=("mbct",))
    public_trainer("Cor", "Zeist", "3701", programmes=("mbsr", "mbct"))
    public_trainer("Dirk", "Janssens", "9000", "BE", programmes=("mbsr",))
    public_trainer("Els", "Peeters", "3512", programmes=())
    reindex()


def test_postcode_and_distance_come_first_and_the_other_filters_are_folded_away(client, trainers):
    text = client.get("/register/").content.decode()
    start = text.index('class="card search-form"')
    form = text[start : text.index("</form>", start)]
    fold = form.index('<details class="more-filters">')  # closed: nothing in it is in use
    assert form.index('name="postcode"') < form.index('name="distance"') < fold
    for name in ("q", "country", "programme", "domain", "target", "language", "online", "sort"):
        assert form.index(f'name="{name}"') > fold, name
    assert "<summary>" in form  # a native fold: it opens without JavaScript


def test_the_fold_opens_when_a_folded_filter_is_in_use(client, trainers):
    text = client.get("/register/?postcode=3512&programme=mbct").content.decode()
    assert '<details class="more-filters" open>' in text
    text = client.get("/register/?postcode=3512&programme=yoga").content.decode()  # its error must show
    assert '<details class="more-filters" open>' in text


def test_it_finds_trainers_of_any_of_several_programmes(client, trainers):
    both = names(client.get("/register/?postcode=3512&distance=30&programme=mbsr&programme=mbct"))
    assert both == ["Anna Utrecht", "Cor Zeist", "Bas Amersfoort"]
    assert names(client.get("/register/?postcode=3512&distance=30&programme=mbct")) == ["Cor Zeist", "Bas Amersfoort"]
    text = client.get("/register/?programme=mbsr&programme=mbct").content.decode()
    assert len(re.findall(r'name="programme" value="(mbsr|mbct)"[^>]* checked', text)) == 2


def test_several_programmes_are_not_served_from_the_cache_of_one(client, trainers):
    assert names(client.get("/register/?programme=mbct")) == ["Bas Amersfoort", "Cor Zeist"]
    assert len(names(client.get("/register/?programme=mbct&programme=mbsr"))) == 4


def test_free_text_matches_place_names_and_programmes(client, trainers):
    assert names(client.get("/register/?q=utrecht+mbsr")) == ["Anna Utrecht"]
    assert names(client.get("/register/?q=zeist+mbct")) == ["Cor Zeist"]
    assert names(client.get("/register/?q=gent")) == ["Dirk Janssens"]
    assert names(client.get("/register/?q=utrecht+mbct")) == []


def test_a_belgian_postcode_left_on_the_netherlands_is_searched_in_belgium(client, trainers):
    response = client.get("/register/?postcode=9000&distance=10")
    assert names(response) == ["Dirk Janssens"]
    text = response.content.decode()
    assert "9000 is geen Nederlandse postcode, dus we zochten in België: 9000 Gent." in text
    assert re.search(r'<option value="BE" selected>', text)


def test_a_postcode_of_both_countries_stays_in_the_netherlands(client, trainers):
    response = client.get("/register/?postcode=3512&distance=5")  # 3512 is also a Belgian postcode
    assert names(response) == ["Els Peeters", "Anna Utrecht"]  # same place: by name
    assert "dus we zochten in België" not in response.content.decode()


def test_after_a_search_the_reader_lands_on_the_results(client, trainers):
    text = client.get("/register/?postcode=3512").content.decode()
    assert 'action="/register/#results"' in text
    assert '<section id="results"' in text


def photo():
    data = io.BytesIO()
    Image.new("RGB", (8, 8), "green").save(data, "JPEG")
    return SimpleUploadedFile("me.jpg", data.getvalue(), content_type="image/jpeg")


@pytest.mark.parametrize("consent", [True, False])
def test_the_photo_shows_on_card_and_page_only_with_consent(client, db, reindex, settings, tmp_path, consent):
    settings.MEDIA_ROOT = tmp_path
    registration = public_trainer("Fien", "Foto", "3512")
    person = registration.person
    person.photo.save("me.jpg", photo(), save=False)
    person.public_photo = consent
    person.save()
    reindex()
    url = person.photo.url
    search = client.get("/register/?postcode=3512").content.decode()
    page = client.get(f"/register/{registration.number}/").content.decode()
    assert (f'class="card-photo" src="{url}"' in search) is consent
    assert (f'src="{url}"' in page) is consent


def test_a_phone_number_is_a_tel_link(client, db):
    registration = public_trainer("Tom", "Telefoon", "3512")
    page = client.get(f"/register/{registration.number}/").content.decode()
    assert '<a href="tel:0612345678">06 12345678</a>' in page


def test_a_private_phone_number_is_no_link_at_all(client, db):
    registration = public_trainer("Pim", "Privé", "3512", public=False)
    assert "tel:" not in client.get(f"/register/{registration.number}/").content.decode()


def test_the_fold_works_in_english_too(client, trainers):
    text = client.get("/en/register/?postcode=9000").content.decode()
    assert "we searched in Belgium: 9000 Gent" in text
    assert "More filters" in text


def test_an_unknown_postcode_in_both_countries_is_still_explained(client, trainers):
    response = client.get("/register/?postcode=9999&country=BE")
    assert response.context["results"] is None
    assert "We kennen postcode 9999 niet in België" in response.content.decode()
