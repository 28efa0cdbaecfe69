from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from kring.intervision import rules

MODES = st.sampled_from(["live", "online", "both"])


def thing(**values):
    defaults = {
        "mode": "both",
        "latitude": 52.09,
        "longitude": 5.12,
        "work_domain_id": None,
        "target_group_id": None,
        "language_id": None,
        "experience": "mixed",
        "moment": "",
        "max_distance_km": 30,
        "experience_wish": "",
        "moments": [],
    }
    return SimpleNamespace(**{**defaults, **values})


def test_a_live_group_far_away_does_not_suit():
    assert not rules.group_suits_seeker(thing(mode="live", latitude=50.85), thing(mode="live"))
    assert rules.group_suits_seeker(thing(mode="live"), thing(mode="live"))


def test_stated_wishes_must_match_and_empty_wishes_match_anything():
    assert not rules.group_suits_seeker(thing(work_domain_id=1), thing(work_domain_id=2))
    assert rules.group_suits_seeker(thing(work_domain_id=1), thing())
    assert not rules.group_suits_seeker(thing(moment="weekend"), thing(moments=["weekday-evening"]))
    assert not rules.group_suits_seeker(thing(experience="uniform"), thing(experience_wish="mixed"))


@given(MODES, MODES)
def test_online_only_and_live_only_never_meet(seeker_mode, group_mode):
    fits = rules.modes_fit(seeker_mode, group_mode)
    if {seeker_mode, group_mode} == {"live", "online"}:
        assert not fits
    else:
        assert fits


@given(st.integers(min_value=0, max_value=20))
def test_progress_never_passes_one_hundred_percent(confirmed):
    progress = rules.meetings_progress(confirmed)
    assert 0 <= progress["percent"] <= 100 and progress["done"] == (confirmed >= 4)
