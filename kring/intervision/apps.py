from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntervisionConfig(AppConfig):
    name = "kring.intervision"
    verbose_name = _("Intervision")

    def ready(self):
        # The office's way in, on "Beheer mijn gegevens" (kring.members.sections).
        from kring.members.sections import add_home_card, role_card

        add_home_card(
            "intervision-office",
            role_card(
                "office",
                "intervision-office",
                _("Group proposals"),
                _("Form new intervision groups from the trainers who look for one."),
                "intervision:proposals_office",
                _("See the proposals"),
            ),
        )
