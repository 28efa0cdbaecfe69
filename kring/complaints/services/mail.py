"""E-mails of the procedure. They say *that* something happened and carry the private link; the content
of a complaint never travels by e-mail."""

from __future__ import annotations

from kring.complaints.models import Case
from kring.complaints.services import files
from kring.core import emails
from kring.core.identity import current as association


def to_complainant(case: Case, name: str, **context) -> None:
    sealed = files.texts(case)
    if not sealed.get("email"):
        return
    token = files.link_token(case, sealed["link_secret"])
    emails.send(
        f"complaints-{name}",
        to=sealed["email"],
        language=case.language,
        context={"case": case, "name": sealed.get("name", ""), "link": files.link_url(token), **_common(), **context},
    )


def to_trainer(case: Case, name: str, **context) -> None:
    person = case.registration.person
    if not person.email:
        return
    emails.send(
        f"complaints-{name}",
        to=person.email,
        language=person.language,
        context={"case": case, "person": person, **_common(), **context},
    )


def to_committee(case: Case, name: str) -> None:
    """A note to every committee member who may handle the case, without any of its content."""
    from kring.accounts.models import RoleGrant
    from kring.complaints.visibility import conflicted_people

    grants = RoleGrant.objects.current().filter(role="complaints").select_related("user")
    for grant in grants:
        user = grant.user
        if conflicted_people(user).filter(pk=case.registration.person_id).exists():
            continue
        emails.send(
            f"complaints-{name}",
            to=user.email,
            language=getattr(user, "language", "nl"),
            context={"case": case, **_common()},
        )


def _common() -> dict:
    return {"association": association()}
