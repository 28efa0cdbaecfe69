from django.conf import settings
from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme


class KringAdminSite(admin.AdminSite):
    site_header = "Kring"
    site_title = "Kring"
    index_title = "Bureau"

    def has_permission(self, request):
        from kring.core.admin import is_office

        return is_office(request)

    def login(self, request, extra_context=None):
        """Kring has one login, allauth's, with two-step verification and rate limits. The admin's own
        password-only form would bypass both, so this view never shows or accepts it."""
        from kring.core.access import has_role, has_two_factor, to_two_factor_setup

        user = request.user
        if not user.is_authenticated:
            return redirect_to_login(self._next(request), settings.LOGIN_URL)
        if self.has_permission(request):
            return redirect(self._next(request))
        if user.is_active and (user.is_superuser or has_role(user, "office")) and not has_two_factor(user):
            return to_two_factor_setup(self._next(request))
        # Logged in, but not office staff: sending them to the login page would loop.
        raise PermissionDenied

    def _next(self, request):
        target = request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(
            target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return target
        return reverse("admin:index", current_app=self.name)
