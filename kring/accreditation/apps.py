from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccreditationConfig(AppConfig):
    name = "kring.accreditation"
    verbose_name = _("Accreditation")

    def ready(self):
        from kring.accreditation.access import institute_role
        from kring.core.access import add_role_source

        add_role_source(institute_role)
        # The way in for each role it serves, on "Beheer mijn gegevens" (kring.members.sections).
        from kring.members.sections import add_home_card, role_card

        for role, key, title, text, url_name, link_text in (
            (
                "institute",
                "institute",
                _("Your institute"),
                _("Your programmes, their accreditation and your graduates."),
                "accreditation:institute_home",
                _("Go to your institute"),
            ),
            (
                "accreditation",
                "accreditation-committee",
                _("Accreditation committee"),
                _("The applications for accreditation that wait for the committee."),
                "accreditation:committee_queue",
                _("See the applications"),
            ),
            (
                "board",
                "accreditation-board",
                _("Objections about accreditation"),
                _("Institutes that object to a decision of the accreditation committee."),
                "accreditation:board_objections",
                _("See the objections"),
            ),
        ):
            add_home_card(key, role_card(role, key, title, text, url_name, link_text))
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
