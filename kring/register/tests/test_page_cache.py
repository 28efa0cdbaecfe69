"""The search page is cached whole for visitors; each visitor's language switch still works (CSRF)."""

import re

from django.test import Client
from django.utils.html import escape

from kring.register.page_cache import CSRF_PLACEHOLDER

from .conftest import public_trainer

SEARCH = "/register/?postcode=3512&distance=25"


def _token(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def _switch_to_english(client: Client, page: str):
    return client.post("/i18n/setlang/", {"language": "en", "next": SEARCH, "csrfmiddlewaretoken": _token(page)})


def test_every_visitor_of_a_cached_page_can_switch_language(db, reindex, django_assert_max_num_queries):
    public_trainer("Anna", "Utrecht", "3512")
    reindex()
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page = first.get(SEARCH).content.decode()
    with django_assert_max_num_queries(1):  # from the cache: only the index's generation is read
        second_page = second.get(SEARCH).content.decode()

    assert "Anna" in second_page and CSRF_PLACEHOLDER not in second_page
    assert second_page != first_page  # the same page, each with its own visitor's token
    assert _switch_to_english(first, first_page).status_code == 302
    assert _switch_to_english(second, second_page).status_code == 302
    assert Client(enforce_csrf_checks=True).post("/i18n/setlang/", {"language": "en"}).status_code == 403


def test_a_change_of_the_register_shows_at_once_on_the_cached_page(client, db, reindex):
    public_trainer("Anna", "Utrecht", "3512")
    reindex()
    assert "Bram" not in client.get(SEARCH).content.decode()
    public_trainer("Bram", "Utrecht", "3512")
    reindex()
    assert "Bram" in client.get(SEARCH).content.decode()


def test_logged_in_users_get_their_own_page(client, member, reindex):
    public_trainer("Anna", "Utrecht", "3512")
    reindex()
    Client().get(SEARCH)  # a visitor fills the cache
    client.force_login(member.user)
    page = client.get(SEARCH).content.decode()
    assert 'action="/accounts/logout/"' in page and CSRF_PLACEHOLDER not in page


def test_the_page_made_from_the_layout_shell_is_the_page_django_renders(db, reindex, client, member):
    """A visitor gets the page from the cached layout; a logged-in member gets it rendered in full by
    Django: apart from the header's own links for a logged-in person, the two are the same page."""
    from kring.core import identity
    from kring.register import page_cache

    public_trainer("Anna", "O'Utrecht", "3512")
    reindex()
    page_cache._shells.clear()
    for path in (SEARCH + "&q=a%26b%22", "/en/register/?postcode=9000", "/register/?programme=yoga"):
        visitor = Client().get(path).content.decode()
        client.force_login(member.user)
        full = client.get(path).content.decode()
        client.logout()

        def main(page):
            return page[page.index("<main") : page.index("</main>")]

        assert main(visitor) == main(full)
        assert f'name="next" type="hidden" value="{escape(path)}"' in visitor
    assert len(page_cache._shells) == 2  # one layout per language
    association = identity.current()
    association.short_name = "Kring Nieuw"
    identity.update(association, by=None, fields=["short_name"])
    assert "Kring Nieuw" in Client().get(SEARCH).content.decode()  # an edit of the identity: a new layout
