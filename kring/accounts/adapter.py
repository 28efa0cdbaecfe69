from allauth.account.adapter import DefaultAccountAdapter

from kring.core.clientip import client_ip
from kring.core.emails import send_rendered


class AccountAdapter(DefaultAccountAdapter):
    """Sends allauth's e-mails (verification, password reset) through the task worker, and gives
    allauth's rate limits the client's address as Kring's trusted proxies report it."""

    def get_client_ip(self, request):
        return client_ip(request) or super().get_client_ip(request)

    def send_mail(self, template_prefix, email, context):
        message = self.render_mail(template_prefix, email, context)
        html = next(
            (content for content, mimetype in getattr(message, "alternatives", []) if mimetype == "text/html"), ""
        )
        send_rendered(to=list(message.to), subject=message.subject, body=message.body, html=html)
