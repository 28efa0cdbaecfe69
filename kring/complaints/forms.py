"""The forms of the complaints procedure: the complaint itself (public), the committee's steps, the parties'."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kring.complaints.models import Outcome
from kring.complaints.services.files import MAX_DOCUMENTS
from kring.core.widgets import DateInput
from kring.cpd.evidence import clean_evidence
from kring.register.models import Registration, SearchEntry

# Filing at most this many documents at once keeps one request below DATA_UPLOAD_MAX_MEMORY_SIZE's
# neighbourhood; more can be added later through the private link.
MAX_AT_ONCE = 5
MAX_TEXT = 8000


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class DocumentsField(forms.FileField):
    """Several files in one field (Django's documented pattern), each checked like CPD evidence."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        uploads = [upload for upload in (data if isinstance(data, list | tuple) else [data]) if upload]
        if len(uploads) > MAX_AT_ONCE:
            raise ValidationError(_("Please add at most %(max)s files at once.") % {"max": MAX_AT_ONCE})
        if not uploads and self.required:
            raise ValidationError(self.error_messages["required"])
        return [clean_evidence(super(DocumentsField, self).clean(upload, initial)) for upload in uploads]


def _documents_help() -> str:
    return gettext("PDF, JPEG or PNG, at most 10 MB each and %(max)s at a time.") % {"max": MAX_AT_ONCE}


def documents_field(required=False):
    return DocumentsField(
        label=_("Documents"),
        required=required,
        # Put into words when the form is shown, in the reader's language (not when the module loads).
        help_text=lazy(_documents_help, str)(),
    )


def text_field(label, *, required=True, rows=5, help_text=""):
    return forms.CharField(
        label=label,
        required=required,
        max_length=MAX_TEXT,
        help_text=help_text,
        widget=forms.Textarea(attrs={"rows": rows}),
    )


def find_registration(text: str) -> Registration:
    """The trainer a visitor means: by register number, or by name when exactly one listed trainer has it."""
    text = " ".join(text.split())
    if text.isdigit():
        found = Registration.objects.filter(number=text).first()
        if found is None:
            raise ValidationError(_("We do not know register number %(number)s. Please check it.") % {"number": text})
        return found
    matches = list(SearchEntry.objects.filter(search_text__contains=text.lower()).order_by("sort_name")[:6])
    if not matches:
        raise ValidationError(
            _("We did not find a trainer with this name in the register. Try the register number from their page.")
        )
    if len(matches) > 1:
        names = ", ".join(f"{entry.name} ({entry.number})" for entry in matches[:5])
        raise ValidationError(
            _("More than one trainer matches: %(names)s. Please fill in the register number of the one you mean.")
            % {"names": names}
        )
    return Registration.objects.get(pk=matches[0].registration_id)


class ComplaintForm(forms.Form):
    trainer = forms.CharField(
        label=_("Which trainer is your complaint about?"),
        max_length=120,
        help_text=_("The name or the register number. You find the number on the trainer's page in the register."),
        error_messages={"required": _("Please tell us which trainer your complaint is about.")},
    )
    description = text_field(_("What happened?"), rows=8, help_text=_("Tell it in your own words."))
    when = forms.CharField(
        label=_("When did it happen?"), max_length=200, required=False, help_text=_("A date or a period.")
    )
    hopes = text_field(
        _("What do you hope for?"),
        required=False,
        rows=3,
        help_text=_("For example an apology, or that it does not happen again."),
    )
    name = forms.CharField(label=_("Your name"), max_length=120, required=False)
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("We send the receipt and your private link here. Only the complaints committee sees it."),
    )
    phone = forms.CharField(label=_("Your phone number"), max_length=30, required=False)
    documents = documents_field()
    submission_key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["description"].error_messages["required"] = _("Please describe what happened.")

    def clean_trainer(self):
        return find_registration(self.cleaned_data["trainer"])


class NewLinkForm(forms.Form):
    number = forms.CharField(
        label=_("Your receipt number"), max_length=20, help_text=_("It is in the e-mail you received after filing.")
    )
    email = forms.EmailField(label=_("The e-mail address you filed the complaint with"), max_length=254)


class DocumentsForm(forms.Form):
    documents = documents_field(required=True)


class TextForm(forms.Form):
    text = text_field(_("Your text"))


class QuestionForm(forms.Form):
    question = text_field(
        _("What do you ask the trainer to respond to?"),
        help_text=_(
            "The trainer reads this on their own page. Write what the complaint is about, without the complainant's contact details."
        ),
    )


class HearingForm(forms.Form):
    hearing_on = forms.DateField(label=_("Date of the hearing"), widget=DateInput())


class ExtensionForm(forms.Form):
    reason = text_field(
        _("Reason for the extension"), rows=3, help_text=_("Both parties receive this reason by e-mail.")
    )


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Decision"), choices=Outcome.choices, widget=forms.RadioSelect)
    measure_until = forms.DateField(
        label=_("Suspended until"), required=False, widget=DateInput(), help_text=_("Only for a suspension.")
    )
    reason = text_field(_("Reasons"), help_text=_("Both parties read the decision with its reasons."))


class ObjectionDecisionForm(forms.Form):
    upheld = forms.TypedChoiceField(
        label=_("The objection is"),
        choices=[("0", _("not upheld: the decision stands")), ("1", _("upheld: the decision changes"))],
        coerce=lambda value: value == "1",
        widget=forms.RadioSelect,
    )
    new_outcome = forms.ChoiceField(
        label=_("New decision (when upheld)"), required=False, choices=[("", "–"), *Outcome.choices]
    )
    reason = text_field(_("Reasons"))


class RulingForm(forms.Form):
    text = text_field(
        _("Anonymised ruling"),
        rows=10,
        help_text=_(
            "No names, no places, no dates or details by which someone could be recognised. A second committee member checks it."
        ),
    )


class AcceptForm(forms.Form):
    accept = forms.BooleanField(label=_("I have read the code of ethics and I accept it."))


__all__ = ["MAX_DOCUMENTS"]
