from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from kring.core.widgets import DateTimeInput
from kring.intervision import services
from kring.intervision.models import Group, IntervisionRecord, Meeting, Mode, Moment, Seeker
from kring.members.models import Person, TargetGroup, WorkDomain


class GroupForm(forms.ModelForm):
    class Meta:
        model = Group
        fields = services.GROUP_FIELDS
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}
        help_texts = {"postcode": _("For a live group: where you meet. Postcodes in the Netherlands or Belgium.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("work_domain", "target_group", "language"):
            self.fields[name].empty_label = _("Various")


DISTANCES = [
    ("", _("Any distance")),
    ("10", _("within 10 km")),
    ("25", _("within 25 km")),
    ("50", _("within 50 km")),
    ("100", _("within 100 km")),
]


class FindForm(forms.Form):
    """The search filters; they live in the URL so a search can be bookmarked and shared."""

    distance = forms.TypedChoiceField(
        label=_("Distance from my practice"), choices=DISTANCES, required=False, coerce=int, empty_value=None
    )
    work_domain = forms.ModelChoiceField(
        label=_("Work domain"),
        queryset=WorkDomain.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("Any work domain"),
    )
    target_group = forms.ModelChoiceField(
        label=_("Target group"),
        queryset=TargetGroup.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("Any target group"),
    )
    mode = forms.ChoiceField(
        label=_("Meets"),
        required=False,
        choices=[("", _("Live or online")), (Mode.LIVE, _("Live")), (Mode.ONLINE, _("Online"))],
    )
    kind = forms.ChoiceField(
        label=_("Kind of group"),
        required=False,
        choices=[("", _("Open or fixed")), ("open", _("Open group")), ("fixed", _("Fixed group"))],
    )
    all = forms.BooleanField(label=_("Also show full groups"), required=False)


class JoinRequestForm(forms.Form):
    message = forms.CharField(
        label=_("A short message to the coordinator"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example who you are and what you hope to find in the group."),
    )


class DecisionForm(forms.Form):
    message = forms.CharField(
        label=_("Your message"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 7}),
        help_text=_("We wrote a message for you; change it as you like."),
    )


class LeaveForm(forms.Form):
    successor = forms.ModelChoiceField(
        label=_("Who takes over as coordinator?"), queryset=Person.objects.none(), required=False
    )

    def __init__(self, *args, group: Group, person: Person, **kwargs):
        super().__init__(*args, **kwargs)
        if group.coordinator_id == person.pk:
            self.fields["successor"].queryset = Person.objects.filter(
                intervision_memberships__group=group, intervision_memberships__left_on__isnull=True
            ).exclude(pk=person.pk)
        else:
            del self.fields["successor"]


class SeekerForm(forms.ModelForm):
    moments = forms.MultipleChoiceField(
        label=_("Moments I can meet"), choices=Moment.choices, required=False, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Seeker
        fields = services.SEEKER_FIELDS
        help_texts = {"postcode": _("Needed when you want to meet live. Postcodes in the Netherlands or Belgium.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("work_domain", "target_group", "language"):
            self.fields[name].empty_label = _("No preference")


class MeetingForm(forms.ModelForm):
    link = forms.URLField(label=_("Link for an online meeting"), required=False, assume_scheme="https")

    class Meta:
        model = Meeting
        fields = services.MEETING_FIELDS
        widgets = {"starts_at": DateTimeInput(), "case": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"starts_at": _("Date and time in Dutch and Belgian time.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["starts_at"].input_formats = ["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        self.fields["mbi_tac_domain"].choices = [
            ("", _("No particular domain")),
            *self.fields["mbi_tac_domain"].choices[1:],
        ]
        if not self.instance.pk:
            self.initial.setdefault("opening_practice", _("Sitting meditation, 10 minutes"))
            self.initial.setdefault("check_in", _("A short round: how are you arriving?"))
            self.initial.setdefault("closing_practice", _("Three-step breathing space"))


class RecordForm(forms.ModelForm):
    class Meta:
        model = IntervisionRecord
        fields = ["topics", "report", "reflection"]
        widgets = {"report": forms.Textarea(attrs={"rows": 5}), "reflection": forms.Textarea(attrs={"rows": 5})}


class AvoidForm(forms.Form):
    who = forms.CharField(
        label=_("Name or e-mail address"),
        max_length=200,
        help_text=_(
            "A member you must not be in a group with, such as your supervisor or supervisee. We never tell them."
        ),
    )
