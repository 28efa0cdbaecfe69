from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "kring.complaints"
    verbose_name = _("Complaints")
    # Only the code of ethics is in the Django admin (admin.py); complaints never are.

    def ready(self):
        # The complaints procedure on the home page (kring.core.home).
        from kring.core.home import HomeEntry, add_home_entry

        add_home_entry(
            HomeEntry(
                "complaint",
                _("A complaint about a trainer"),
                _("Did something go wrong with a registered trainer? The complaints committee listens, in confidence."),
                _("File a complaint"),
                "complaints:file",
                order=40,
            )
        )
