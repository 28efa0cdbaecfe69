"""The API's operations. Thin: parse, ask the register's history (or a service), answer.

Each operation is ``@logged``: its calls are written to the call log (``kring.api.calls``)."""

from __future__ import annotations

import datetime
import uuid

from django.core.exceptions import RequestDataTooBig
from django.db.models import Q
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone
from ninja import Query, Router, Status
from ninja.renderers import JSONRenderer

from kring.api import bulk, services
from kring.api.auth import ApiError
from kring.api.calls import logged
from kring.api.models import BulkJob
from kring.api.schemas import BulkJobOut, Error, Standing, StandingList
from kring.core import geo
from kring.register import lookup
from kring.register.history import StandingOn, standing_on, with_history

router = Router(tags=["register"])
RENDERER = JSONRenderer()  # the API's renderer (kring.api.api)

COMMON_ERRORS = {401: Error, 429: Error, 503: Error}  # every operation can answer these
READ_ERRORS = {400: Error, 404: Error, 422: Error, **COMMON_ERRORS}
SEARCH_LIMIT = 50


def answer_date(on: datetime.date | None) -> datetime.date:
    today = timezone.localdate()
    if on is None:
        return today
    if on > today:
        raise ApiError(
            400,
            "date_in_future",
            f"The date {on.isoformat()} is in the future; the register can only "
            f"answer for dates up to today ({today.isoformat()}).",
        )
    return on


def standing_of(registration, on: datetime.date) -> dict:
    return answer(registration.person.full_name, standing_on(registration, on))


def answer(name: str, standing: StandingOn) -> dict:
    """A ``Standing`` as the API answers it."""
    return {
        "number": standing.number,
        "name": name,
        "on": standing.on,
        "registered": standing.registered,
        "status": standing.status,
        "level": standing.level,
        "valid_since": standing.valid_since,
        "valid_until": standing.valid_until,
        "programmes": sorted(standing.programme_codes),
        "counts_for_reimbursement": standing.counts_for_reimbursement,
    }


def standing_list(registrations, on: datetime.date) -> dict:
    results = [standing_of(registration, on) for registration in registrations]
    return {"on": on, "count": len(results), "results": results}


ON_DATE = Query(None, description="The date to answer for (YYYY-MM-DD, at most today). Default: today.")


@router.get(
    "/registrations/search",
    response={200: StandingList, **READ_ERRORS},
    url_name="registration_search",
    summary="Search registrations by name and postcode",
)
@logged
def registration_search(
    request,
    name: str = Query(..., min_length=2, max_length=100, description="Part of the trainer's name."),
    postcode: str = Query("", max_length=10, description="Postcode of a practice (NL '3512 AB' or BE '3000')."),
    country: str = Query("NL", pattern="^(NL|BE)$"),
    on: datetime.date | None = ON_DATE,
):
    """Find registrations when the number is unknown. Answers at most 50 matches, by name."""
    on = answer_date(on)
    if "\x00" in name + postcode:
        raise ApiError(400, "invalid_characters", "The name or postcode contains a NUL character.")
    words = name.split()[:5]
    if not words:
        raise ApiError(400, "name_required", "Give at least a part of the trainer's name.")
    registrations = with_history()
    for word in words:
        registrations = registrations.filter(
            Q(person__first_name__icontains=word)
            | Q(person__last_name__icontains=word)
            | Q(person__name_prefix__icontains=word)
        )
    if postcode.strip():
        place = geo.lookup(postcode, country)
        if place is None:
            raise ApiError(400, "unknown_postcode", f"The postcode '{postcode}' does not exist in {country}.")
        # Only practices the trainer made public match, read from the search index as "find a trainer"
        # reads them; a private address, or one of a trainer no longer listed, cannot be confirmed.
        registrations = registrations.filter(
            search_entry__points__country=country, search_entry__points__postcode__startswith=place.postcode
        ).distinct()
    registrations = registrations.order_by("person__last_name", "person__first_name", "number")[:SEARCH_LIMIT]
    return standing_list(registrations, on)


@router.get(
    "/registrations/{number}",
    response={200: Standing, **READ_ERRORS},
    url_name="registration",
    summary="Standing of one register number on a date",
)
@logged
def registration_detail(request, number: str, on: datetime.date | None = ON_DATE):
    """Was this number registered on the date, at which level, and does it count for reimbursement?"""
    on = answer_date(on)
    # From this process's memory of the register's current generation (kring.register.lookup).
    found = None if "\x00" in number else lookup.standing(number, on)
    if found is None:
        raise ApiError(404, "unknown_number", f"There is no registration with number '{number[:20]}'.")
    # Rendered as django-ninja renders a Standing, without validating it again: ``answer`` gives the
    # schema's fields in its order and types (the tests compare the bytes), and the validation cost
    # a sixth of the lookup.
    content = RENDERER.render(request, answer(found.name, found.standing), response_status=200)
    return HttpResponse(content, content_type=f"{RENDERER.media_type}; charset={RENDERER.charset}")


@router.get(
    "/registrations",
    response={200: StandingList, **READ_ERRORS},
    url_name="registration_by_agb",
    summary="Registrations with an AGB code",
)
@logged
def registration_by_agb(
    request,
    agb: str = Query(..., pattern=r"^\d{8}$", description="The 8-digit AGB code."),
    on: datetime.date | None = ON_DATE,
):
    """Look up by the trainer's AGB code, as printed on the invoice. An unknown code answers an empty list."""
    on = answer_date(on)
    return standing_list(with_history().filter(agb_code=agb).order_by("number"), on)


BULK_BODY = {
    "required": True,
    "description": "Up to 100,000 rows and 10 MB. CSV: UTF-8 with the header line `number,date`. "
    'JSON: a list of objects `{"number": "004211", "date": "2025-01-31"}`.',
    "content": {
        "text/csv": {"schema": {"type": "string"}, "example": "number,date\n004211,2025-01-31\n"},
        "application/json": {
            "schema": {
                "type": "array",
                "maxItems": bulk.MAX_ROWS,
                "items": {
                    "type": "object",
                    "required": ["number", "date"],
                    "additionalProperties": False,
                    "properties": {"number": {"type": "string"}, "date": {"type": "string", "format": "date"}},
                },
            }
        },
    },
}


def job_out(job: BulkJob) -> dict:
    done = job.status == BulkJob.Status.DONE
    return {
        "id": job.pk,
        "status": job.status,
        "total_rows": job.total_rows,
        "processed_rows": job.processed_rows,
        "created_at": job.created_at,
        "finished_at": job.finished_at,
        "status_url": reverse("api:v1:bulk_status", kwargs={"job_id": job.pk}),
        "result_url": reverse("api:v1:bulk_result", kwargs={"job_id": job.pk}) if done else None,
    }


@router.post(
    "/bulk",
    response={202: BulkJobOut, 400: Error, 413: Error, 415: Error, **COMMON_ERRORS},
    url_name="bulk_create",
    summary="Verify many (number, date) pairs",
    openapi_extra={"requestBody": BULK_BODY},
)
@logged
def bulk_create(request):
    """Upload the pairs; the verification runs in the background. Poll the status URL for progress."""
    if int(request.META.get("CONTENT_LENGTH") or 0) > bulk.MAX_BYTES:
        raise ApiError(413, "too_large", f"The upload is larger than {bulk.MAX_BYTES // (1024 * 1024)} MB.")
    try:
        body = request.body
    except RequestDataTooBig:
        raise ApiError(413, "too_large", "The upload is too large.") from None
    try:
        rows = bulk.parse_upload(body, request.content_type or "")
    except bulk.BulkInputError as exc:
        raise ApiError(exc.status, exc.code, exc.message) from None
    job = services.bulk_job_create(rows, key=request.auth)
    return Status(202, job_out(job))


def job_for_key(request, job_id: uuid.UUID) -> BulkJob:
    """An insurer sees only its own jobs; another insurer's id answers 404."""
    job = BulkJob.objects.filter(pk=job_id, insurer=request.auth.insurer_id).defer("rows", "result").first()
    if job is None:
        raise ApiError(404, "unknown_job", f"There is no bulk verification '{job_id}' for your organisation.")
    return job


@router.get(
    "/bulk/{job_id}",
    response={200: BulkJobOut, 404: Error, 422: Error, **COMMON_ERRORS},
    url_name="bulk_status",
    summary="Progress of a bulk verification",
)
@logged
def bulk_status(request, job_id: uuid.UUID):
    return job_out(job_for_key(request, job_id))


RESULT_CSV = {
    200: {
        "description": "The result: one row per uploaded row, in the same order. Columns: "
        + ", ".join(bulk.RESULT_COLUMNS)
        + ".",
        "content": {"text/csv": {"schema": {"type": "string"}}},
    }
}


@router.get(
    "/bulk/{job_id}/result.csv",
    response={404: Error, 409: Error, 422: Error, **COMMON_ERRORS},
    url_name="bulk_result",
    summary="Result file of a bulk verification",
    openapi_extra={"responses": RESULT_CSV},
)
@logged
def bulk_result(request, job_id: uuid.UUID):
    job = job_for_key(request, job_id)
    if job.status != BulkJob.Status.DONE:
        raise ApiError(
            409,
            "not_ready",
            f"The verification is {job.status} ({job.processed_rows} of {job.total_rows} rows); try again later.",
        )
    result = BulkJob.objects.values_list("result", flat=True).get(pk=job.pk)
    response = HttpResponse(result, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="kring-verification-{job.pk}.csv"'
    return response
