from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kring.core import audit
from kring.members.models import Person


class SignupNameForm(forms.Form):
    """The extra fields of the sign-up form: the person's name."""

    first_name = forms.CharField(label=_("First name"), max_length=80)
    name_prefix = forms.CharField(
        label=_("Prefix (optional)"),
        max_length=20,
        required=False,
        help_text=_("For example 'van', 'de' or 'van der'."),
    )
    last_name = forms.CharField(label=_("Last name"), max_length=120)

    field_order = ["first_name", "name_prefix", "last_name", "email", "password1", "password2"]

    @transaction.atomic
    def signup(self, request, user):
        user.language = getattr(request, "LANGUAGE_CODE", "nl")
        user.save(update_fields=["language"])
        person = Person.objects.create(
            user=user,
            email=user.email,
            first_name=self.cleaned_data["first_name"],
            name_prefix=self.cleaned_data["name_prefix"],
            last_name=self.cleaned_data["last_name"],
        )
        audit.record("kring.accounts.user.signed_up", by=user, person_id=person.pk, obj=person)
