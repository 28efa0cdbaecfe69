"""Group proposals: feeding everyone who is looking to the group former, and the answers.

``proposals_run`` reads the people looking for a group and the groups with free places, turns
them into the former's plain records (the former itself never touches the database), runs it and
stores what it proposes. Suggested places in existing groups become a join request once the person
accepts, so the coordinator still decides. A proposed new group starts once four people have
accepted: the first person who accepted becomes its coordinator (they said yes first, and can hand
the role over with "leave group" later), everyone who accepted becomes a member and gets an e-mail.
Whoever accepts after the start joins straight away while the group has room. A proposal lapses
when declines leave fewer than four people or after ``ANSWER_DAYS`` without starting; until then
open proposals keep their people out of later runs.
"""

from __future__ import annotations

import datetime
import time

from django.db import transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kring.core import audit, emails, geo
from kring.core.access import acting_account
from kring.core.refusals import Refused
from kring.intervision import former
from kring.intervision.models import (
    MAX_SIZE,
    START_WHEN_ACCEPTED,
    Group,
    GroupMember,
    GroupProposal,
    JoinRequest,
    Mode,
    Moment,
    ProposalMember,
    ProposalRun,
    Seeker,
    SeekerAvoid,
)
from kring.intervision.services import refuse_if_full_or_closed
from kring.members.models import Membership, Person, SpokenLanguage, TargetGroup, WorkDomain
from kring.members.people import person_of

ALL_MOMENTS = frozenset(Moment.values)
MODES = {
    Mode.LIVE: frozenset({former.LIVE}),
    Mode.ONLINE: frozenset({former.ONLINE}),
    Mode.BOTH: frozenset({former.LIVE, former.ONLINE}),
}
YEARS = {Seeker.ExperienceLevel.STARTING: 1, Seeker.ExperienceLevel.EXPERIENCED: 6}
ANSWER_DAYS = 30
Answer = ProposalMember.Answer
Status = GroupProposal.Status


# People someone must not be grouped with ---------------------------------------------------------


def _find_person(who: str, me: Person) -> Person:
    """A member by e-mail address, or by full name when exactly one member has it."""
    who = " ".join(who.split())
    members = Person.objects.filter(
        erased_at__isnull=True, pk__in=Membership.objects.current().values("person_id")
    ).exclude(pk=me.pk)
    if "@" in who:
        found = list(members.filter(email__iexact=who)[:2])
    else:
        last = who.rsplit(" ", 1)[-1]
        found = [p for p in members.filter(last_name__icontains=last)[:50] if p.full_name.lower() == who.lower()]
    if len(found) != 1:
        raise Refused(
            _("We could not find exactly one member with this name. Try their e-mail address instead.")
            if found
            else _("We could not find a member with this name or e-mail address."),
            field="who",
        )
    return found[0]


@transaction.atomic
def avoid_add(*, by, who: str) -> SeekerAvoid:
    """Say that I must not be grouped with someone (named, or by e-mail). They are not told."""
    person = person_of(by)
    if not who.strip():
        raise Refused(_("Enter a name or an e-mail address."), field="who")
    other = _find_person(who, person)
    if SeekerAvoid.objects.filter(person=person, other=other).exists():
        raise Refused(_("This person is already on your list."), field="who")
    avoid = SeekerAvoid.objects.create(person=person, other=other)
    audit.record("kring.intervision.avoid.added", by=by, person_id=person.pk, obj=avoid)
    return avoid


@transaction.atomic
def avoid_remove(avoid_id: int, *, by) -> None:
    person = person_of(by)
    deleted, _rows = SeekerAvoid.objects.filter(pk=avoid_id, person=person).delete()
    if not deleted:
        raise Refused(_("This person is not on your list."))
    audit.record("kring.intervision.avoid.removed", by=by, person_id=person.pk)


# The former's input ------------------------------------------------------------------------------


def colleagues_last_year(person_ids, today: datetime.date | None = None) -> dict[int, set[int]]:
    """Who shared a group with whom during the past year (from the membership periods). Reads the
    memberships of the past year in one query, without a list of ids, so it scales with the groups."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=365)
    wanted = set(person_ids)
    by_group: dict[int, list] = {}
    for group_id, person_id, joined, left in GroupMember.objects.filter(
        Q(left_on__isnull=True) | Q(left_on__gte=since)
    ).values_list("group_id", "person_id", "joined_on", "left_on"):
        by_group.setdefault(group_id, []).append((person_id, joined, left or today))
    colleagues: dict[int, set[int]] = {pk: set() for pk in wanted}
    for people in by_group.values():
        for a, a_from, a_to in people:
            if a in wanted:
                colleagues[a].update(b for b, b_from, b_to in people if b != a and a_from <= b_to and b_from <= a_to)
    return colleagues


def _taken_people() -> set[int]:
    """People still in an open proposal (unless they declined it): later runs leave them be."""
    return set(
        ProposalMember.objects.filter(proposal__status=Status.PROPOSED)
        .exclude(answer=Answer.DECLINED)
        .values_list("person_id", flat=True)
    )


def _lapse_old_proposals() -> int:
    """Proposals nobody finished within ``ANSWER_DAYS`` lapse, so their people are considered again."""
    since = timezone.now() - datetime.timedelta(days=ANSWER_DAYS)
    return GroupProposal.objects.filter(status=Status.PROPOSED, created_at__lt=since).update(status=Status.LAPSED)


def former_input() -> tuple[list[former.SeekerProfile], list[former.OpenGroup]]:
    """Everyone actively looking and every open group with free places, as the former's records.
    Left out: people who are no longer a member, are in an open proposal or a group, or wait for an
    answer to a join request."""
    taken = _taken_people() | set(
        JoinRequest.objects.filter(status=JoinRequest.Status.PENDING).values_list("person_id", flat=True)
    )
    in_group = set(
        GroupMember.objects.filter(left_on__isnull=True, group__closed_at__isnull=True).values_list(
            "person_id", flat=True
        )
    )
    members = Membership.objects.current().values("person_id")
    rows = [
        s
        for s in Seeker.objects.filter(
            withdrawn_at__isnull=True, person__erased_at__isnull=True, person__in=members
        ).select_related("work_domain", "target_group", "language")
        if s.person_id not in taken and s.person_id not in in_group
    ]
    ids = [s.person_id for s in rows]
    avoid: dict[int, set[int]] = {pk: set() for pk in ids}
    for a, b in SeekerAvoid.objects.values_list("person_id", "other_id"):
        if a in avoid:
            avoid[a].add(b)
        if b in avoid:
            avoid[b].add(a)
    last_year = colleagues_last_year(ids)
    seekers = []
    for s in rows:
        place = geo.lookup(s.postcode, s.country) if s.postcode else None
        seekers.append(
            former.SeekerProfile(
                id=s.person_id,
                latitude=s.latitude,
                longitude=s.longitude,
                max_distance_km=float(s.max_distance_km),
                modes=MODES[s.mode],
                languages=frozenset({s.language.code if s.language else "nl"}),
                domain=s.work_domain.code if s.work_domain else "",
                target_group=s.target_group.code if s.target_group else "",
                experience_years=YEARS.get(s.experience_level, 6),
                experience_wish=s.experience_wish,
                slots=frozenset(s.moments) or ALL_MOMENTS,
                avoid=frozenset(avoid[s.person_id]),
                last_year=frozenset(last_year[s.person_id]),
                place=place.name if place else "",
            )
        )
    groups = []
    for g in (
        Group.objects.open_for_joining()
        .with_member_count()
        .select_related("work_domain", "target_group", "language")
        .prefetch_related("members")
    ):
        if g.free_places <= 0:
            continue
        groups.append(
            former.OpenGroup(
                id=g.pk,
                mode=g.mode,
                latitude=g.latitude,
                longitude=g.longitude,
                language=g.language.code if g.language else "nl",
                domain=g.work_domain.code if g.work_domain else "",
                target_group=g.target_group.code if g.target_group else "",
                slots=frozenset({g.moment}) if g.moment else ALL_MOMENTS,
                member_ids=frozenset(m.person_id for m in g.members.all() if m.left_on is None),
                free_places=g.free_places,
                experience_mix=g.experience,
            )
        )
    return seekers, groups


# Running the former ------------------------------------------------------------------------------


@transaction.atomic
def proposals_run(*, by=None, seed: int | None = None) -> ProposalRun:
    """Run the group former over everyone looking for a group and store its proposals."""
    seed = int(time.time()) % 100_000 if seed is None else seed
    lapsed = _lapse_old_proposals()
    seekers, groups = former_input()
    began = time.perf_counter()
    outcome = former.form_groups(seekers, groups, former.Parameters(seed=seed))
    seconds = time.perf_counter() - began
    run = ProposalRun.objects.create(
        by=acting_account(by),
        seed=seed,
        seekers_count=len(seekers),
        open_groups_count=len(groups),
        placements_count=len(outcome.placements),
        proposals_count=len(outcome.proposals),
        weakest_score=round(outcome.weakest_score, 4),
        seconds=round(seconds, 3),
        unplaced=[{"person": u.seeker_id, "reason": u.reason} for u in outcome.unplaced],
    )
    made = [
        GroupProposal(
            run=run,
            group_id=p.group_id,
            mode=p.explanation.get("mode", Mode.LIVE),
            slot=p.explanation.get("slot", ""),
            explanation=p.explanation,
            score=p.fit,
        )
        for p in outcome.placements
    ]
    made += [
        GroupProposal(
            run=run,
            mode=p.mode,
            language=p.language,
            slot=p.slot,
            latitude=p.latitude,
            longitude=p.longitude,
            explanation=p.explanation,
            score=p.score,
        )
        for p in outcome.proposals
    ]
    GroupProposal.objects.bulk_create(made)
    people = [(p.seeker_id,) for p in outcome.placements] + [p.members for p in outcome.proposals]
    answers = [
        ProposalMember(proposal=proposal, person_id=pk, position=i)
        for proposal, members in zip(made, people, strict=True)
        for i, pk in enumerate(members)
    ]
    ProposalMember.objects.bulk_create(answers)
    actor = {"by": by} if acting_account(by) else {"process": "proposals_run"}
    audit.record(
        "kring.intervision.proposals.run",
        obj=run,
        seekers=len(seekers),
        open_groups=len(groups),
        placements=len(outcome.placements),
        proposals=len(outcome.proposals),
        unplaced=len(outcome.unplaced),
        lapsed=lapsed,
        **actor,
    )
    return run


# Answering ---------------------------------------------------------------------------------------


def _lock(proposal: GroupProposal, person: Person) -> tuple[GroupProposal, ProposalMember]:
    """The proposal, locked, and the person's place in it (answered or not)."""
    proposal = GroupProposal.objects.select_for_update().get(pk=proposal.pk)
    mine = ProposalMember.objects.filter(proposal=proposal, person=person).first()
    if mine is None:
        raise Refused(_("This proposal is not meant for you."))
    return proposal, mine


def _check_open(proposal: GroupProposal, mine: ProposalMember) -> None:
    if mine.answer:
        raise Refused(_("You have already answered this proposal."))
    if proposal.status == Status.LAPSED:
        raise Refused(
            _(
                "This proposal has lapsed, so it can no longer be answered. "
                "You stay on the list of people looking for a group."
            )
        )


def _group_name(proposal: GroupProposal, language: str) -> str:
    with translation.override(language or "nl"):
        region = proposal.explanation.get("region")
        if region:
            return _("Intervision %(place)s") % {"place": region}
        return _("Online intervision, %(moment)s") % {"moment": moment_label(proposal.slot).lower()}


def _join(group: Group, person: Person) -> None:
    GroupMember.objects.create(group=group, person=person)
    Seeker.objects.filter(person=person, withdrawn_at__isnull=True).update(withdrawn_at=timezone.now())


def _start(proposal: GroupProposal) -> Group:
    accepted = list(
        proposal.answers.filter(answer=Answer.ACCEPTED).select_related("person").order_by("answered_at", "pk")
    )
    coordinator = accepted[0].person
    search = Seeker.objects.filter(person=coordinator).order_by("-created_at").first()
    data = proposal.explanation
    group = Group.objects.create(
        name=_group_name(proposal, coordinator.language),
        coordinator=coordinator,
        mode=proposal.mode,
        postcode=search.postcode if search and proposal.mode == Mode.LIVE else "",
        country=search.country if search else "NL",
        place=data.get("region", ""),
        latitude=proposal.latitude,
        longitude=proposal.longitude,
        work_domain=WorkDomain.objects.filter(code=data.get("domain", "")).first(),
        target_group=TargetGroup.objects.filter(code=data.get("target_group", "")).first(),
        experience=data.get("experience", former.MIXED),
        capacity=min(MAX_SIZE, max(6, proposal.answers.exclude(answer=Answer.DECLINED).count())),
        moment=proposal.slot if proposal.slot in Moment.values else "",
        language=SpokenLanguage.objects.filter(code=proposal.language).first(),
    )
    for answer in accepted:
        _join(group, answer.person)
    proposal.status, proposal.started_group = Status.STARTED, group
    proposal.save(update_fields=["status", "started_group"])
    for answer in accepted:
        person = answer.person
        if person.email:
            transaction.on_commit(
                lambda p=person: emails.send(
                    "intervision-group-started",
                    to=p.email,
                    language=p.language,
                    context={
                        "name": p.first_name,
                        "group": group.name,
                        "group_id": group.pk,
                        "coordinator": coordinator.full_name,
                        "is_coordinator": p.pk == coordinator.pk,
                    },
                )
            )
    return group


def _ask_to_join(proposal: GroupProposal, person: Person) -> None:
    group = Group.objects.select_for_update().get(pk=proposal.group_id)
    refuse_if_full_or_closed(group)
    if group.join_requests.filter(person=person, status=JoinRequest.Status.PENDING).exists():
        raise Refused(_("You already asked to join this group. The coordinator will answer soon."))
    JoinRequest.objects.create(group=group, person=person, message=_("The group former suggested this group to me."))
    proposal.status = Status.STARTED
    proposal.save(update_fields=["status"])
    coordinator = group.coordinator
    if coordinator.email:
        transaction.on_commit(
            lambda: emails.send(
                "intervision-join-request",
                to=coordinator.email,
                language=coordinator.language,
                context={
                    "group": group.name,
                    "group_id": group.pk,
                    "name": person.full_name,
                    "coordinator": coordinator.first_name,
                    "message": _("The group former suggested this group to me."),
                },
            )
        )


@transaction.atomic
def proposal_answer(proposal: GroupProposal, *, by, accept: bool) -> GroupProposal:
    """Accept or decline a proposal. Four accepts start a new group; a later accept joins it while
    it has room (the group row is locked and counted, as when a coordinator accepts a request)."""
    person = person_of(by)
    proposal, mine = _lock(proposal, person)
    if mine.answer == (Answer.ACCEPTED if accept else Answer.DECLINED):
        return proposal  # the same answer again (a double click): nothing changes
    _check_open(proposal, mine)
    if accept and proposal.group_id is not None:
        _ask_to_join(proposal, person)
    elif accept and proposal.status == Status.STARTED:
        group = Group.objects.select_for_update().get(pk=proposal.started_group_id)
        refuse_if_full_or_closed(group)
        _join(group, person)
    mine.answer = Answer.ACCEPTED if accept else Answer.DECLINED
    mine.answered_at = timezone.now()
    mine.save(update_fields=["answer", "answered_at"])
    if proposal.status == Status.PROPOSED and proposal.group_id is None:
        answers = list(proposal.answers.values_list("answer", flat=True))
        if answers.count(Answer.ACCEPTED) >= START_WHEN_ACCEPTED:
            _start(proposal)
        elif len(answers) - answers.count(Answer.DECLINED) < START_WHEN_ACCEPTED:
            proposal.status = Status.LAPSED
            proposal.save(update_fields=["status"])
    elif not accept and proposal.group_id is not None:
        proposal.status = Status.LAPSED
        proposal.save(update_fields=["status"])
    audit.record(
        "kring.intervision.proposal.answered",
        by=by,
        person_id=person.pk,
        obj=proposal,
        answer=mine.answer,
        status=proposal.status,
    )
    return proposal


# Putting an explanation into words ---------------------------------------------------------------


def moment_label(slot: str) -> str:
    return str(Moment(slot).label) if slot in Moment.values else slot


def explain(proposal: GroupProposal, names: dict[str, str] | None = None) -> list[str]:
    """The proposal's reasons in the reader's language: ["Same region: Utrecht", "everyone MBCT", ...]."""
    data, names = proposal.explanation, names or vocabulary_names()
    size = data.get("size") or 0
    parts = []
    if data.get("region"):
        parts.append(_("Same region: %(place)s") % {"place": data["region"]})
    elif proposal.mode == Mode.ONLINE:
        parts.append(_("Online"))
    for key in ("domain", "target_group"):
        if data.get(key):
            name = names.get(data[key], data[key])
            shared = data.get(f"{key}_shared_by")
            if shared is None or shared >= size:
                parts.append(_("everyone %(name)s") % {"name": name} if shared else _("same %(name)s") % {"name": name})
            else:
                parts.append(_("%(count)s of %(size)s %(name)s") % {"count": shared, "size": size, "name": name})
    if data.get("experience") == former.MIXED:
        parts.append(_("mixed experience"))
    elif data.get("experience") == former.UNIFORM:
        parts.append(_("similar experience"))
    if proposal.slot:
        parts.append(moment_label(proposal.slot).lower())
    if data.get("new_colleagues"):
        parts.append(_("new colleagues"))
    return parts


def vocabulary_names() -> dict[str, str]:
    """Names of work domains and target groups by code, in the active language."""
    return {v.code: v.name for model in (WorkDomain, TargetGroup) for v in model.objects.all()}


REASONS = {
    former.NO_COMPATIBLE_MODE: gettext_lazy("no one with a matching way of meeting"),
    former.TOO_FAR: gettext_lazy("no one within reach"),
    former.NO_SHARED_TIME: gettext_lazy("no shared moment"),
    former.CONFLICTS: gettext_lazy("only people they must not be grouped with"),
    former.TOO_FEW_NEARBY: gettext_lazy("too few people nearby"),
}
