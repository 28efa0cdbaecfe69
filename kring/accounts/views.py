from django.contrib import messages
from django.contrib.auth.forms import SetPasswordForm
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kring.accounts import invitations, services
from kring.core import refusals
from kring.core.access import PUBLIC, USER, allow, has_two_factor, remember_two_factor_next, two_factor_next
from kring.core.refusals import Refused


@allow(USER)
def two_factor_required(request):
    """Shown when someone with an office or committee role opens a page before setting up two-factor.
    Where they were going is remembered, so that the end of the set-up leads back there."""
    remember_two_factor_next(request, request.GET.get("next", ""))
    return render(
        request,
        "accounts/two_factor_required.html",
        {"has_two_factor": has_two_factor(request.user), "next_url": two_factor_next(request)},
    )


@allow(PUBLIC)
def invitation(request, token):
    """Choose a password for an account the office made (an import). The link is the proof that the
    e-mail address is the person's own; it works once."""
    user = invitations.user_for(token)
    form = SetPasswordForm(user, request.POST or None) if user is not None else None
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            services.invitation_accept(user, form.cleaned_data["new_password1"])
        except Refused as refused:
            refusals.as_message(request, refused)
        else:
            messages.success(request, _("Your password is set. Log in with your e-mail address and this password."))
        return redirect("account_login")
    return render(request, "accounts/invitation.html", {"form": form, "invited": user}, status=200 if user else 410)
