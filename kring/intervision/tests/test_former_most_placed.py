"""The most people any proposal could place (CP-SAT), against which the former is measured."""

import pytest

from kring.intervision.former import OpenGroup, Parameters, SeekerProfile, form_groups
from kring.intervision.former.exact import max_placed, solve
from tests.seekers import make_region, make_seekers

UTRECHT = (52.09, 5.12)


def online_seeker(i, **changes):
    fields = {
        "id": i,
        "latitude": UTRECHT[0],
        "longitude": UTRECHT[1],
        "modes": frozenset({"online"}),
        "slots": frozenset({"mon-evening"}),
    }
    return SeekerProfile(**{**fields, **changes})


@pytest.mark.parametrize(("size", "seed"), [(9, 101), (12, 104)])
def test_it_agrees_with_the_exact_optimum_on_small_regional_instances(size, seed):
    seekers = make_region(size, seed=seed)
    most = max_placed(seekers)
    assert most.proven
    assert most.placed == solve(seekers).placed


def test_it_splits_nine_online_colleagues_into_two_groups_but_not_three_into_one():
    assert max_placed([online_seeker(i) for i in range(9)]).placed == 9
    assert max_placed([online_seeker(i) for i in range(3)]).placed == 0


def test_it_keeps_two_who_avoid_each_other_out_of_one_online_group():
    seekers = [online_seeker(0, avoid=frozenset({1}))] + [online_seeker(i) for i in range(1, 5)]
    assert max_placed(seekers).placed == 4


def test_it_counts_free_places_in_existing_groups():
    group = OpenGroup(id="existing", mode="online", language="nl", slots=frozenset({"mon-evening"}), free_places=2)
    most = max_placed([online_seeker(i) for i in range(3)], [group])
    assert (most.placed, most.in_free_places, most.in_new_groups) == (2, 2, 0)


def test_it_shows_how_many_more_the_sparse_instance_could_place():
    seekers, groups = make_seekers(100, seed=100)
    most = max_placed(seekers, groups)
    outcome = form_groups(seekers, groups, Parameters(seed=1))
    assert most.proven
    assert outcome.placed_count <= most.placed < 76  # 72: below the share the old bound claimed
