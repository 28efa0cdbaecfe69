from __future__ import annotations

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kring.core.widgets import DateInput
from kring.cpd.evidence import clean_evidence
from kring.cpd.models import Activity, ActivityKind
from kring.recertification import rules
from kring.recertification.models import MBI_TAC_DOMAINS, Application, BoardOutcome, Dossier, Outcome


class ActivityForm(forms.ModelForm):
    evidence_file = forms.FileField(
        label=_("Evidence"), required=False, help_text=_("Optional: a PDF, JPEG or PNG of at most 10 MB.")
    )

    class Meta:
        model = Activity
        fields = ["kind", "date", "hours", "days", "programme", "participants", "description"]
        widgets = {"date": DateInput(), "description": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"hours": _("Fill in hours, days or both."), "days": _("For example the days of a retreat.")}

    def __init__(self, *args, cycle=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.cycle = cycle
        self.fields["kind"].choices = [c for c in ActivityKind.choices if c[0] != ActivityKind.EVENT]
        self.fields["hours"].required = False
        self.fields["days"].required = False
        self.fields["hours"].widget.attrs.update(min="0", step="0.25")
        self.fields["days"].widget.attrs.update(min="0", step="0.5")
        self.content_type = ""

    def clean_hours(self):
        hours = self.cleaned_data.get("hours") or Decimal(0)
        if hours < 0:
            raise forms.ValidationError(_("Hours cannot be negative."))
        if hours > rules.MAX_HOURS_PER_ENTRY:
            raise forms.ValidationError(
                _("That is more than 200 hours in one entry. Please split it into several activities.")
            )
        return hours

    def clean_days(self):
        days = self.cleaned_data.get("days") or Decimal(0)
        if days < 0:
            raise forms.ValidationError(_("Days cannot be negative."))
        if days > 60:
            raise forms.ValidationError(_("That is more than 60 days in one entry. Please split it."))
        return days

    def clean_date(self):
        on = self.cleaned_data["date"]
        if on > timezone.localdate():
            raise forms.ValidationError(
                _("The date is in the future. You can add an activity once it has taken place.")
            )
        if self.cycle is not None and not self.cycle.covers(on):
            raise forms.ValidationError(
                _("The date is outside your current cycle (%(start)s to %(end)s).")
                % {"start": date_format(self.cycle.starts_on, "j F Y"), "end": date_format(self.cycle.ends_on, "j F Y")}
            )
        return on

    def clean_evidence_file(self):
        upload = self.cleaned_data.get("evidence_file")
        if upload:
            upload, self.content_type = clean_evidence(upload)
        return upload

    def clean(self):
        data = super().clean()
        hours, days = data.get("hours"), data.get("days")
        if hours is not None and days is not None:
            if hours == 0 and days == 0:
                self.add_error("hours", _("Please fill in how many hours or days the activity took."))
            elif hours > rules.MAX_HOURS_PER_DAY * max(days, Decimal(1)):
                self.add_error("hours", _("There are at most 24 hours in a day. Please check the hours and the days."))
        if data.get("kind") == ActivityKind.COURSE_TAUGHT:
            if not data.get("programme"):
                self.add_error("programme", _("Which programme did you teach?"))
            participants = data.get("participants")
            if not participants:
                self.add_error("participants", _("How many participants were there?"))
            elif participants > 100:
                self.add_error("participants", _("That is more than 100 participants. Please check the number."))
        return data

    def activity_data(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        if data["kind"] != ActivityKind.COURSE_TAUGHT:
            data["programme"], data["participants"] = None, None
        return data


class ReflectionForm(forms.ModelForm):
    class Meta:
        model = Dossier
        fields = [name for name, _label in MBI_TAC_DOMAINS]
        widgets = {name: forms.Textarea(attrs={"rows": 4}) for name, _label in MBI_TAC_DOMAINS}


class PeerInviteForm(forms.Form):
    identifier = forms.CharField(label=_("Register number or e-mail address of your colleague"), max_length=254)


class PeerReportForm(forms.Form):
    report = forms.CharField(
        label=_("Short report of the conversation"), max_length=3000, widget=forms.Textarea(attrs={"rows": 5})
    )


class EthicsForm(forms.Form):
    accept = forms.BooleanField(label=_("I have read the code of ethics and I accept it."))


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Your answer"), max_length=3000, widget=forms.Textarea(attrs={"rows": 4}))
    attachment = forms.FileField(
        label=_("Evidence"), required=False, help_text=_("Optional: a PDF, JPEG or PNG of at most 10 MB.")
    )

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            self.content_type = ""
            return upload
        upload, self.content_type = clean_evidence(upload)
        return upload


class QuestionForm(forms.Form):
    question = forms.CharField(
        label=_("Question to the trainer"), max_length=3000, widget=forms.Textarea(attrs={"rows": 3})
    )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Note of the conversation"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ConditionsMetForm(forms.Form):
    note = forms.CharField(
        label=_("How were the conditions met? (optional)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Decision"), choices=Outcome.choices, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The trainer reads this in the e-mail about the decision."),
    )
    conditions = forms.CharField(
        label=_("Conditions"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only for an acceptance with conditions."),
    )
    extended_until = forms.DateField(
        label=_("Cycle extended until"),
        required=False,
        widget=DateInput(),
        help_text=_("Only when you extend the cycle."),
    )


class ObjectionForm(forms.Form):
    text = forms.CharField(label=_("Your objection"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))


class BoardDecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Board's decision"), choices=BoardOutcome.choices, widget=forms.RadioSelect)
    new_outcome = forms.ChoiceField(
        label=_("If the objection is upheld: the new decision"),
        choices=[c for c in Outcome.choices if c[0] != Outcome.EXTEND],
        required=False,
    )
    reason = forms.CharField(label=_("Reason"), max_length=3000, widget=forms.Textarea(attrs={"rows": 4}))


class ApplicationForm(forms.ModelForm):
    certificate_file = forms.FileField(label=_("Your certificate"), help_text=_("A PDF, JPEG or PNG of at most 10 MB."))

    class Meta:
        model = Application
        fields = [
            "level",
            "graduate",
            "programme_name",
            "graduated_on",
            "study_hours",
            "contact_hours",
            "retreat_days",
            "experience",
        ]
        widgets = {"graduated_on": DateInput(), "experience": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, graduations=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the graduations an institute reported under this person's own e-mail address.
        field = self.fields["graduate"]
        field.queryset = graduations if graduations is not None else field.queryset.none()
        field.required = False
        field.label = _("Your graduation, as your institute reported it")
        field.help_text = _("Not in the list? You can still apply; fill in the programme and date below.")
        if not field.queryset.exists():
            del self.fields["graduate"]
        else:
            self.fields["programme_name"].required = self.fields["graduated_on"].required = False

    def clean(self):
        data = super().clean()
        if data.get("graduate") is None:
            for name in ("programme_name", "graduated_on"):
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, _("Please fill this in, or choose your graduation above."))
        return data

    def clean_graduated_on(self):
        on = self.cleaned_data["graduated_on"]
        if on is not None and on > timezone.localdate():
            raise forms.ValidationError(_("The date of your certificate cannot be in the future."))
        return on

    def clean_certificate_file(self):
        upload = self.cleaned_data["certificate_file"]
        upload, self.content_type = clean_evidence(upload)
        return upload


class ApplicationDecisionForm(forms.Form):
    accept = forms.TypedChoiceField(
        label=_("Decision"),
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        choices=[("yes", pgettext_lazy("decision", "Accept")), ("no", _("Refuse"))],
    )
    reason = forms.CharField(label=_("Reason"), max_length=3000, widget=forms.Textarea(attrs={"rows": 4}))
