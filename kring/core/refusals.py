"""Refusals: how a service says no, and how every page, the admin and the API show it.

A service that will not do what was asked raises ``Refused`` with a kind message in the person's
language; the message is shown as it is. ``field`` names the form field the refusal is about, when
there is one. Views that expect a refusal catch it and show it with ``on_form`` (a form) or
``as_message`` (an action button); any refusal that is not caught reaches ``RefusalMiddleware``,
which shows a calm page (or an error message in the admin) instead of a server error.
"""

from __future__ import annotations

from django.contrib import messages
from django.shortcuts import redirect, render

REFUSED_STATUS = 409


class Refused(Exception):
    """A service's no, with the message for the person (and the form field it is about, if any)."""

    def __init__(self, message, *, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return str(self.message)


def on_form(form, refused: Refused) -> None:
    """Show the refusal on its field when the form has that field, else above the form."""
    form.add_error(refused.field if refused.field in form.fields else None, str(refused))


def as_message(request, refused: Refused) -> None:
    """Show the refusal on the next page, for buttons that redirect."""
    messages.info(request, str(refused))


class RefusalMiddleware:
    """A refusal no view caught: an error message in the admin, a calm page everywhere else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, Refused):
            return None
        match = request.resolver_match
        if match is not None and match.app_name == "admin" and request.method == "POST":
            messages.error(request, str(exception))
            return redirect(request.get_full_path())
        return render(request, "core/refused.html", {"message": str(exception)}, status=REFUSED_STATUS)
