from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CpdConfig(AppConfig):
    name = "kring.cpd"
    verbose_name = _("CPD log")
