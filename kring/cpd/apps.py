from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CpdConfig(AppConfig):
    name = "kring.cpd"
    verbose_name = _("CPD log")

    def ready(self):
        # The person's CPD log belongs in "download my data" (kring.members.export).
        from kring.cpd.export import activities_of
        from kring.members.export import add_export_section

        add_export_section("cpd_activities", activities_of)
