from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntervisionConfig(AppConfig):
    name = "kring.intervision"
    verbose_name = _("Intervision")
