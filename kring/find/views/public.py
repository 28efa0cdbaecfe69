"""The public pages of "find": the entry, courses and retreats with their pages and calendar files."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET

from kring.core import links
from kring.core.access import PUBLIC, allow, roles_of
from kring.find import calendars, courses, kinds, retreats
from kring.find.forms import CourseSearchForm, RetreatSearchForm
from kring.find.models import Retreat
from kring.find.views import results as shared
from kring.register import search


@require_GET
@allow(PUBLIC)
def home(request):
    """One calm entry: a course first, then the other kinds, each with one sentence."""
    shown = [
        {"key": kind.key, "title": kind.title(), "lead": kind.lead(), "url": reverse(kind.url_name)}
        for kind in kinds.all_kinds(roles_of(request.user))
    ]
    return render(
        request,
        "find/home.html",
        {"kinds": shown, "programmes": search.names("programme"), "form": CourseSearchForm()},
    )


def _results(request, form_class, finder, template, kind):
    """Every filter is optional, so the page without any shows every listed offer, soonest first."""
    today = timezone.localdate()
    form = form_class(request.GET)
    results = finder(form.criteria(shared.page_number(request.GET.get("page"))), today) if form.is_valid() else None
    context = shared.context(request, form, results, kind=kind, today=today)
    context["cards"] = [
        {"found": found, "offer": found.offer, "distance": shared.distance_words(found.distance_km)}
        for found in (results.results if results else [])
    ]
    return render(request, template, context)


@require_GET
@allow(PUBLIC)
def course_list(request):
    return _results(request, CourseSearchForm, courses.find, "find/courses.html", "courses")


@require_GET
@allow(PUBLIC)
def retreat_list(request):
    return _results(request, RetreatSearchForm, retreats.find, "find/retreats.html", "retreats")


def _listed(rows, pk):
    offer = rows.filter(pk=pk).first()
    if offer is None:
        raise Http404
    return offer


def _page_url(name: str, pk: int) -> str:
    return links.absolute_reverse(name, kwargs={"pk": pk})


@require_GET
@allow(PUBLIC)
def course_detail(request, pk):
    today = timezone.localdate()
    course = _listed(courses.with_card_data(), pk)
    listed = courses.is_listed(course, today)
    return render(
        request,
        "find/course.html",
        {
            "course": course,
            "listed": listed,
            "reimbursable": listed and courses.reimbursable(course),
            "page_url": _page_url("find:course", pk),
            "trainer_url": reverse("register:detail", kwargs={"number": course.registration.number}),
        },
        status=200 if listed else 404,
    )


@require_GET
@allow(PUBLIC)
def retreat_detail(request, pk):
    retreat = _listed(retreats.with_card_data(), pk)
    listed = retreat.withdrawn_at is None and retreat.starts_on > timezone.localdate()
    return render(
        request,
        "find/retreat.html",
        {"retreat": retreat, "listed": listed, "page_url": _page_url("find:retreat", pk)},
        status=200 if listed else 404,
    )


def _ics(body: bytes, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.ics"'
    return response


@require_GET
@allow(PUBLIC)
def course_ics(request, pk):
    course = _listed(courses.with_card_data(), pk)
    if not courses.is_listed(course, timezone.localdate()):
        raise Http404
    return _ics(calendars.course_ics(course, _page_url("find:course", pk)), f"cursus-{pk}")


@require_GET
@allow(PUBLIC)
def retreat_ics(request, pk):
    retreat = _listed(Retreat.objects.filter(withdrawn_at__isnull=True), pk)
    return _ics(calendars.retreat_ics(retreat, _page_url("find:retreat", pk)), f"retraite-{pk}")
