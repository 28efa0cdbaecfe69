"""Progress against a scheme: per requirement, per year where asked, exact on the cycle's boundaries."""

import datetime
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from kring.recertification import rules
from kring.recertification.models import CertificationScheme, SchemeRequirement
from kring.register.models import Level

START = datetime.date(2024, 3, 1)
END = rules.cycle_end(START, 5)


def fact(kind, on, hours="0", days="0"):
    return rules.ActivityFact(kind=kind, date=on, hours=Decimal(hours), days=Decimal(days))


def test_it_ends_a_five_year_cycle_the_day_before_the_fifth_anniversary():
    assert datetime.date(2029, 2, 28) == END
    assert rules.cycle_end(datetime.date(2024, 2, 29), 1) == datetime.date(2025, 2, 27)


def test_it_counts_activities_on_the_first_and_last_day_but_not_the_day_after():
    activities = [
        fact("supervision", START, "3"),
        fact("supervision", END, "4"),
        fact("supervision", END + datetime.timedelta(days=1), "50"),
        fact("supervision", START - datetime.timedelta(days=1), "50"),
    ]
    [supervision] = rules.progress([("supervision_hours", 10)], activities, START, END)
    assert supervision.done == 7
    assert supervision.open == 3
    assert not supervision.met
    assert supervision.next_open(START).ends_on == END


def test_it_counts_intervision_per_cycle_year():
    activities = [fact("intervision", START) for _ in range(4)]
    activities += [fact("intervision", datetime.date(2025, 2, 28))]  # last day of the first year
    activities += [fact("intervision", datetime.date(2025, 3, 1)) for _ in range(2)]  # first day of year two
    [intervision] = rules.progress([("intervision_per_year", 4)], activities, START, END)
    assert [s.done for s in intervision.stretches] == [5, 2, 0, 0, 0]
    assert intervision.stretches[0].met and not intervision.stretches[1].met
    # a busy year does not make up for a quiet one
    assert intervision.done == 6 and intervision.required == 20
    assert intervision.next_open(datetime.date(2025, 6, 1)).ends_on == datetime.date(2026, 2, 28)


def test_it_measures_each_requirement_by_its_own_kinds():
    activities = [
        fact("retreat", START, days="6"),
        fact("course_taught", START, "20"),
        fact("course_followed", START, "12"),
        fact("own_practice", START, "3"),
    ]
    progress = {
        p.kind: p
        for p in rules.progress([("retreat_days", 5), ("courses_taught", 5), ("cpd_hours", 50)], activities, START, END)
    }
    assert progress["retreat_days"].met
    assert progress["courses_taught"].done == 1
    assert progress["cpd_hours"].done == 15  # teaching is not counted as development


@given(st.lists(st.integers(min_value=-400, max_value=2200), max_size=40))
def test_it_never_counts_a_day_outside_the_cycle(offsets):
    activities = [fact("course_taught", START + datetime.timedelta(days=o), "1") for o in offsets]
    [taught] = rules.progress([("courses_taught", 1000)], activities, START, END)
    assert taught.done == sum(1 for o in offsets if START <= START + datetime.timedelta(days=o) <= END)


def test_a_new_scheme_version_applies_to_cycles_that_start_after_it(db):
    old = CertificationScheme.objects.get(level=Level.SPECIALIST, version=1)
    new = CertificationScheme.objects.create(
        level=Level.SPECIALIST, version=2, valid_from=datetime.date(2027, 1, 1), cycle_years=4
    )
    SchemeRequirement.objects.create(scheme=new, kind="cpd_hours", amount=80)
    assert CertificationScheme.objects.for_cycle(Level.SPECIALIST, datetime.date(2026, 12, 31)) == old
    assert CertificationScheme.objects.for_cycle(Level.SPECIALIST, datetime.date(2027, 1, 1)) == new
    assert CertificationScheme.objects.for_cycle(Level.SPECIALIST, datetime.date(2010, 1, 1)) == old


def test_it_keeps_an_existing_cycle_on_its_scheme_when_a_new_version_arrives(trainer):
    from kring.recertification.services import cycles

    cycle = cycles.current_cycle(trainer)
    CertificationScheme.objects.create(
        level=Level.SPECIALIST, version=2, valid_from=datetime.date.today(), cycle_years=4
    )
    assert cycles.current_cycle(trainer).scheme == cycle.scheme
    assert cycle.scheme.version == 1


def test_the_next_cycle_after_a_decision_follows_the_new_scheme_version(trainer, certification):
    from kring.recertification.services import committee, cycles, dossiers

    cycle = cycles.current_cycle(trainer)
    next_start = cycle.ends_on + datetime.timedelta(days=1)
    new = CertificationScheme.objects.create(
        level=Level.SPECIALIST, version=2, valid_from=datetime.date.today(), cycle_years=4
    )
    SchemeRequirement.objects.create(scheme=new, kind="cpd_hours", amount=80)
    dossier = dossiers.dossier_for_cycle(cycle)
    dossiers.dossier_submit(dossier, by=trainer.user)
    committee.dossier_decide(dossier, outcome="accept", reason="Goed.", by=certification.user)

    registration = cycles.current_registration(trainer)
    next_cycle = cycles.cycle_for(registration, next_start)
    assert next_cycle.scheme == new
    assert next_cycle.ends_on == rules.cycle_end(next_start, 4)
    assert cycles.cycle_for(registration, cycle.ends_on).scheme.version == 1
    [cpd] = cycles.cycle_progress(next_cycle, trainer)
    assert cpd.required == 80
