import datetime

import pytest
from django.utils import timezone

from kring.members.models import SpokenLanguage, TargetGroup, TaughtProgramme, WorkDomain
from kring.register import search_index
from tests import factories as t

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def public_trainer(
    first_name,
    last_name,
    postcode="3512",
    country="NL",
    *,
    programmes=("mbsr",),
    domains=(),
    targets=(),
    languages=(),
    online=False,
    public=True,
    **registration,
):
    """A registered trainer who made every field public (or none, with ``public=False``)."""
    person = t.PersonFactory(
        first_name=first_name,
        last_name=last_name,
        online=online,
        phone="06 12345678",
        website="https://example.org/" + last_name.lower(),
        about=f"Over {first_name}",
    )
    if postcode:
        t.add_practice(person, postcode, country, street="Oudegracht 1")
    person.programmes.set(TaughtProgramme.objects.filter(code__in=programmes))
    person.work_domains.set(WorkDomain.objects.filter(code__in=domains))
    person.target_groups.set(TargetGroup.objects.filter(code__in=targets))
    person.languages.set(SpokenLanguage.objects.filter(code__in=languages))
    for field in person.PUBLIC_FIELDS:
        setattr(person, f"public_{field}", public)
    person.save()
    return t.make_registration(person, **registration)


@pytest.fixture(autouse=True)
def _proofs_of_this_test_only():
    """Each test has its own file store; the proofs a process remembers belong to an earlier one."""
    from kring.register import documents

    documents.forget_proofs()


@pytest.fixture
def reindex(db):
    """Rebuild the search index after a test has set up its trainers."""
    return search_index.rebuild
