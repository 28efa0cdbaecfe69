from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccreditationConfig(AppConfig):
    name = "kring.accreditation"
    verbose_name = _("Accreditation")

    def ready(self):
        from kring.accreditation.access import institute_role
        from kring.core.access import add_role_source

        add_role_source(institute_role)
        # Accredited programmes on the home page (kring.core.home).
        from kring.core.home import HomeEntry, add_home_entry

        add_home_entry(
            HomeEntry(
                "programmes",
                _("Become a mindfulness trainer"),
                _("Training programmes the association has accredited, in the Netherlands and Flanders."),
                _("See the accredited programmes"),
                "accreditation:public_list",
                order=30,
            )
        )
