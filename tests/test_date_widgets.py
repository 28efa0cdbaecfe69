"""Every date field of Kring's own forms writes its value as ISO, in Dutch too: a browser's
type=date input takes nothing else, and shows an empty field that blocks the submit."""

import datetime

import pytest
from django import forms
from django.utils import translation

from kring.intervision.forms import MeetingForm
from kring.recertification.forms import ActivityForm, ApplicationForm, DecisionForm
from kring.register.admin import RegistrationAddForm
from kring.register.forms import LevelForm, RenewForm, StatusChangeForm

DATE_FORMS = [StatusChangeForm, RenewForm, LevelForm, RegistrationAddForm, ActivityForm, ApplicationForm, DecisionForm]


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("form_class", DATE_FORMS, ids=lambda f: f.__name__)
def test_date_fields_render_iso_in_every_language(form_class, language):
    day = datetime.date(2026, 11, 15)
    fields = form_class.base_fields
    dates = [name for name, field in fields.items() if isinstance(field, forms.DateField)]
    assert dates, form_class
    for name in dates:
        widget = fields[name].widget
        with translation.override(language):
            html = widget.render(name, day)
        assert 'type="date"' in html and 'value="2026-11-15"' in html, (form_class.__name__, name, html)


def test_the_meeting_time_renders_as_local_iso(settings):
    from django.utils import timezone

    moment = timezone.make_aware(datetime.datetime(2026, 11, 15, 19, 30))
    with translation.override("nl"):
        html = MeetingForm.base_fields["starts_at"].widget.render("starts_at", moment)
    assert 'type="datetime-local"' in html and 'value="2026-11-15T19:30"' in html


def test_no_form_builds_its_own_date_input():
    """A new date field uses kring.core.widgets, so the format mistake cannot come back."""
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "kring"
    offenders = [
        str(path.relative_to(root))
        for path in root.rglob("*.py")
        if path.name != "widgets.py"
        and "/tests/" not in str(path)
        and any(
            needle in path.read_text()
            for needle in ('"type": "date"', "forms.DateInput(", "forms.DateTimeInput(", 'input_type = "date')
        )
    ]
    assert offenders == []
