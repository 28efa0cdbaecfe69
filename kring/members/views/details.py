import copy

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kring.core.access import USER, allow, roles_of
from kring.members import sections, services
from kring.members.access import practice_for_user
from kring.members.forms import ContactForm, PracticeForm
from kring.members.models import ErasureRequest, Person
from kring.members.people import person_of


@allow(USER)
def home(request):
    person = person_of(request.user)
    context = {
        "person": person,
        "tab": "home",
        "practices": list(person.practices.all()),
        "public_labels": [
            Person._meta.get_field(f"public_{name}").verbose_name
            for name in Person.PUBLIC_FIELDS
            if person.is_public(name)
        ],
        "memberships": list(person.memberships.select_related("type")),
        "open_erasure": person.erasure_requests.filter(status=ErasureRequest.Status.REQUESTED).first(),
        # Cards of the apps above members (kring.members.sections): invoices, announced courses.
        "extra_cards": sections.home_cards(person, roles_of(request.user)),
    }
    return render(request, "members/home.html", context)


@allow(USER)
def contact(request):
    person = person_of(request.user)
    # The form works on a copy: the service compares it with what is stored to name the changes.
    form = ContactForm(request.POST if request.method == "POST" else None, instance=copy.copy(person))
    if request.method == "POST" and form.is_valid():
        # The login address is the contact address: keep the person's copy in step with the account.
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        services.person_update(person, by=request.user, email=request.user.email, **fields)
        messages.success(request, _("Your contact details are saved."))
        return redirect("members:contact")
    return render(request, "members/contact.html", {"person": person, "form": form, "tab": "contact"})


@allow(USER)
def practices(request):
    person = person_of(request.user)
    return render(
        request,
        "members/practices.html",
        {"person": person, "practices": list(person.practices.all()), "tab": "practices"},
    )


@allow(USER)
def practice_add(request):
    person = person_of(request.user)
    form = PracticeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.practice_add(person, by=request.user, **form.values())
        messages.success(request, _("The practice address is added."))
        return redirect("members:practices")
    return render(request, "members/practice_form.html", {"person": person, "form": form, "tab": "practices"})


@allow(USER)
def practice_edit(request, pk):
    practice = practice_for_user(request.user, pk)
    form = PracticeForm(request.POST if request.method == "POST" else None, instance=copy.copy(practice))
    if request.method == "POST" and form.is_valid():
        services.practice_update(practice, by=request.user, **form.values())
        messages.success(request, _("The practice address is saved."))
        return redirect("members:practices")
    return render(
        request,
        "members/practice_form.html",
        {"person": practice.person, "form": form, "practice": practice, "tab": "practices"},
    )


@allow(USER)
@require_http_methods(["GET", "POST"])
def practice_delete(request, pk):
    practice = practice_for_user(request.user, pk)
    if request.method == "POST":
        services.practice_remove(practice, by=request.user)
        messages.success(request, _("The practice address is removed."))
        return redirect("members:practices")
    return render(
        request, "members/practice_delete.html", {"person": practice.person, "practice": practice, "tab": "practices"}
    )
