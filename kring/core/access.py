"""Who may open what: the one place where Kring's access rules live.

Every view of Kring declares its audience with ``@allow(...)``. The roles are:

- ``public``: anyone, also without logging in;
- ``user``: anyone logged in (also before they have a membership);
- ``member``: a person with a current membership;
- ``trainer``: a person with a current registration in the register;
- the granted roles of ``kring.core.roles.Role`` (office, board and the committees);
- ``institute``: staff of a training institute, granted per institute by accreditation.

Core does not know where a role comes from: each app that knows one adds a *role source* in its
``AppConfig.ready()`` (accounts: the granted roles; members: member; register: trainer).

Granted roles carry sensitive data, so their views also require two-factor authentication; a user
without it is sent to set it up first. Object access (my group, my dossier) is checked in the
query, through ``get_for_user``-style helpers, so that another person's id gives 404.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, resolve_url
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode

from kring.core.roles import Role

PUBLIC = "public"
USER = "user"
MEMBER = "member"
TRAINER = "trainer"
# Staff of a training institute: granted per institute, with an end date, by accreditation.
INSTITUTE = "institute"
GRANTED = frozenset({*Role.values, INSTITUTE})
ALL_ROLES = frozenset({PUBLIC, USER, MEMBER, TRAINER, *GRANTED})


RoleSource = Callable[[object, datetime.date], Iterable[str]]
_role_sources: list[RoleSource] = []


def add_role_source(source: RoleSource) -> None:
    """Let an app contribute roles: ``source(user, today)`` returns the roles it knows the user holds.
    Called once per app from ``AppConfig.ready()``; ``roles_of`` asks every source in that order."""
    if source not in _role_sources:
        _role_sources.append(source)


def roles_of(user) -> frozenset[str]:
    """All roles a user holds today. Cached on the user object for the length of a request."""
    if not getattr(user, "is_authenticated", False):
        return frozenset({PUBLIC})
    cached = getattr(user, "_kring_roles", None)
    if cached is not None:
        return cached
    today = timezone.localdate()
    roles = {PUBLIC, USER}
    for source in _role_sources:
        roles.update(source(user, today))
    user._kring_roles = frozenset(roles)
    return user._kring_roles


def acting_account(by):
    """The logged-in account behind ``by``, or None when a process or an anonymous visitor acts.
    Services accept either and store this in their ``recorded_by``/``decided_by`` fields."""
    return by if getattr(by, "is_authenticated", False) else None


def has_role(user, *roles: str) -> bool:
    return bool(roles_of(user) & set(roles))


def has_two_factor(user) -> bool:
    """Whether the account has TOTP or a passkey. Cached on the user object for one request."""
    cached = getattr(user, "_kring_two_factor", None)
    if cached is None:
        from allauth.mfa.models import Authenticator

        cached = Authenticator.objects.filter(user=user).exclude(type=Authenticator.Type.RECOVERY_CODES).exists()
        user._kring_two_factor = cached
    return cached


# Where a person was going when they were sent to set up two-step verification: kept in the session
# (by kring.accounts.views) so that the end of the set-up, the recovery codes, leads back there.
TWO_FACTOR_NEXT = "kring_two_factor_next"
TWO_FACTOR_NEXT_HOURS = 1


def to_two_factor_setup(next_url: str):
    """Send someone to set up two-step verification, remembering where they were going."""
    return redirect(f"{reverse('accounts:two_factor_required')}?{urlencode({'next': next_url})}")


def safe_next(request, url: str) -> str:
    """``url`` if it stays on Kring (a path or this host), else ""."""
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


def remember_two_factor_next(request, url: str) -> None:
    if url := safe_next(request, url):
        request.session[TWO_FACTOR_NEXT] = {"url": url, "at": timezone.now().timestamp()}


def two_factor_next(request) -> str:
    """Where to continue after setting up two-step verification: the remembered page (for an hour),
    else "Beheer mijn gegevens" (``LOGIN_REDIRECT_URL``)."""
    stored = request.session.get(TWO_FACTOR_NEXT) if hasattr(request, "session") else None
    fresh = isinstance(stored, dict) and timezone.now().timestamp() - stored.get("at", 0) < TWO_FACTOR_NEXT_HOURS * 3600
    if fresh and (url := safe_next(request, str(stored.get("url", "")))):
        return url
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def allow(*roles: str):
    """Declare who may use a view. Anonymous visitors are sent to the login page, others get 403.

    Views for granted roles (office, board, committees) also need two-factor authentication.
    """
    unknown = set(roles) - ALL_ROLES
    if unknown:
        raise ValueError(f"Unknown roles: {unknown}")

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if PUBLIC not in roles:
                user = request.user
                if not user.is_authenticated:
                    return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
                held = roles_of(user) & set(roles)
                if not held:
                    raise PermissionDenied
                if held <= GRANTED and not has_two_factor(user):
                    return to_two_factor_setup(request.get_full_path())
            return view(request, *args, **kwargs)

        wrapped.kring_roles = frozenset(roles)
        return wrapped

    return decorator
