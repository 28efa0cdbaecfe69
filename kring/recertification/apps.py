from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RecertificationConfig(AppConfig):
    name = "kring.recertification"
    verbose_name = _("Recertification")
