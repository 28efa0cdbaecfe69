"""Worked examples of the group former, small enough to check by hand, and two instances where
it must match the exact optimum."""

import pytest

from kring.intervision.former import (
    CONFLICTS,
    NO_COMPATIBLE_MODE,
    NO_SHARED_TIME,
    TOO_FAR,
    OpenGroup,
    Parameters,
    SeekerProfile,
    form_groups,
)
from tests.seekers import make_region, make_seekers

UTRECHT = (52.0907, 5.1214)
GRONINGEN = (53.2194, 6.5665)


def utrecht_seeker(i, **wishes):
    values = {
        "id": i,
        "latitude": UTRECHT[0] + 0.005 * (i % 3),
        "longitude": UTRECHT[1] + 0.007 * (i % 4),
        "place": "Utrecht",
        "max_distance_km": 15,
        "modes": frozenset({"live"}),
        "domain": "mbct",
        "target_group": "adults",
        "experience_years": (1, 4, 10)[i % 3],
        "experience_wish": "mixed",
        "slots": frozenset({"mon-evening", "thu-evening"}),
    }
    return SeekerProfile(**(values | wishes))


def group_of(outcome, seeker_id):
    return next((set(p.members) for p in outcome.proposals if seeker_id in p.members), None)


def test_it_keeps_a_must_not_pair_apart_among_six_neighbours():
    seekers = [utrecht_seeker(i) for i in range(6)]
    seekers[0] = utrecht_seeker(0, avoid=frozenset({1}))
    outcome = form_groups(seekers)
    assert len(outcome.proposals) == 1
    assert outcome.placed_count == 5
    members = set(outcome.proposals[0].members)
    assert not {0, 1} <= members
    assert [u.seeker_id for u in outcome.unplaced] in ([0], [1])


def test_it_places_eight_neighbours_in_two_groups_with_a_must_not_pair_apart():
    seekers = [utrecht_seeker(i) for i in range(8)]
    seekers[2] = utrecht_seeker(2, avoid=frozenset({5}))
    outcome = form_groups(seekers)
    assert outcome.placed_count == 8
    assert sorted(len(p.members) for p in outcome.proposals) == [4, 4]
    assert group_of(outcome, 2) != group_of(outcome, 5)


def test_it_explains_a_proposal_as_data():
    outcome = form_groups([utrecht_seeker(i) for i in range(5)])
    (proposal,) = outcome.proposals
    assert proposal.mode == "live"
    assert proposal.slot in {"mon-evening", "thu-evening"}
    assert proposal.explanation["region"] == "Utrecht"
    assert proposal.explanation["domain"] == "mbct"
    assert proposal.explanation["experience"] == "mixed"
    assert proposal.explanation["new_colleagues"] is True


def test_it_reports_why_someone_stays_without_a_group():
    seekers = [utrecht_seeker(i) for i in range(5)]
    seekers += [
        utrecht_seeker(10, latitude=GRONINGEN[0], longitude=GRONINGEN[1], place="Groningen"),
        utrecht_seeker(11, slots=frozenset({"sat-morning"})),
        utrecht_seeker(12, latitude=None, longitude=None),
        utrecht_seeker(13, avoid=frozenset({0, 1, 2})),
    ]
    reasons = {u.seeker_id: u.reason for u in form_groups(seekers).unplaced}
    assert reasons[10] == TOO_FAR
    assert reasons[11] == NO_SHARED_TIME
    assert reasons[12] == NO_COMPATIBLE_MODE
    assert reasons[13] == CONFLICTS


def test_it_never_groups_online_seekers_without_a_shared_language():
    seekers = [utrecht_seeker(i, modes=frozenset({"online"}), languages=frozenset({"nl"})) for i in range(4)]
    seekers += [utrecht_seeker(i, modes=frozenset({"online"}), languages=frozenset({"en"})) for i in range(4, 8)]
    outcome = form_groups(seekers)
    assert sorted(p.language for p in outcome.proposals) == ["en", "nl"]
    assert {frozenset(p.members) for p in outcome.proposals} == {frozenset(range(4)), frozenset(range(4, 8))}


def test_it_fills_free_places_first_and_never_more_than_free():
    group = OpenGroup(
        id="existing",
        mode="live",
        latitude=UTRECHT[0],
        longitude=UTRECHT[1],
        language="nl",
        domain="mbct",
        slots=frozenset({"mon-evening"}),
        member_ids=frozenset({"a", "b", "c", "d", "e"}),
        free_places=2,
        experience_levels=(0, 1, 2, 1, 0),
    )
    outcome = form_groups([utrecht_seeker(i) for i in range(3)], [group])
    assert [pl.group_id for pl in outcome.placements] == ["existing", "existing"]
    assert outcome.proposals == ()
    assert len(outcome.unplaced) == 1


def test_it_does_not_put_someone_in_a_group_with_a_person_they_avoid():
    group = OpenGroup(
        id="existing",
        mode="online",
        language="nl",
        slots=frozenset({"mon-evening"}),
        member_ids=frozenset({"supervisor"}),
        free_places=3,
    )
    seeker = utrecht_seeker(0, modes=frozenset({"online"}), avoid=frozenset({"supervisor"}))
    outcome = form_groups([seeker], [group])
    assert outcome.placements == ()


@pytest.mark.parametrize(("size", "seed"), [(8, 100), (9, 101)])
def test_it_matches_the_exact_optimum_on_tiny_instances(size, seed):
    from kring.intervision.former.exact import solve

    seekers = make_region(size, seed=seed)
    optimum = solve(seekers)
    outcome = form_groups(seekers)
    assert outcome.placed_count == optimum.placed
    assert outcome.weakest_score == pytest.approx(optimum.weakest, abs=1e-4)
    assert outcome.total_score == pytest.approx(optimum.total, abs=1e-4)


def test_it_forms_groups_for_a_realistic_set_of_a_thousand():
    seekers, groups = make_seekers(1000, seed=3)
    outcome = form_groups(seekers, groups, Parameters(seed=3))
    assert outcome.placed_count >= 900
    assert all(4 <= len(p.members) <= 8 for p in outcome.proposals)
    filled = len(outcome.placements)
    assert filled <= sum(g.free_places for g in groups)


def test_it_explains_a_placement_in_an_existing_group():
    group = OpenGroup(
        id="existing",
        mode="online",
        language="nl",
        domain="mbct",
        slots=frozenset({"mon-evening"}),
        member_ids=frozenset({"a", "b", "c", "d"}),
        free_places=1,
    )
    outcome = form_groups([utrecht_seeker(0, modes=frozenset({"online"}))], [group])
    (placement,) = outcome.placements
    assert placement.explanation == {
        "group": "existing",
        "mode": "online",
        "domain": "mbct",
        "slot": "mon-evening",
        "new_colleagues": True,
    }
