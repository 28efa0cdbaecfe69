"""The overview page, the "format intervisie" (records per meeting and per year, as PDF and data) and
the search for a group."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kring.core import refusals
from kring.core.access import allow
from kring.core.pdf import render as pdf_render
from kring.core.refusals import Refused
from kring.intervision import queries, rules, services
from kring.intervision.forms import AvoidForm, RecordForm, SeekerForm
from kring.intervision.models import GroupProposal, IntervisionRecord, SeekerAvoid
from kring.intervision.views import MEMBERS
from kring.members.people import person_of


@allow(*MEMBERS)
def home(request):
    person = person_of(request.user)
    year = timezone.localdate().year
    groups = queries.my_groups(person)
    upcoming = (
        queries.meetings_visible_to(person)
        .filter(starts_at__gte=timezone.now())
        .select_related("group")
        .order_by("starts_at")[:5]
    )
    return render(
        request,
        "intervision/home.html",
        {
            "groups": groups,
            "upcoming": upcoming,
            "year": year,
            "me": person,
            "progress": rules.meetings_progress(queries.confirmed_attendances(person, year).count()),
            "pending": queries.pending_requests_for(person),
            "search": queries.active_search(person),
            "open_proposals": _open_proposals(person),
        },
    )


def _open_proposals(person) -> int:
    """How many group proposals wait for this person's answer."""
    return (
        GroupProposal.objects.of_person(person)
        .filter(status=GroupProposal.Status.PROPOSED, answers__person=person, answers__answer="")
        .count()
    )


@allow(*MEMBERS)
def record_edit(request, pk):
    person = person_of(request.user)
    meeting = queries.meeting_for_member(request.user, pk)
    record = IntervisionRecord.objects.filter(meeting=meeting, person=person).first()
    form = RecordForm(request.POST or None, instance=record)
    if request.method == "POST" and form.is_valid():
        try:
            services.record_save(meeting, by=request.user, **form.cleaned_data)
        except Refused as refused:
            refusals.on_form(form, refused)
        else:
            messages.info(request, _("Your record is saved."))
            return redirect("intervision:record_list")
    return render(request, "intervision/record_form.html", {"form": form, "meeting": meeting})


def _year(year: str | int | None) -> int:
    year = int(year or timezone.localdate().year)
    if not 2000 <= year <= 2100:
        raise Http404
    return year


@allow(*MEMBERS)
def record_list(request):
    person = person_of(request.user)
    year = _year(request.GET.get("jaar") if (request.GET.get("jaar") or "").isdigit() else None)
    attendances = queries.records_of_year(person, year)
    confirmed = sum(1 for a in attendances if a.is_confirmed)
    return render(
        request,
        "intervision/record_list.html",
        {
            "attendances": attendances,
            "year": year,
            "progress": rules.meetings_progress(confirmed),
            "years": range(timezone.localdate().year, timezone.localdate().year - 5, -1),
        },
    )


def _year_data(person, year: int, attendances) -> dict:
    """The yearly overview as data, for the register."""
    return {
        "person": person.full_name,
        "year": year,
        "registrations": list(person.registrations.values_list("number", flat=True)),
        "confirmed_meetings": sum(1 for a in attendances if a.is_confirmed),
        "meetings": [
            {
                "date": timezone.localtime(a.meeting.starts_at).date().isoformat(),
                "starts_at_utc": a.meeting.starts_at.astimezone(datetime.UTC).isoformat(),
                "duration_minutes": a.meeting.duration_minutes,
                "group": a.meeting.group.name,
                "mode": a.meeting.mode,
                "method": a.meeting.get_method_display(),
                "mbi_tac_domain": a.meeting.get_mbi_tac_domain_display(),
                "confirmed": a.is_confirmed,
                "participants": [
                    {"name": other.person.full_name, "confirmed": other.is_confirmed}
                    for other in a.meeting.attendances.all()
                ],
                "topics": a.record.topics if a.record else "",
                "report": a.record.report if a.record else "",
                "reflection": a.record.reflection if a.record else "",
            }
            for a in attendances
        ],
    }


def _pdf(request, person, year: int, attendances, filename: str) -> HttpResponse:
    """The record as PDF. The reflection is private: ``?reflectie=nee`` leaves it out, for handing in."""
    html = render_to_string(
        "intervision/record_pdf.html",
        {
            "person": person,
            "year": year,
            "attendances": attendances,
            "with_reflection": request.GET.get("reflectie") != "nee",
            "registrations": person.registrations.all(),
            "confirmed": sum(1 for a in attendances if a.is_confirmed),
            "printed_on": timezone.localdate(),
        },
        request=request,
    )
    pdf = pdf_render(html)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@allow(*MEMBERS)
def record_year_pdf(request, year):
    person = person_of(request.user)
    year = _year(year)
    return _pdf(request, person, year, queries.records_of_year(person, year), f"intervisie-{year}.pdf")


@allow(*MEMBERS)
def record_year_json(request, year):
    person = person_of(request.user)
    year = _year(year)
    response = JsonResponse(
        _year_data(person, year, queries.records_of_year(person, year)),
        json_dumps_params={"ensure_ascii": False, "indent": 2},
    )
    response["Content-Disposition"] = f'attachment; filename="intervisie-{year}.json"'
    return response


@allow(*MEMBERS)
def record_pdf(request, pk):
    person = person_of(request.user)
    meeting = queries.meeting_for_member(request.user, pk)
    year = timezone.localtime(meeting.starts_at).year
    attendances = [a for a in queries.records_of_year(person, year) if a.meeting_id == meeting.pk]
    if not attendances:
        raise Http404
    return _pdf(request, person, year, attendances, f"intervisie-{timezone.localtime(meeting.starts_at):%Y-%m-%d}.pdf")


@allow(*MEMBERS)
def seeker(request):
    person = person_of(request.user)
    search = queries.active_search(person)
    initial = {}
    if search is None:
        practice = queries.home_place(person)
        if practice:
            initial = {"postcode": practice.postcode, "country": practice.country}
    form = SeekerForm(request.POST or None, instance=search, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.seeker_register(by=request.user, **form.cleaned_data)
        except Refused as refused:
            refusals.on_form(form, refused)
        else:
            messages.info(request, _("Your wishes are saved. Below you find groups that suit them."))
            return redirect("intervision:seeker")
    return render(
        request,
        "intervision/seeker.html",
        {
            "form": form,
            "search": search,
            "groups": queries.matching_groups(search) if search else [],
            "avoid_form": AvoidForm(),
            "avoids": SeekerAvoid.objects.filter(person=person).select_related("other"),
            "open_proposals": _open_proposals(person),
        },
    )


@allow(*MEMBERS)
@require_POST
def seeker_withdraw(request):
    search = queries.active_search(person_of(request.user))
    if search is None:
        return redirect("intervision:seeker")
    try:
        services.seeker_withdraw(search, by=request.user)
    except Refused as refused:
        refusals.as_message(request, refused)
    else:
        messages.info(request, _("You are no longer listed as looking for a group."))
    return redirect("intervision:home")
