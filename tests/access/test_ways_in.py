"""Each role finds its pages from "Beheer mijn gegevens": a card per role it has (added by the app
that serves that role), whose link opens for it; people without the role see no such card."""

import re

from django.test import Client
from django.urls import reverse

from tests.access.matrix import ROLES

WAYS_IN = {
    "institute": ["accreditation:institute_home", "find:my_offers"],
    "accreditation": ["accreditation:committee_queue"],
    "board": ["accreditation:board_objections", "recertification:board_objections"],
    "certification": ["recertification:committee_queue"],
    "complaints": ["complaints:committee_list"],
    "office": [
        "finance:office",
        "events:office_list",
        "intervision:proposals_office",
        "recertification:office_overview",
    ],
}


def test_every_role_finds_its_pages_on_its_overview_and_only_its_own(personas):
    for role in ROLES[1:]:
        client = Client()
        client.force_login(personas[role].user)
        overview = client.get(reverse("members:home")).content.decode()
        links = set(re.findall(r'href="([^"]+)"', overview))
        for url_name in WAYS_IN.get(role, []):
            url = reverse(url_name)
            assert url in links, (role, url_name)
            assert client.get(url).status_code == 200, (role, url_name)
        others = {reverse(name) for r, names in WAYS_IN.items() if r != role for name in names}
        others.discard(reverse("find:my_offers"))  # a trainer reaches it too, through "My courses and retreats"
        assert not (others & links) - {reverse(n) for n in WAYS_IN.get(role, [])}, role
