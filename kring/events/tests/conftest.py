import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_messages():
    """The services' refusals are matched on their English text here; the pages' Dutch is the
    translations test's business."""
    translation.activate("en")
    yield
    translation.activate("nl")
