from django.shortcuts import render

from kring.core.access import USER, allow, has_two_factor, remember_two_factor_next, two_factor_next


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
