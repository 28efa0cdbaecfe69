from django.contrib import admin
from django.shortcuts import redirect


class KringAdminSite(admin.AdminSite):
    site_header = "Kring"
    site_title = "Kring"
    index_title = "Bureau"

    def has_permission(self, request):
        from kring.core.admin import is_office

        return is_office(request)

    def login(self, request, extra_context=None):
        """Office staff without two-step verification are sent to set it up, not to a login form."""
        from kring.core.access import has_role, has_two_factor

        user = request.user
        if user.is_authenticated and has_role(user, "office") and not has_two_factor(user):
            return redirect("accounts:two_factor_required")
        return super().login(request, extra_context)
