from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "kring.accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from kring.accounts.roles import granted_roles
        from kring.core.access import add_role_source

        add_role_source(granted_roles)
