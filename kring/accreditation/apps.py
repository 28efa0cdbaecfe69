from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccreditationConfig(AppConfig):
    name = "kring.accreditation"
    verbose_name = _("Accreditation")

    def ready(self):
        from kring.accreditation.access import institute_role
        from kring.core.access import add_role_source

        add_role_source(institute_role)
