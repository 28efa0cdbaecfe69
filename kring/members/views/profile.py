import copy

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kring.core.access import PUBLIC, USER, allow
from kring.core.admin import is_office
from kring.core.downloads import name_download
from kring.members import services
from kring.members.forms import PhotoForm, ProfileForm, VisibilityForm
from kring.members.models import Person
from kring.members.people import person_of


@allow(USER)
def profile(request):
    person = person_of(request.user)
    form = ProfileForm(request.POST if request.method == "POST" else None, instance=copy.copy(person))
    if request.method == "POST" and form.is_valid():
        services.person_update(person, by=request.user, **{name: form.cleaned_data[name] for name in form.Meta.fields})
        messages.success(request, _("Your profile is saved."))
        return redirect("members:profile")
    return render(
        request, "members/profile.html", {"person": person, "form": form, "photo_form": PhotoForm(), "tab": "profile"}
    )


@allow(USER)
@require_POST
def photo_upload(request):
    person = person_of(request.user)
    if "remove" in request.POST:
        if person.photo:
            services.photo_set(person, None, by=request.user)
            messages.success(request, _("Your photo is removed."))
        return redirect("members:profile")
    photo_form = PhotoForm(request.POST, request.FILES)
    if photo_form.is_valid():
        services.photo_set(person, photo_form.cleaned_data["photo"], by=request.user)
        messages.success(request, _("Your photo is saved."))
        return redirect("members:profile")
    return render(
        request,
        "members/profile.html",
        {"person": person, "form": ProfileForm(instance=person), "photo_form": photo_form, "tab": "profile"},
    )


@allow(USER)
def visibility(request):
    person = person_of(request.user)
    form = VisibilityForm(request.POST if request.method == "POST" else None, person=person)
    if request.method == "POST" and form.is_valid():
        services.consent_update(person, by=request.user, public=form.cleaned_data)
        messages.success(request, _("Your choices are saved."))
        return redirect("members:visibility")
    return render(request, "members/visibility.html", {"person": person, "form": form, "tab": "visibility"})


@allow(PUBLIC)
def photo(request, pk):
    """A person's photo: for everyone when it is public, otherwise only for them and the office."""
    person = get_object_or_404(Person.objects.exclude(photo=""), pk=pk)
    mine = request.user.is_authenticated and person.user_id == request.user.pk
    if not (person.public_photo or mine or (request.user.is_authenticated and is_office(request))):
        raise Http404
    try:
        handle = person.photo.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(handle, content_type="image/jpeg")
    name_download(response, f"photo-{person.pk}.jpg", inline=True)  # shown in the page; saved with a name
    response["Cache-Control"] = "public, max-age=3600" if person.public_photo else "private, no-store"
    return response
