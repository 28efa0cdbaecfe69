import time
from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.authentication import get_authentication_records
from allauth.core import context as allauth_context
from django.utils import translation

from kring.core import identity, links
from kring.core.clientip import client_ip
from kring.core.emails import send_rendered


@dataclass(frozen=True)
class AssociationSite:
    """What allauth's e-mails call the site: the association and the address Kring is served on.
    Kring has no Sites framework; without this, allauth's e-mails said "Hallo van !"."""

    name: str
    domain: str


def current_site() -> AssociationSite:
    return AssociationSite(name=identity.current().name, domain=links.site_url().split("://", 1)[-1])


def on_site(url: str) -> str:
    """allauth builds its links from the host of the request that sends the e-mail; Kring's e-mails
    link to the address Kring is served on (``kring.core.links``), whatever host the request named."""
    parts = urlsplit(url)
    return links.absolute((parts.path or "/") + (f"?{parts.query}" if parts.query else ""))


class AccountAdapter(DefaultAccountAdapter):
    """Sends allauth's e-mails (verification, password reset) in Kring's layout through the task
    worker, and gives allauth's rate limits the client's address as Kring's trusted proxies report it."""

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """A fresh login counts: right after logging in, setting up two-step verification does not ask
        for the password again. allauth only counts a separate "confirm your password" step; here the
        login itself counts too, for ``ACCOUNT_REAUTHENTICATION_TIMEOUT`` seconds."""
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        request = self.request or allauth_context.request
        if request is None or not request.user.is_authenticated:
            return True
        records = get_authentication_records(request, request.user)
        latest = max((record.get("at", 0) for record in records), default=0)
        return time.time() - latest >= account_settings.REAUTHENTICATION_TIMEOUT

    def get_client_ip(self, request):
        return client_ip(request) or super().get_client_ip(request)

    def format_email_subject(self, subject: str) -> str:
        return f"{identity.current().short_name} – {subject}"

    def send_mail(self, template_prefix, email, context):
        request = allauth_context.request
        context = {
            "request": request,
            "email": email,
            "current_site": current_site(),
            "association": identity.current(),
            **context,
        }
        # activate_url, password_reset_url, signup_url: the links of allauth's e-mails
        for key, value in context.items():
            if key.endswith("_url") and isinstance(value, str) and value.startswith(("http://", "https://")):
                context[key] = on_site(value)
        message = self.render_mail(template_prefix, email, context)
        send_rendered(
            to=list(message.to), subject=message.subject, body=message.body, language=translation.get_language()
        )
