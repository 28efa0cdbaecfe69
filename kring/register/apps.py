from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegisterConfig(AppConfig):
    name = "kring.register"
    verbose_name = _("Register")

    def ready(self):
        from kring.core.access import add_role_source
        from kring.register.roles import trainer_role

        add_role_source(trainer_role)
        # The search index keeps a copy of public profiles: follow their changes (kring.members.profile_hook).
        from kring.members.profile_hook import on_public_profile_change
        from kring.register import search_index

        on_public_profile_change(lambda person_ids: search_index.refresh(person_ids=person_ids))
        # The person's registrations belong in "download my data" (kring.members.export).
        from kring.members.export import add_export_section
        from kring.register.export import registrations_of

        add_export_section("registrations", registrations_of)
        # Erasure keeps registrations, and with them the name (kring.members.erasure_hook).
        from kring.members.erasure_hook import add_kept_source
        from kring.register.export import kept_after_erasure

        add_kept_source("registrations", kept_after_erasure)
        # The way in for visitors on the home page (kring.core.home).
        from kring.core.home import HomeEntry, add_home_entry

        add_home_entry(
            HomeEntry(
                "find-trainer",
                _("Find a trainer"),
                _("Look for a certified mindfulness trainer near you, or check a registration."),
                _("Search the register"),
                "register:search",
                order=10,
            )
        )
