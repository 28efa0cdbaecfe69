"""Finding, offering and running a group; asking to join and answering."""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kring.core import refusals
from kring.core.access import allow
from kring.core.refusals import Refused
from kring.intervision import queries, services
from kring.intervision.forms import DecisionForm, FindForm, GroupForm, JoinRequestForm, LeaveForm
from kring.intervision.models import Group, JoinRequest
from kring.intervision.views import MEMBERS
from kring.members.people import person_of


@allow(*MEMBERS)
def group_list(request):
    person = person_of(request.user)
    form = FindForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    origin = queries.home_place(person)
    groups = queries.find_groups(
        origin=origin,
        distance_km=filters.get("distance"),
        work_domain=filters.get("work_domain"),
        target_group=filters.get("target_group"),
        mode=filters.get("mode", ""),
        kind=filters.get("kind", ""),
        free_only=not filters.get("all"),
    )
    return render(request, "intervision/group_list.html", {"form": form, "groups": groups, "origin": origin})


@allow(*MEMBERS)
def group_detail(request, pk):
    person = person_of(request.user)
    group = get_object_or_404(
        Group.objects.with_member_count().select_related("coordinator", "work_domain", "target_group", "language"),
        pk=pk,
    )
    is_member = group.current_members().filter(person=person).exists()
    context = {
        "group": group,
        "is_member": is_member,
        "is_coordinator": group.coordinator_id == person.pk,
        "pending": group.join_requests.filter(person=person, status=JoinRequest.Status.PENDING).first(),
        "origin": queries.home_place(person),
        "form": JoinRequestForm(),
    }
    if is_member:
        context["members"] = group.current_members().select_related("person")
        context["meetings"] = group.meetings.all()
    return render(request, "intervision/group_detail.html", context)


@allow(*MEMBERS)
def group_offer(request):
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            group = services.group_offer(by=request.user, **{f: form.cleaned_data[f] for f in form.Meta.fields})
        except Refused as refused:
            refusals.on_form(form, refused)
        else:
            messages.info(request, _("Your group is online. Members can now find it and ask to join."))
            return redirect("intervision:group_detail", pk=group.pk)
    return render(request, "intervision/group_form.html", {"form": form})


@allow(*MEMBERS)
def group_update(request, pk):
    group = queries.group_for_coordinator(request.user, pk)
    form = GroupForm(request.POST or None, instance=group)
    if request.method == "POST" and form.is_valid():
        try:
            services.group_update(
                Group.objects.get(pk=pk), by=request.user, **{f: form.cleaned_data[f] for f in form.Meta.fields}
            )
        except Refused as refused:
            refusals.on_form(form, refused)
        else:
            messages.info(request, _("The group's details are saved."))
            return redirect("intervision:group_detail", pk=pk)
    return render(request, "intervision/group_form.html", {"form": form, "group": group})


@allow(*MEMBERS)
def group_close(request, pk):
    group = queries.group_for_coordinator(request.user, pk)
    if request.method == "POST":
        try:
            services.group_close(group, by=request.user)
        except Refused as refused:
            refusals.as_message(request, refused)
        else:
            messages.info(request, _("The group is closed. Thank you for all the meetings you held together."))
        return redirect("intervision:home")
    return render(request, "intervision/group_close.html", {"group": group})


@allow(*MEMBERS)
@require_POST
def join_request_create(request, pk):
    group = get_object_or_404(Group.objects.with_member_count(), pk=pk)
    form = JoinRequestForm(request.POST)
    if form.is_valid():
        try:
            services.join_request_create(group, by=request.user, message=form.cleaned_data["message"])
        except Refused as refused:
            refusals.as_message(request, refused)
        else:
            messages.info(request, _("Your request has been sent. The coordinator will answer you by e-mail."))
    return redirect("intervision:group_detail", pk=pk)


@allow(*MEMBERS)
def group_leave(request, pk):
    group = queries.group_for_member(request.user, pk)
    person = person_of(request.user)
    # Bound on every POST: a member's form has no fields, so its POST may hold nothing but the token.
    form = LeaveForm(request.POST if request.method == "POST" else None, group=group, person=person)
    if request.method == "POST" and form.is_valid():
        try:
            services.group_leave(group, by=request.user, successor=form.cleaned_data.get("successor"))
        except Refused as refused:
            refusals.on_form(form, refused)
        else:
            messages.info(request, _("You have left %(group)s.") % {"group": group.name})
            return redirect("intervision:home")
    return render(request, "intervision/group_leave.html", {"group": group, "form": form})


@allow(*MEMBERS)
def join_request_list(request, pk):
    group = queries.group_for_coordinator(request.user, pk)
    requests = group.join_requests.select_related("person").order_by("-created_at")
    return render(request, "intervision/join_request_list.html", {"group": group, "requests": requests})


@allow(*MEMBERS)
def join_request_decide(request, pk, accept: bool):
    join_request = get_object_or_404(
        JoinRequest.objects.select_related("group__coordinator", "person"),
        pk=pk,
        group__coordinator=person_of(request.user),
    )
    initial = services.accept_message(join_request) if accept else services.decline_message(join_request)
    form = DecisionForm(request.POST or None, initial={"message": initial})
    if request.method == "POST" and form.is_valid():
        service = services.join_request_accept if accept else services.join_request_decline
        try:
            service(join_request, by=request.user, message=form.cleaned_data["message"])
        except Refused as refused:
            refusals.on_form(form, refused)
        else:
            messages.info(request, _("Your answer has been sent to %(name)s.") % {"name": join_request.person})
            return redirect("intervision:join_request_list", pk=join_request.group_id)
    return render(
        request, "intervision/join_request_decide.html", {"join_request": join_request, "form": form, "accept": accept}
    )


@allow(*MEMBERS)
def group_seekers(request, pk):
    group = get_object_or_404(Group.objects.with_member_count(), pk=pk, coordinator=person_of(request.user))
    return render(
        request, "intervision/group_seekers.html", {"group": group, "seekers": queries.matching_seekers(group)}
    )
