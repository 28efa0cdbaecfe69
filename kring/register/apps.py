from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegisterConfig(AppConfig):
    name = "kring.register"
    verbose_name = _("Register")

    def ready(self):
        from kring.core.access import add_role_source
        from kring.register.roles import trainer_role

        add_role_source(trainer_role)
