from __future__ import annotations

from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from kring.core import geo
from kring.members import photos, rules
from kring.members.models import Person, PracticeAddress


class ContactForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["first_name", "name_prefix", "last_name", "phone"]
        widgets = {
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "first_name": forms.TextInput(attrs={"autocomplete": "given-name"}),
            "last_name": forms.TextInput(attrs={"autocomplete": "family-name"}),
        }
        help_texts = {"phone": _("A Dutch or Belgian number, for example 06 12345678 or +32 470 12 34 56.")}

    def clean_phone(self):
        phone = rules.tidy_phone(self.cleaned_data["phone"])
        if phone and not rules.is_valid_phone(phone):
            raise forms.ValidationError(
                _(
                    "This does not look like a Dutch or Belgian phone number. Please check the digits, "
                    "for example 06 12345678 or +32 470 12 34 56."
                ),
                code="phone",
            )
        return phone


class PracticeForm(forms.ModelForm):
    """A practice address. The postcode must exist: its coordinates are what "find a trainer" uses."""

    class Meta:
        model = PracticeAddress
        fields = ["name", "street", "postcode", "place", "country"]
        help_texts = {
            "postcode": _("For example 3512 AB in the Netherlands or 9000 in Belgium."),
            "place": _("Leave empty to use the place of the postcode."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["place"].required = False
        self.fields["country"].label = _("Country")
        self.place = None

    def clean(self):
        data = super().clean()
        postcode, country = data.get("postcode", ""), data.get("country", "")
        if postcode and country:
            self.place = geo.lookup(postcode, country)
            if self.place is None:
                self.add_error(
                    "postcode",
                    forms.ValidationError(
                        _(
                            "We cannot find this postcode. Please check the postcode, and check that the country "
                            "is right."
                        ),
                        code="unknown_postcode",
                    ),
                )
            else:
                data["postcode"] = _tidy_postcode(postcode, country)
                data["place"] = data.get("place") or self.place.name
        return data

    def values(self) -> dict:
        """The fields to store, with the coordinates of the postcode."""
        values = {name: self.cleaned_data[name] for name in self.Meta.fields}
        return {**values, "latitude": self.place.latitude, "longitude": self.place.longitude}


def _tidy_postcode(text: str, country: str) -> str:
    digits = geo.normalise_postcode(text, country)
    letters = "".join(ch for ch in text if ch.isalpha()).upper() if country == "NL" else ""
    return f"{digits} {letters}" if letters else digits


class ChecklistField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, obj):
        return obj.name


class ProfileForm(forms.ModelForm):
    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        max_length=200,
        help_text=_("The full address, for example https://www.example.nl."),
    )

    class Meta:
        model = Person
        fields = ["work_domains", "target_groups", "languages", "programmes", "website", "about", "online"]
        field_classes = {name: ChecklistField for name in ("work_domains", "target_groups", "languages", "programmes")}
        widgets = {"about": forms.Textarea(attrs={"rows": 6, "maxlength": 1500})}
        help_texts = {"about": _("A few sentences about you and your work, at most 1,500 characters.")}

    LISTS = ("work_domains", "target_groups", "languages", "programmes")

    def list_fields(self):
        return [self[name] for name in self.LISTS]

    def other_fields(self):
        return [self[name] for name in self.Meta.fields if name not in self.LISTS]


class PhotoForm(forms.Form):
    photo = forms.FileField(
        label=_("Photo"),
        help_text=_("A JPEG, PNG or WebP photo of at most 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        error_messages={
            "required": _("Please choose a photo."),
            "empty": _("This file is empty. Please choose a photo."),
        },
    )

    def clean_photo(self):
        return photos.prepare(self.cleaned_data["photo"])


class VisibilityForm(forms.Form):
    """One switch per field that may be shown on the public page; all start switched off."""

    def __init__(self, *args, person: Person, **kwargs):
        super().__init__(*args, **kwargs)
        for name in Person.PUBLIC_FIELDS:
            model_field = Person._meta.get_field(f"public_{name}")
            self.fields[name] = forms.BooleanField(
                label=capfirst(model_field.verbose_name), required=False, initial=person.is_public(name)
            )
