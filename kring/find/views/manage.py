"""A trainer's own courses and retreats ("Mijn aanbod", reached from "Beheer mijn gegevens")."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kring.accreditation.access import institute_for_user, institutes_of
from kring.core.access import INSTITUTE, TRAINER, allow, roles_of
from kring.core.refusals import Refused, on_form
from kring.find import services
from kring.find.forms import AttendanceForm, CourseForm, RetreatForm
from kring.find.models import Course, Retreat
from kring.members.people import person_of


def own(rows, user, pk):
    """A course or retreat of the logged-in trainer's own registrations, or a retreat of an institute
    the account acts for; anyone else's gives 404."""
    mine, related = Q(registration__person=person_of(user)), ["registration"]
    if rows.model is Retreat:
        mine, related = mine | Q(institute__in=institutes_of(user)), [*related, "institute"]
    offer = rows.filter(mine, pk=pk).select_related(*related).first()
    if offer is None:
        raise Http404
    return offer


@allow(TRAINER, INSTITUTE)
def my_offers(request):
    person = person_of(request.user)
    institutes = list(institutes_of(request.user))
    mine = Q(registration__person=person) | Q(institute__in=institutes)
    return render(
        request,
        "find/my_offers.html",
        {
            "courses": list(
                Course.objects.filter(registration__person=person).select_related("programme").order_by("-starts_on")
            ),
            "retreats": list(Retreat.objects.filter(mine).select_related("institute").order_by("-starts_on")),
            "institutes": institutes,
            "is_trainer": TRAINER in roles_of(request.user),
            "today": timezone.localdate(),
        },
    )


def _form_page(request, form, template, context=None):
    return render(request, template, {"form": form, **(context or {})})


def _offer_form(request, form, save, success: str, template: str, context=None):
    """The form of a course or retreat: ``save(cleaned_data)`` on a valid POST, back to "Mijn aanbod"
    with ``success``; a refusal on its field."""
    if request.method == "POST" and form.is_valid():
        try:
            save(form.cleaned_data)
        except Refused as refused:
            on_form(form, refused)
        else:
            messages.success(request, success)
            return redirect("find:my_offers")
    return _form_page(request, form, template, context)


@allow(TRAINER)
def course_add(request):
    person = person_of(request.user)
    return _offer_form(
        request,
        CourseForm(request.POST or None),
        lambda data: services.course_announce(person=person, data=data, by=request.user),
        _("Your course is announced."),
        "find/course_form.html",
    )


@allow(TRAINER)
def course_edit(request, pk):
    course = own(Course.objects.all(), request.user, pk)
    return _offer_form(
        request,
        CourseForm(request.POST or None, initial=CourseForm.initial_of(course)),
        lambda data: services.course_change(course, data=data, by=request.user),
        _("Your course is saved."),
        "find/course_form.html",
        {"course": course},
    )


@allow(TRAINER)
@require_POST
def course_withdraw(request, pk):
    services.course_withdraw(own(Course.objects.all(), request.user, pk), by=request.user)
    messages.info(request, _("The course is withdrawn. It is no longer listed."))
    return redirect("find:my_offers")


@allow(TRAINER, INSTITUTE)
def retreat_add(request, institute_pk=None):
    """A trainer announces their own retreat; with ``institute_pk``, staff announce one for the institute."""
    institute = institute_for_user(request.user, institute_pk) if institute_pk is not None else None
    if institute is None and TRAINER not in roles_of(request.user):
        raise Http404
    organiser = {"institute": institute} if institute else {"person": person_of(request.user)}
    return _offer_form(
        request,
        RetreatForm(request.POST or None),
        lambda data: services.retreat_announce(**organiser, data=data, by=request.user),
        _("Your retreat is announced."),
        "find/retreat_form.html",
        {"institute": institute},
    )


@allow(TRAINER, INSTITUTE)
def retreat_edit(request, pk):
    retreat = own(Retreat.objects.all(), request.user, pk)
    return _offer_form(
        request,
        RetreatForm(request.POST or None, initial=RetreatForm.initial_of(retreat)),
        lambda data: services.retreat_change(retreat, data=data, by=request.user),
        _("Your retreat is saved."),
        "find/retreat_form.html",
        {"retreat": retreat},
    )


@allow(TRAINER, INSTITUTE)
@require_POST
def retreat_withdraw(request, pk):
    services.retreat_withdraw(own(Retreat.objects.all(), request.user, pk), by=request.user)
    messages.info(request, _("The retreat is withdrawn. It is no longer listed."))
    return redirect("find:my_offers")


@allow(TRAINER, INSTITUTE)
def retreat_attendance(request, pk):
    retreat = own(Retreat.objects.all(), request.user, pk)
    form = AttendanceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.retreat_attendance_confirm(retreat, numbers=form.numbers_list(), by=request.user)
        except Refused as refused:
            on_form(form, refused)
        else:
            messages.success(request, _("Attendance is confirmed. The retreat days are in the trainers' CPD logs."))
            return redirect("find:my_offers")
    attended = retreat.attendances.select_related("person").order_by("person__last_name")
    return _form_page(request, form, "find/retreat_attendance.html", {"retreat": retreat, "attended": attended})
