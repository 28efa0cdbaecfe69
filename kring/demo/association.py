"""The demo association's address and contact details, so the contact page and the privacy statement
show where to write to; and its public pages, in case the database was emptied by hand."""

from __future__ import annotations

from kring.core import identity, public_pages
from kring.core.models import Association


def seed() -> None:
    public_pages.load()
    association = Association.objects.filter(pk=1).first()
    if association is None or association.email:
        return
    association.street = "Oudegracht 100"
    association.postcode = "3511 AV"
    association.city = "Utrecht"
    association.email = "bureau@kring.example"
    association.phone = "030 123 45 67"
    identity.update(association, by=None, fields=["street", "postcode", "city", "email", "phone"])
