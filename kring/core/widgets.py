"""Form widgets every app uses for dates.

A browser's ``<input type="date">`` only takes its value as ``YYYY-MM-DD`` and shows it in the
reader's own format. Django's ``DateInput`` writes the value in the active language's first input
format (``15-11-2026`` in Dutch), which the browser throws away: the field looks empty and blocks the
submit. These widgets always write ISO, whatever the language.
"""

from django import forms
from django.utils import timezone


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    """``<input type="datetime-local">``: ISO without seconds, in Dutch and Belgian time."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")

    def format_value(self, value):
        if hasattr(value, "strftime") and hasattr(value, "hour") and timezone.is_aware(value):
            value = timezone.localtime(value)
        return super().format_value(value)
