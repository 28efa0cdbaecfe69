"""Forms of institute staff and the accreditation committee. Services do the checks that need the
database; forms check the shape of what was typed."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kring.accreditation import finding
from kring.accreditation.models import BoardOutcome, Kind, Outcome, Verdict
from kring.accreditation.services import institutes
from kring.core.evidence import clean_evidence
from kring.core.widgets import DateInput
from kring.members.models import SpokenLanguage
from kring.register.forms import SearchForm


class ProgrammeForm(forms.Form):
    name = forms.CharField(label=_("Name of the programme"), max_length=200)
    online = forms.BooleanField(label=_("(Partly) online"), required=False)
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=10,
        required=False,
        help_text=_("Where the programme is taught, for example 3512 or 9000. Leave empty if fully online."),
    )
    country = forms.ChoiceField(label=_("Country"), choices=[("NL", _("Netherlands")), ("BE", _("Belgium"))])
    place = forms.CharField(
        label=_("Place"), max_length=100, required=False, help_text=_("Leave empty to use the place of the postcode.")
    )
    next_start = forms.DateField(
        label=_("Next start date"), required=False, widget=DateInput(), help_text=_("Leave empty if not known yet.")
    )
    language = forms.ModelChoiceField(
        label=_("Language"), queryset=SpokenLanguage.objects.order_by("position"), empty_label=_("Not given")
    )
    description = forms.CharField(
        label=_("Short description"), max_length=3000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )

    @classmethod
    def of(cls, programme, data=None):
        """The form with what the programme says now."""
        initial = {
            "name": programme.name,
            "online": programme.online,
            "postcode": programme.postcode,
            "country": programme.country or "NL",
            "place": programme.place,
            "next_start": programme.next_start,
            "language": programme.language_id,
            "description": programme.description,
        }
        return cls(data, initial=initial)

    def details(self) -> institutes.ProgrammeDetails:
        return institutes.ProgrammeDetails(**self.cleaned_data)


class TeacherForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(label=_("E-mail address"))
    qualification = forms.CharField(
        label=_("Qualifications"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Training, years of experience and own practice."),
    )


class AnswerForm(forms.Form):
    """One criterion: a number (for hours, days or months) and an explanation."""

    number = forms.DecimalField(label=pgettext_lazy("amount", "Number"), max_digits=6, decimal_places=1, required=False)
    text = forms.CharField(
        label=_("Explanation"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 6})
    )

    def __init__(self, *args, numeric: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if numeric:
            self.fields["number"].required = True
        else:
            del self.fields["number"]
            self.fields["text"].required = True


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title of the document"), max_length=200)
    kind = forms.ChoiceField(
        label=_("Criterion it belongs to"), choices=[("", _("General"))] + Kind.choices, required=False
    )
    file = forms.FileField(label=_("File"), help_text=_("A PDF, JPEG or PNG of at most 10 MB."))

    def clean_file(self):
        upload, self.content_type = clean_evidence(self.cleaned_data["file"])
        return upload


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Your question to the institute"), max_length=3000, widget=forms.Textarea(attrs={"rows": 4})
    )


class AnswerQuestionForm(forms.Form):
    answer = forms.CharField(label=_("Your answer"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5}))


class AssignForm(forms.Form):
    user = forms.ChoiceField(label=_("Committee member"))

    def __init__(self, *args, members, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].choices = [(str(u.pk), str(u)) for u in members]


class StatementForm(forms.Form):
    has_conflict = forms.TypedChoiceField(
        label=_("Do you have a conflict of interest with this institute?"),
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        choices=[("no", _("No, I can review it impartially")), ("yes", _("Yes, I step aside"))],
    )
    statement = forms.CharField(
        label=_("Explanation"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: I taught there, I work with its teachers, I studied there recently."),
    )


class AssessmentForm(forms.Form):
    """One verdict and note per criterion of the application's own criteria version."""

    def __init__(self, *args, criteria, initial_verdicts=None, **kwargs):
        super().__init__(*args, **kwargs)
        initial_verdicts = initial_verdicts or {}
        for criterion in criteria:
            verdict, note = initial_verdicts.get(criterion.kind, ("", ""))
            self.fields[f"verdict_{criterion.kind}"] = forms.ChoiceField(
                label=criterion.get_kind_display(), choices=Verdict.choices, widget=forms.RadioSelect, initial=verdict
            )
            self.fields[f"note_{criterion.kind}"] = forms.CharField(
                label=_("Note"), max_length=2000, required=False, initial=note, widget=forms.Textarea(attrs={"rows": 2})
            )
        self.kinds = [c.kind for c in criteria]

    def verdicts(self) -> dict[str, tuple[str, str]]:
        return {k: (self.cleaned_data[f"verdict_{k}"], self.cleaned_data[f"note_{k}"]) for k in self.kinds}


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Decision"), choices=Outcome.choices, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The institute reads this; write it so that they understand the decision."),
    )
    condition = forms.CharField(
        label=_("Condition (with conditions only)"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    condition_due_on = forms.DateField(label=_("To be met by"), required=False, widget=DateInput())

    def clean(self):
        data = super().clean()
        if data.get("condition") and not data.get("condition_due_on"):
            self.add_error("condition_due_on", _("Please give the date by which the condition must be met."))
        return data

    def conditions(self):
        if self.cleaned_data.get("outcome") == Outcome.CONDITIONS and self.cleaned_data.get("condition"):
            return [(self.cleaned_data["condition"], self.cleaned_data["condition_due_on"])]
        return []


class ConditionMetForm(forms.Form):
    note = forms.CharField(
        label=_("How the condition was met"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class ObjectionForm(forms.Form):
    text = forms.CharField(label=_("Your objection"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))


class BoardDecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Board's decision"), choices=BoardOutcome.choices, widget=forms.RadioSelect)
    reason = forms.CharField(
        label=_("Reason"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The institute reads it. Upheld against a refusal, the programme is accredited from today."),
    )


class GraduateForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    email = forms.EmailField(
        label=_("E-mail address"), help_text=_("The graduate applies for certification with this address.")
    )
    graduated_on = forms.DateField(label=_("Graduation date"), widget=DateInput())


class GraduatesFileForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_("Columns: programme, name, email, graduated_on (for example 2026-06-30). At most 2000 rows."),
    )
    dry_run = forms.BooleanField(label=_("Check only, store nothing yet"), required=False, initial=True)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 1024 * 1024:
            raise forms.ValidationError(_("Please send a file of at most 1 MB."))
        return upload.read()


WHERE_CHOICES = [("all", _("near me and online")), ("place", _("only at a place")), ("online", _("only online"))]


class ProgrammeSearchForm(SearchForm):
    """The register's search form (postcode, country, distance and language, with their checks),
    narrowed to what a programme is found by. The names are the URL's query parameters."""

    KEEP = ("postcode", "country", "distance", "language", "where")

    where = forms.ChoiceField(label=_("Where"), required=False, choices=WHERE_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in [n for n in self.fields if n not in self.KEEP]:
            del self.fields[name]
        self.fields["where"].error_messages["invalid_choice"] = _(
            "We do not know this choice. Please pick one from the list."
        )

    def criteria(self, page: int) -> finding.Criteria:
        data = self.cleaned_data
        return finding.Criteria(
            origin=data["origin"],
            distance=data.get("distance") or finding.search.DISTANCE_DEFAULT,
            language=data.get("language") or "",
            where=data.get("where") or "all",
            page=page,
        )
