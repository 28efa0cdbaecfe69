from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "kring.imports"
    verbose_name = _("Imports")

    def ready(self):
        from kring.members.sections import add_home_card, role_card

        add_home_card(
            "imports",
            role_card(
                "office",
                "imports",
                _("Import members"),
                _(
                    "Bring in people, memberships and registrations from a spreadsheet, checked before anything is saved."
                ),
                "imports:start",
                _("Go to the import"),
            ),
        )
