from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "kring.complaints"
    verbose_name = _("Complaints")
    # Only the code of ethics is in the Django admin (admin.py); complaints never are.

    def ready(self):
        # The committee's way in, on "Beheer mijn gegevens" (kring.members.sections).
        from kring.members.sections import add_home_card, role_card

        add_home_card(
            "complaints-committee",
            role_card(
                "complaints",
                "complaints-committee",
                _("Complaints committee"),
                _("The complaints before the committee. Only its members can open them."),
                "complaints:committee_list",
                _("See the complaints"),
            ),
        )
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
