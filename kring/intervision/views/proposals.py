"""Group proposals: a seeker's proposals and answers, people not to be grouped with, and the
office's page to run the group former."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from kring.core import refusals
from kring.core.access import allow
from kring.core.refusals import Refused
from kring.intervision import proposals
from kring.intervision.forms import AvoidForm
from kring.intervision.models import GroupProposal, ProposalMember, ProposalRun, SeekerAvoid
from kring.intervision.views import MEMBERS
from kring.members.people import person_of


def proposals_of(person):
    """My proposals, newest first, each with the people still in it and its reasons in words."""
    still_in = ProposalMember.objects.exclude(answer=ProposalMember.Answer.DECLINED).select_related("person")
    items = list(
        GroupProposal.objects.of_person(person)
        .select_related("group", "started_group")
        .prefetch_related(
            Prefetch("answers", queryset=still_in, to_attr="still_in"),
            Prefetch("answers", queryset=ProposalMember.objects.filter(person=person), to_attr="mine"),
        )
    )
    names = proposals.vocabulary_names() if items else {}
    for item in items:
        item.reasons = proposals.explain(item, names)
        item.my_answer = item.mine[0] if item.mine else None
    return items


@allow(*MEMBERS)
def proposal_list(request):
    person = person_of(request.user)
    return render(request, "intervision/proposal_list.html", {"proposals": proposals_of(person)})


@allow(*MEMBERS)
def proposal_detail(request, pk):
    person = person_of(request.user)
    proposal = next((p for p in proposals_of(person) if p.pk == pk), None)
    if proposal is None:
        raise Http404
    return render(request, "intervision/proposal_detail.html", {"proposal": proposal, "me": person})


@allow(*MEMBERS)
@require_POST
def proposal_answer(request, pk, accept: bool):
    person = person_of(request.user)
    proposal = get_object_or_404(GroupProposal.objects.of_person(person), pk=pk)
    try:
        proposals.proposal_answer(proposal, by=request.user, accept=accept)
    except Refused as refused:
        refusals.as_message(request, refused)
    else:
        proposal.refresh_from_db()
        if not accept:
            messages.info(
                request, _("Thank you for letting us know. You stay on the list of people looking for a group.")
            )
        elif proposal.started_group_id:
            messages.info(request, _("Welcome to your new group."))
            return redirect("intervision:group_detail", pk=proposal.started_group_id)
        elif proposal.group_id:
            messages.info(request, _("Your request has been sent. The coordinator will answer you by e-mail."))
        else:
            messages.info(request, _("Thank you. The group starts as soon as four people have said yes."))
    return redirect("intervision:proposal_detail", pk=pk)


@allow(*MEMBERS)
@require_POST
def avoid_add(request):
    form = AvoidForm(request.POST)
    if form.is_valid():
        try:
            proposals.avoid_add(by=request.user, who=form.cleaned_data["who"])
        except Refused as refused:
            refusals.as_message(request, refused)
        else:
            messages.info(request, _("Saved. We will not propose a group with this person in it."))
    else:
        messages.info(request, _("Enter a name or an e-mail address."))
    return redirect("intervision:seeker")


@allow(*MEMBERS)
@require_POST
def avoid_remove(request, pk):
    get_object_or_404(SeekerAvoid, pk=pk, person=person_of(request.user))
    try:
        proposals.avoid_remove(pk, by=request.user)
    except Refused as refused:
        refusals.as_message(request, refused)
    return redirect("intervision:seeker")


def _proposals_page(run: ProposalRun, number):
    """The run's proposals with the people in each and their answers, 50 at a time (three queries)."""
    rows = run.proposals.select_related("group", "started_group").prefetch_related("answers__person")
    page = Paginator(rows.order_by("group_id", "pk"), 50).get_page(number)
    names = proposals.vocabulary_names() if page.object_list else {}
    for item in page:
        item.reasons = proposals.explain(item, names)
    return page


@allow("office")
def proposals_office(request):
    if request.method == "POST":
        run = proposals.proposals_run(by=request.user)
        groups = ngettext("%(count)s new group proposed", "%(count)s new groups proposed", run.proposals_count) % {
            "count": run.proposals_count
        }
        places = ngettext(
            "%(count)s place suggested in an existing group",
            "%(count)s places suggested in existing groups",
            run.placements_count,
        ) % {"count": run.placements_count}
        messages.info(
            request, _("The group former has run: %(groups)s, %(places)s.") % {"groups": groups, "places": places}
        )
        return redirect("intervision:proposals_office")
    run = ProposalRun.objects.select_related("by").first()
    reasons = {}
    for item in run.unplaced if run else []:
        label = str(proposals.REASONS.get(item["reason"], item["reason"]))
        reasons[label] = reasons.get(label, 0) + 1
    statuses = {}
    if run:
        for status in run.proposals.values_list("status", flat=True):
            statuses[status] = statuses.get(status, 0) + 1
    return render(
        request,
        "intervision/proposals_office.html",
        {
            "run": run,
            "reasons": sorted(reasons.items()),
            "started": statuses.get("started", 0),
            "lapsed": statuses.get("lapsed", 0),
            "open": statuses.get("proposed", 0),
            "page": _proposals_page(run, request.GET.get("pagina")) if run else None,
        },
    )
