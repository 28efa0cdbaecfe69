"""The extra fields of allauth's sign-up form (``ACCOUNT_SIGNUP_FORM_CLASS``): the person's name."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kring.members import services


class SignupNameForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=80)
    name_prefix = forms.CharField(
        label=_("Prefix (optional)"),
        max_length=20,
        required=False,
        help_text=_("For example 'van', 'de' or 'van der'."),
    )
    last_name = forms.CharField(label=_("Last name"), max_length=120)

    field_order = ["first_name", "name_prefix", "last_name", "email", "password1", "password2"]

    def signup(self, request, user):
        services.person_sign_up(
            user,
            first_name=self.cleaned_data["first_name"],
            name_prefix=self.cleaned_data["name_prefix"],
            last_name=self.cleaned_data["last_name"],
            language=getattr(request, "LANGUAGE_CODE", "nl"),
        )
