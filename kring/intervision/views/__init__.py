"""Intervision pages, split by subject: groups, meetings, records and calendar feeds."""

from __future__ import annotations

from django.core.exceptions import ValidationError

from kring.core.access import MEMBER, TRAINER

MEMBERS = (MEMBER, TRAINER)


def attach(form, error: ValidationError) -> None:
    """Show a service's refusal on the form: per field where the field is on the form, else on top."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def first_message(error: ValidationError) -> str:
    return error.messages[0] if error.messages else ""
