import datetime

from django.utils import timezone

from kring.register import search_index
from tests import factories as t

DAY = datetime.timedelta(days=1)


def public_practices(*people):
    """The trainers show their practices in the register, as "find a trainer" then does."""
    for person in people:
        person.public_practices = True
        person.save()
    search_index.rebuild()


def test_it_finds_a_registration_by_agb_code(api, reimbursed_trainer):
    response = api.get("/api/v1/registrations?agb=90012345&on=2026-01-05")
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1
    assert body["results"][0]["number"] == "004211"
    assert body["results"][0]["counts_for_reimbursement"] in (True, False)
    assert body["on"] == "2026-01-05"


def test_it_answers_an_empty_list_for_an_unknown_agb_code(api, reimbursed_trainer):
    body = api.get("/api/v1/registrations?agb=12345678").json()
    assert body == {"on": body["on"], "count": 0, "results": []}


def test_it_refuses_an_agb_code_that_is_not_eight_digits(api, db):
    for bad in ("1234567", "123456789", "abcdefgh"):
        response = api.get(f"/api/v1/registrations?agb={bad}")
        assert response.status_code == 422
        assert response.json()["error"] == "invalid_request"
    assert api.get("/api/v1/registrations").status_code == 422


def test_it_finds_a_trainer_by_name_and_a_public_postcode(api, reimbursed_trainer):
    public_practices(reimbursed_trainer)
    response = api.get("/api/v1/registrations/search?name=thijs dijk&postcode=3512 AB")
    assert response.status_code == 200
    body = response.json()
    assert [r["number"] for r in body["results"]] == ["004211"]
    assert body["results"][0]["registered"] is True
    assert "thijs.prive@example.org" not in response.content.decode()


def test_it_does_not_confirm_a_postcode_the_trainer_keeps_private(api, reimbursed_trainer):
    assert reimbursed_trainer.public_practices is False
    search_index.rebuild()
    assert api.get("/api/v1/registrations/search?name=thijs dijk&postcode=3512").json()["count"] == 0
    assert api.get("/api/v1/registrations/search?name=thijs dijk").json()["count"] == 1


def test_it_does_not_confirm_the_postcode_of_a_trainer_no_longer_in_the_register(api, db):
    today = timezone.localdate()
    former = t.PersonFactory(first_name="Mies", last_name="Bakker", public_practices=True)
    t.add_practice(former, "3512")
    t.make_registration(former, number="006001", starts_on=today - 400 * DAY, ends_on=today - 30 * DAY)
    search_index.rebuild()
    assert api.get("/api/v1/registrations/search?name=bakker&postcode=3512").json()["count"] == 0
    body = api.get("/api/v1/registrations/search?name=bakker").json()
    assert [(r["number"], r["registered"]) for r in body["results"]] == [("006001", False)]


def test_it_leaves_out_trainers_with_another_name_or_postcode(api, reimbursed_trainer):
    other = t.PersonFactory(first_name="Thijs", last_name="Dijkman")
    t.add_practice(other, "1012")
    t.make_registration(other, number="005000")
    public_practices(reimbursed_trainer, other)
    assert [
        r["number"] for r in api.get("/api/v1/registrations/search?name=thijs&postcode=1012").json()["results"]
    ] == ["005000"]
    assert sorted(r["number"] for r in api.get("/api/v1/registrations/search?name=dijk").json()["results"]) == [
        "004211",
        "005000",
    ]
    assert api.get("/api/v1/registrations/search?name=anneke").json()["count"] == 0


def test_it_finds_a_flemish_trainer_by_belgian_postcode(api, db):
    person = t.PersonFactory(first_name="Lien", last_name="Peeters")
    t.add_practice(person, "3000", "BE")
    t.make_registration(person, number="007001")
    public_practices(person)
    body = api.get("/api/v1/registrations/search?name=peeters&postcode=3000&country=BE").json()
    assert [r["number"] for r in body["results"]] == ["007001"]


def test_it_explains_an_unknown_postcode(api, reimbursed_trainer):
    response = api.get("/api/v1/registrations/search?name=thijs&postcode=0000")
    assert response.status_code == 400
    assert response.json()["error"] == "unknown_postcode"


def test_it_refuses_a_search_without_a_name(api, db):
    assert api.get("/api/v1/registrations/search?postcode=3512").status_code == 422
    response = api.get("/api/v1/registrations/search?name=%20%20%20")
    assert response.status_code == 400
    assert response.json()["error"] == "name_required"


def test_it_searches_in_a_constant_number_of_queries(api, reimbursed_trainer, django_assert_max_num_queries):
    for n in range(15):
        person = t.PersonFactory(first_name="Thijs", last_name=f"Jansen{n}")
        t.make_registration(person)
    with django_assert_max_num_queries(8):
        body = api.get("/api/v1/registrations/search?name=thijs").json()
    assert body["count"] == 16


def test_it_refuses_nul_characters_instead_of_failing(api, reimbursed_trainer):
    assert api.get("/api/v1/registrations/search?name=th%00ijs").json()["error"] == "invalid_characters"
    assert api.get("/api/v1/registrations/0042%0011").status_code == 404
