"""Finding a supervisor and asking for supervision; a trainer's questions and sessions."""

from __future__ import annotations

from django.contrib import messages
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from kring.core.access import TRAINER, allow
from kring.core.refusals import Refused, as_message, on_form
from kring.find import services, supervisors
from kring.find.forms import AskForm, SessionForm, SupervisorSearchForm
from kring.find.models import SupervisionRequest
from kring.find.views import results as shared
from kring.members.people import person_of
from kring.register.models import Registration


@require_GET
@allow(TRAINER, "office")
def supervisor_list(request):
    today = timezone.localdate()
    form = SupervisorSearchForm(request.GET)
    results = (
        supervisors.find(form.criteria(shared.page_number(request.GET.get("page"))), today) if form.is_valid() else None
    )
    context = shared.context(request, form, results, kind="supervisors", today=today)
    context["cards"] = [
        {"found": found, "distance": shared.distance_words(found.distance_km)}
        for found in (results.results if results else [])
    ]
    return render(request, "find/supervisors.html", context)


def _supervisor(number: str):
    registration = Registration.objects.filter(number=number).select_related("person").first()
    if registration is None or not supervisors.is_supervisor(registration.person, timezone.localdate()):
        raise Http404
    return registration


@allow(TRAINER)
def supervision_ask(request, number):
    registration = _supervisor(number)
    form = AskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.supervision_ask(
                supervisor=registration.person,
                trainee=person_of(request.user),
                message=form.cleaned_data["message"],
                by=request.user,
            )
        except Refused as refused:
            on_form(form, refused)
        else:
            messages.success(request, _("Your question is sent. You find the answer under My supervision."))
            return redirect("find:my_supervision")
    return render(request, "find/supervision_ask.html", {"form": form, "supervisor": registration.person})


@allow(TRAINER)
def my_supervision(request):
    person = person_of(request.user)
    rows = (
        SupervisionRequest.objects.filter(Q(supervisor=person) | Q(trainee=person))
        .select_related("supervisor", "trainee")
        .prefetch_related("sessions")
        .order_by("-created_at")
    )
    return render(
        request,
        "find/my_supervision.html",
        {
            "given": [r for r in rows if r.supervisor_id == person.pk],
            "received": [r for r in rows if r.trainee_id == person.pk],
            "session_form": SessionForm(initial={"on": timezone.localdate()}),
            "is_supervisor": supervisors.is_supervisor(person, timezone.localdate()),
        },
    )


def _asked_of_me(user, pk) -> SupervisionRequest:
    request = SupervisionRequest.objects.filter(pk=pk, supervisor=person_of(user)).first()
    if request is None:
        raise Http404
    return request


@allow(TRAINER)
@require_POST
def supervision_decide(request, pk):
    asked = _asked_of_me(request.user, pk)
    try:
        services.supervision_decide(asked, accept=request.POST.get("answer") == "accept", by=request.user)
    except Refused as refused:
        as_message(request, refused)
    return redirect("find:my_supervision")


@allow(TRAINER)
@require_POST
def supervision_log(request, pk):
    asked = _asked_of_me(request.user, pk)
    form = SessionForm(request.POST)
    if form.is_valid():
        try:
            services.supervision_log(
                asked, on=form.cleaned_data["on"], hours=form.cleaned_data["hours"], by=request.user
            )
        except Refused as refused:
            as_message(request, refused)
        else:
            messages.success(request, _("The supervision is logged in both CPD logs."))
    else:
        messages.info(request, _("Enter a date and the number of hours."))
    return redirect("find:my_supervision")
