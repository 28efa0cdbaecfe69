from django.contrib import admin


class KringAdminSite(admin.AdminSite):
    site_header = "Kring"
    site_title = "Kring"
    index_title = "Bureau"

    def has_permission(self, request):
        from kring.core.admin import is_office

        return is_office(request)
