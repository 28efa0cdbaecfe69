from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecertificationConfig(AppConfig):
    name = "kring.recertification"
    verbose_name = _("Recertification")

    def ready(self):
        # The way in for each role it serves, on "Beheer mijn gegevens" (kring.members.sections).
        from kring.members.sections import add_home_card, role_card

        for role, key, title, text, url_name, link_text in (
            (
                "certification",
                "certification-committee",
                _("Certification committee"),
                _("Dossiers and first applications that wait for the committee."),
                "recertification:committee_queue",
                _("See the dossiers"),
            ),
            (
                "board",
                "certification-board",
                _("Objections about certification"),
                _("Trainers who object to a decision of the certification committee."),
                "recertification:board_objections",
                _("See the objections"),
            ),
            (
                "office",
                "certification-office",
                _("Recertification"),
                _("Where each trainer's dossier stands."),
                "recertification:office_overview",
                _("See the dossiers"),
            ),
        ):
            add_home_card(key, role_card(role, key, title, text, url_name, link_text))
