from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FinanceConfig(AppConfig):
    name = "kring.finance"
    verbose_name = _("Finance")

    def ready(self):
        # "Beheer mijn gegevens" shows my invoices and mandate (kring.members.sections), and
        # "download my data" includes them (kring.members.export): members never imports finance.
        from kring.finance import member_parts
        from kring.members.export import add_export_section
        from kring.members.sections import add_home_card, add_tab, role_card

        add_tab("invoices", _("Invoices and mandate"), "finance:my_invoices")
        add_home_card("invoices", member_parts.home_card)
        add_home_card(
            "finance-office",
            role_card(
                "office",
                "finance-office",
                _("Finance"),
                _("Fees, invoices, direct debits and the bank statements."),
                "finance:office",
                _("Go to finance"),
            ),
        )
        add_export_section("finance", member_parts.export_section)
        # Erasure keeps invoices for the tax law (kring.members.erasure_hook).
        from kring.members.erasure_hook import add_kept_source

        add_kept_source("invoices", member_parts.kept_after_erasure)
