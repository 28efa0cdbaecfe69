from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "kring.members"
    verbose_name = _("Members")

    def ready(self):
        from kring.core.access import add_role_source
        from kring.members.roles import member_role

        add_role_source(member_role)
