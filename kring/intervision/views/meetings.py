"""Planning meetings, their agenda, and noting and confirming who was there."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kring.core import refusals
from kring.core.access import allow
from kring.core.refusals import Refused
from kring.intervision import queries, services
from kring.intervision.forms import MeetingForm
from kring.intervision.models import Attendance, AttendanceConfirmation, GroupMember, Meeting
from kring.intervision.views import MEMBERS
from kring.members.people import person_of


def _fields(form) -> dict:
    return {f: form.cleaned_data[f] for f in form.Meta.fields}


@allow(*MEMBERS)
def meeting_plan(request, pk):
    group = queries.group_for_coordinator(request.user, pk)
    form = MeetingForm(request.POST or None, initial={"mode": group.mode})
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.meeting_plan(group, by=request.user, **_fields(form))
        except Refused as refused:
            refusals.on_form(form, refused)
        else:
            messages.info(request, _("The meeting is planned."))
            return redirect("intervision:meeting_detail", pk=meeting.pk)
    return render(request, "intervision/meeting_form.html", {"form": form, "group": group})


@allow(*MEMBERS)
def meeting_update(request, pk):
    meeting = queries.meeting_for_member(request.user, pk)
    group = queries.group_for_coordinator(request.user, meeting.group_id)
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        try:
            services.meeting_update(Meeting.objects.get(pk=pk), by=request.user, **_fields(form))
        except Refused as refused:
            refusals.on_form(form, refused)
        else:
            messages.info(request, _("The meeting is saved."))
            return redirect("intervision:meeting_detail", pk=pk)
    return render(request, "intervision/meeting_form.html", {"form": form, "group": group, "meeting": meeting})


@allow(*MEMBERS)
def meeting_detail(request, pk):
    person = person_of(request.user)
    meeting = queries.meeting_for_member(request.user, pk)
    attendances = list(
        meeting.attendances.select_related("person").prefetch_related(
            Prefetch("confirmations", queryset=AttendanceConfirmation.objects.select_related("by"))
        )
    )
    present = {a.person_id for a in attendances}
    for attendance in attendances:
        attendance.confirmed_by_me = any(c.by_id == person.pk for c in attendance.confirmations.all())
    is_coordinator = meeting.group.coordinator_id == person.pk
    absent = []
    if is_coordinator and meeting.has_started:
        absent = [
            m.person
            for m in GroupMember.objects.filter(group=meeting.group, left_on__isnull=True)
            .exclude(person__in=present)
            .select_related("person")
        ]
    return render(
        request,
        "intervision/meeting_detail.html",
        {
            "meeting": meeting,
            "attendances": attendances,
            "is_coordinator": is_coordinator,
            "i_attended": person.pk in present,
            "absent": absent,
            "me": person,
            "frozen": any(a.is_confirmed for a in attendances),
        },
    )


@allow(*MEMBERS)
@require_POST
def attendance_register(request, pk):
    meeting = queries.meeting_for_member(request.user, pk)
    person = None
    if request.POST.get("person"):
        person = get_object_or_404(
            GroupMember.objects.select_related("person"),
            group=meeting.group,
            person_id=request.POST["person"],
            left_on__isnull=True,
        ).person
    try:
        services.attendance_register(meeting, by=request.user, person=person)
    except Refused as refused:
        refusals.as_message(request, refused)
    else:
        messages.info(request, _("Attendance noted."))
    return redirect("intervision:meeting_detail", pk=pk)


@allow(*MEMBERS)
@require_POST
def attendance_confirm(request, pk):
    person = person_of(request.user)
    attendance = get_object_or_404(Attendance, pk=pk, meeting__in=queries.meetings_visible_to(person))
    try:
        attendance = services.attendance_confirm(attendance, by=request.user)
    except Refused as refused:
        refusals.as_message(request, refused)
    else:
        if attendance.is_confirmed:
            messages.info(request, _("Attendance confirmed. It now counts in the CPD log."))
        else:
            messages.info(request, _("Thank you. One more confirmation by another attendee is needed."))
    return redirect("intervision:meeting_detail", pk=attendance.meeting_id)
