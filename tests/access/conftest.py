"""The personas of the access matrix: one of each role, in one database per test."""

import pytest

from tests.access.matrix import personas_of


@pytest.fixture
def personas(db, request):
    return personas_of(request)
