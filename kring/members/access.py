"""Finding "my" records: objects that belong to the logged-in account's person (the person itself
comes from ``kring.members.people.person_of``). Another person's id gives 404, because the owner is
part of the query."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from kring.members.models import PracticeAddress


def practice_for_user(user, pk: int) -> PracticeAddress:
    return get_object_or_404(PracticeAddress.objects.select_related("person"), pk=pk, person__user=user)
