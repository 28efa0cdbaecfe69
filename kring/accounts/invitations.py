"""Invitations to set a password: for people the office entered (an import), who have an account
without a password. The link is signed by Django (``django.core.signing``), valid for
``KRING_INVITATION_DAYS`` days, and spent once the account has a password: no token table to keep."""

from __future__ import annotations

from django.conf import settings
from django.core import signing
from django.urls import reverse

from kring.accounts.models import User
from kring.core import links

SALT = "kring.accounts.invitation"


def token_for(user: User) -> str:
    return signing.TimestampSigner(salt=SALT).sign(str(user.pk))


def link_for(user: User) -> str:
    """The absolute address where ``user`` chooses a password."""
    return links.absolute(reverse("accounts:invitation", args=[token_for(user)]))


def user_for(token: str) -> User | None:
    """The invited account, or None when the link is altered, expired or already used."""
    max_age = settings.KRING_INVITATION_DAYS * 24 * 3600
    try:
        pk = signing.TimestampSigner(salt=SALT).unsign(token, max_age=max_age)
    except signing.BadSignature:  # also SignatureExpired
        return None
    user = User.objects.filter(pk=pk, is_active=True).first()
    if user is None or user.has_usable_password():
        return None
    return user
