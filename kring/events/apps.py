from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "kring.events"
    verbose_name = _("Events")

    def ready(self):
        # The office's way in, on "Beheer mijn gegevens" (kring.members.sections).
        from kring.members.sections import add_home_card, role_card

        add_home_card(
            "events-office",
            role_card(
                "office",
                "events-office",
                _("Events"),
                _("Registrations, waiting lists and attendance of the events."),
                "events:office_list",
                _("See the events"),
            ),
        )
