from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FindConfig(AppConfig):
    name = "kring.find"
    verbose_name = _("Find")

    def ready(self):
        # The kinds of offer "find" knows: each module registers itself (kring.find.kinds).
        from kring.find import kinds

        kinds.load()
        # Courses on the trainer's public page (kring.register.page_hook).
        from kring.find import sections
        from kring.register.page_hook import add_trainer_page_section

        add_trainer_page_section(sections.trainer_courses)
        # A card in "Beheer mijn gegevens" (kring.members.sections) and the data export.
        from kring.members.export import add_export_section
        from kring.members.sections import add_home_card

        add_home_card("find", sections.my_offers_card)
        from kring.members.sections import role_card

        add_home_card(
            "find-institute",
            role_card(
                "institute",
                "find-institute",
                _("Retreats of your institute"),
                _("Announce the silent retreats your institute organises, and confirm who attended."),
                "find:my_offers",
                _("Manage the retreats"),
            ),
        )
        add_export_section("find", sections.export_of)
        # The first way in on the home page (kring.core.home): a course, before a trainer.
        from kring.core.home import HomeEntry, add_home_entry

        add_home_entry(
            HomeEntry(
                "find-course",
                _("Find a course near you"),
                _("An 8-week mindfulness course that starts soon, near you or online."),
                _("Find a course, a retreat or a supervisor"),
                "find:home",
                order=5,
            )
        )
