"""Background tasks shared by every app. Workers run them with ``manage.py kring_worker``."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.message import make_msgid
from django_tasks import task


@task()
def send_email(
    to: list[str], subject: str, body: str, html: str = "", headers: dict | None = None, attachments: list | None = None
) -> int:
    """Deliver one rendered e-mail. Rendering happens before enqueueing, in the reader's language."""
    headers = {"Message-ID": make_msgid(domain=settings.EMAIL_MESSAGE_ID_DOMAIN), **(headers or {})}
    message = EmailMultiAlternatives(subject=subject, body=body, to=to, headers=headers)
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()
