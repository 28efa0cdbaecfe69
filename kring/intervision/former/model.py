"""The group former's input and output, as plain data.

Nothing here touches the database: the office's task turns seekers and groups into these records,
runs the former and stores the proposals it returns. Explanations are structured data (keys and
values) so that the interface can put them into words in the reader's language.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

LIVE, ONLINE, BOTH = "live", "online", "both"
MIXED, UNIFORM = "mixed", "uniform"

# Why someone could not be placed, from the most basic cause to the least.
NO_COMPATIBLE_MODE = "no_compatible_mode"
TOO_FAR = "too_far"
NO_SHARED_TIME = "no_shared_time"
CONFLICTS = "conflicts"
TOO_FEW_NEARBY = "too_few_nearby"
REASONS = (NO_COMPATIBLE_MODE, TOO_FAR, NO_SHARED_TIME, CONFLICTS, TOO_FEW_NEARBY)

# Experience in years becomes a level: starting, experienced, senior.
LEVEL_BOUNDS = (2, 6)


def experience_level(years: int) -> int:
    """0 for fewer than 2 years of teaching, 1 for 2 to 5 years, 2 for 6 years or more."""
    return sum(years >= bound for bound in LEVEL_BOUNDS)


@dataclass(frozen=True)
class SeekerProfile:
    """A trainer looking for an intervision group, with their wishes.

    ``avoid`` holds the people they must never be grouped with (either side may say so);
    ``last_year`` the colleagues they met in last year's group. ``place`` is only used to
    explain a proposal ("region: Utrecht").
    """

    id: Hashable
    latitude: float | None = None
    longitude: float | None = None
    max_distance_km: float = 25.0
    modes: frozenset[str] = frozenset({LIVE})
    languages: frozenset[str] = frozenset({"nl"})
    domain: str = ""
    target_group: str = ""
    experience_years: int = 0
    experience_wish: str = ""  # MIXED, UNIFORM or "" for no wish
    slots: frozenset[str] = frozenset()
    avoid: frozenset = frozenset()
    last_year: frozenset = frozenset()
    place: str = ""

    @property
    def has_location(self) -> bool:
        return self.latitude is not None and self.longitude is not None


@dataclass(frozen=True)
class OpenGroup:
    """An existing group with free places. ``mode`` is live, online or both (hybrid: a seeker who
    only comes live must live within reach of the meeting place)."""

    id: Hashable
    mode: str = LIVE
    latitude: float | None = None
    longitude: float | None = None
    language: str = "nl"
    domain: str = ""
    target_group: str = ""
    slots: frozenset[str] = frozenset()
    member_ids: frozenset = frozenset()
    free_places: int = 1
    experience_levels: tuple[int, ...] = ()
    experience_mix: str = MIXED


@dataclass(frozen=True)
class Weights:
    """How much each soft wish counts in a group's score (they add up to 1)."""

    domain: float = 0.25
    target_group: float = 0.15
    experience: float = 0.20
    travel: float = 0.20
    new_colleagues: float = 0.10
    size: float = 0.10


@dataclass(frozen=True)
class Parameters:
    min_size: int = 4
    max_size: int = 8
    preferred_sizes: tuple[int, ...] = (5, 6)
    seed: int = 0
    weights: Weights = field(default_factory=Weights)
    # Score evaluations the improvement phase may spend per seeker; keeps the run time linear.
    effort: int = 4


@dataclass(frozen=True)
class Placement:
    """A seeker placed in an existing group's free place."""

    seeker_id: Hashable
    group_id: Hashable
    fit: float
    explanation: dict


@dataclass(frozen=True)
class Proposal:
    """A proposed new group. ``latitude``/``longitude`` is the suggested meeting centre (live only)."""

    members: tuple
    mode: str
    latitude: float | None
    longitude: float | None
    slot: str
    language: str
    score: float
    explanation: dict


@dataclass(frozen=True)
class Unplaced:
    seeker_id: Hashable
    reason: str


@dataclass(frozen=True)
class FormingOutcome:
    placements: tuple[Placement, ...]
    proposals: tuple[Proposal, ...]
    unplaced: tuple[Unplaced, ...]

    @property
    def placed_count(self) -> int:
        return len(self.placements) + sum(len(p.members) for p in self.proposals)

    @property
    def weakest_score(self) -> float:
        """The weakest proposed group's score (1.0 when nothing new is proposed)."""
        return min((p.score for p in self.proposals), default=1.0)

    @property
    def total_score(self) -> float:
        return sum(p.score for p in self.proposals)
