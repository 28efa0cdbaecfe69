"""The insurers' API (django-ninja): every answer, also every error, has a documented JSON body."""

from __future__ import annotations

import logging

from django.db import DatabaseError
from django.http import Http404, JsonResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from kring.api.auth import ApiError, InsurerKey
from kring.api.views import RENDERER, router
from kring.core.refusals import REFUSED_STATUS, Refused

logger = logging.getLogger(__name__)
DATABASE_RETRY_SECONDS = 30

DESCRIPTION = """
Verify registrations in Kring's public register of mindfulness trainers: one by one (by register
number, AGB code, or name and postcode), on any date up to today, or in bulk.

Authenticate with your insurer's key: `Authorization: Bearer <key>`. Every error answer has the
body `{"error": code, "message": text}`.
"""

api = NinjaAPI(
    title="Kring register API",
    version="1",
    description=DESCRIPTION,
    auth=InsurerKey(),
    urls_namespace="api:v1",
    docs_url="/docs",
    renderer=RENDERER,
)


def error_response(request, status: int, code: str, message: str, retry_after: int | None = None):
    response = api.create_response(request, {"error": code, "message": message}, status=status)
    if retry_after is not None:
        response["Retry-After"] = str(retry_after)
    return response


@api.exception_handler(ApiError)
def on_api_error(request, exc: ApiError):
    return error_response(request, exc.status, exc.code, exc.message, exc.retry_after)


@api.exception_handler(AuthenticationError)
def on_authentication_error(request, exc):
    return error_response(request, 401, "missing_key", "Send your API key in the header 'Authorization: Bearer <key>'.")


@api.exception_handler(ValidationError)
def on_validation_error(request, exc: ValidationError):
    parts = []
    for error in exc.errors[:3]:
        where = ".".join(str(part) for part in error.get("loc", ()))
        parts.append(f"{where}: {error.get('msg', 'invalid')}")
    return error_response(request, 422, "invalid_request", "; ".join(parts) or "The request is not valid.")


@api.exception_handler(Refused)
def on_refused(request, exc: Refused):
    return error_response(request, REFUSED_STATUS, "refused", str(exc))


@api.exception_handler(HttpError)
def on_http_error(request, exc: HttpError):
    return error_response(request, exc.status_code, "http_error", str(exc))


@api.exception_handler(Http404)
def on_not_found(request, exc):
    return error_response(request, 404, "not_found", "There is no such operation; see /api/v1/docs.")


@api.exception_handler(DatabaseError)
def on_database_error(request, exc: DatabaseError):
    logger.error("The API could not reach its database: %s", exc)
    return error_response(
        request,
        503,
        "unavailable",
        "The register cannot be read at the moment. Try again in a minute.",
        retry_after=DATABASE_RETRY_SECONDS,
    )


@api.exception_handler(Exception)
def on_unexpected_error(request, exc: Exception):
    logger.exception("Unexpected error in the API at %s", request.path)
    return error_response(
        request, 500, "server_error", "Something went wrong in Kring; the error has been recorded. Try again later."
    )


def not_found(request, rest: str = ""):
    """Any address under /api/v1/ that is not an operation: the documented error, not an HTML page."""
    return JsonResponse({"error": "not_found", "message": "There is no such operation; see /api/v1/docs."}, status=404)


api.add_router("/", router)
