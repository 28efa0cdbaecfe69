"""The personas of the access matrix: one of each role, in one database per test."""

import pytest


@pytest.fixture
def personas(db, outsider, member, trainer, office, board, certification, accreditation, complaints, institute):
    return {
        "anonymous": None,
        "outsider": outsider,
        "member": member,
        "trainer": trainer,
        "office": office,
        "board": board,
        "certification": certification,
        "accreditation": accreditation,
        "complaints": complaints,
        "institute": institute,
    }
