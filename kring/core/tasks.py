"""Background tasks shared by every app. Workers run them with ``manage.py kring_worker``."""

from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task()
def send_email(to: list[str], subject: str, body: str, html: str = "", attachments: list | None = None) -> int:
    """Deliver one rendered e-mail. Rendering happens before enqueueing, in the reader's language."""
    message = EmailMultiAlternatives(subject=subject, body=body, to=to)
    for filename, content, mimetype in attachments or []:
        message.attach(filename, content, mimetype)
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()
