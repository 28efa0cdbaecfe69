from django.shortcuts import render

from kring.core.access import USER, allow, has_two_factor


@allow(USER)
def two_factor_required(request):
    """Shown when someone with an office or committee role opens a page before setting up two-factor."""
    return render(request, "accounts/two_factor_required.html", {"has_two_factor": has_two_factor(request.user)})
