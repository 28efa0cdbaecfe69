"""The office's pages of one event: registrations, waiting list, payments, attendance, export and
a message to all participants. The attendance list is open to the event's host too."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kring.core import refusals, spreadsheets
from kring.core.access import MEMBER, TRAINER, allow, has_role
from kring.core.refusals import Refused
from kring.events import payments, queries, services
from kring.events.forms import MessageForm, OfficeRegisterForm
from kring.events.models import Event, Registration, RegistrationStatus
from kring.events.views import event_for_staff
from kring.members.models import Person

OFFICE = "office"


def _event(pk: int) -> Event:
    return get_object_or_404(queries.with_places(Event.objects.all()), pk=pk)


@allow(OFFICE)
def office_list(request):
    events = list(queries.with_places(Event.objects.filter(ends_at__gte=timezone.now())).order_by("starts_at")[:200])
    for event in events:
        event.free = queries.free_of(event)
    return render(request, "events/office_list.html", {"events": events})


@allow(OFFICE)
def office_event(request, pk):
    event = _event(pk)
    event.free = queries.free_of(event)
    registrations = list(event.registrations.select_related("person").order_by("status", "name"))
    for item in registrations:
        item.reference = payments.format_reference(item.payment_reference)
    return render(
        request,
        "events/office_event.html",
        {
            "event": event,
            "registrations": registrations,
            "waiting": list(event.waiting.select_related("person").order_by("mode", "joined_at", "pk")),
            "register_form": OfficeRegisterForm(),
        },
    )


EXPORT_HEADER = [
    "name",
    "email",
    "status",
    "mode",
    "places",
    "price_group",
    "amount_due",
    "payment",
    "reference",
    "attended",
]


def _export_rows(event):
    for item in event.registrations.order_by("name", "pk"):
        yield [
            item.name,
            item.email,
            item.status,
            item.mode,
            item.places,
            item.price_group,
            item.amount_due,
            item.payment_status,
            item.payment_reference,
            timezone.localtime(item.attended_at).isoformat() if item.attended_at else "",
        ]


@allow(OFFICE)
def office_export(request, pk, kind="csv"):
    """The registrations of one event as CSV or XLSX, the same columns in both."""
    event = _event(pk)
    name = f"event-{event.pk}-registrations.{kind}"
    if kind == "xlsx":
        response = HttpResponse(
            spreadsheets.xlsx(EXPORT_HEADER, _export_rows(event), title=event.title),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        writer = spreadsheets.writer(response)
        writer.writerow(EXPORT_HEADER)
        writer.writerows(_export_rows(event))
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@allow(OFFICE)
def office_message(request, pk):
    event = _event(pk)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        sent = services.participants_message(event, by=request.user, **form.cleaned_data)
        messages.info(request, _("The message is on its way to %(n)s participants.") % {"n": sent})
        return redirect("events:office_event", pk=pk)
    return render(request, "events/office_message.html", {"event": event, "form": form})


@allow(OFFICE)
@require_POST
def office_register(request, pk):
    event = _event(pk)
    form = OfficeRegisterForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        person = Person.objects.filter(Q(email__iexact=data["email"]) | Q(user__email__iexact=data["email"])).first()
        if person is None:
            messages.info(request, _("We know nobody with this e-mail address."))
        else:
            try:
                services.office_register(
                    event.pk, person=person, mode=data["mode"], places=data["places"], by=request.user
                )
            except Refused as refused:
                refusals.as_message(request, refused)
            else:
                messages.info(request, _("%(name)s is registered.") % {"name": person.full_name})
    else:
        messages.info(request, _("Enter an e-mail address and the mode."))
    return redirect("events:office_event", pk=pk)


@allow(OFFICE)
@require_POST
def office_cancel(request, pk):
    item = get_object_or_404(Registration, pk=pk)
    try:
        services.registration_cancel(pk, by=request.user, by_office=True)
    except Refused as refused:
        refusals.as_message(request, refused)
    else:
        messages.info(request, _("The registration is cancelled."))
    return redirect("events:office_event", pk=item.event_id)


@allow(OFFICE)
@require_POST
def office_paid(request, pk):
    item = get_object_or_404(Registration, pk=pk)
    try:
        services.payment_mark_paid(pk, by=request.user)
    except Refused as refused:
        refusals.as_message(request, refused)
    else:
        messages.info(request, _("Marked as paid."))
    return redirect("events:office_event", pk=item.event_id)


@allow(OFFICE, MEMBER, TRAINER)
def attendance(request, pk):
    """The check-in list: printable, and on a phone a tap on a name checks someone in."""
    event = event_for_staff(request.user, pk)
    registrations = list(
        event.registrations.filter(status=RegistrationStatus.CONFIRMED).select_related("person").order_by("name")
    )
    return render(
        request,
        "events/attendance.html",
        {
            "event": event,
            "registrations": registrations,
            "present": sum(1 for r in registrations if r.attended),
            "is_office": has_role(request.user, OFFICE),
        },
    )


@allow(OFFICE, MEMBER, TRAINER)
@require_POST
def attendance_checkin(request, pk):
    item = get_object_or_404(Registration, pk=pk)
    event_for_staff(request.user, item.event_id)
    try:
        services.attendance_checkin(pk, by=request.user)
    except Refused as refused:
        refusals.as_message(request, refused)
    else:
        messages.info(request, _("%(name)s is checked in.") % {"name": item.name})
    return redirect("events:attendance", pk=item.event_id)
