"""Finding "my" records: the person of the logged-in account, and objects that belong to them.
Another person's id gives 404, because the owner is part of the query."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from kring.members.models import Person, PracticeAddress


def person_for_user(user) -> Person:
    """The account's person. Accounts made before sign-up asked for a name get one now."""
    person = Person.objects.filter(user=user).first()
    if person is None:
        from kring.members.services import person_start

        person = person_start(user, by=user)
    return person


def practice_for_user(user, pk: int) -> PracticeAddress:
    return get_object_or_404(PracticeAddress.objects.select_related("person"), pk=pk, person__user=user)
