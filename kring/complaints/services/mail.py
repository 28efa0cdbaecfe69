"""E-mails of the procedure. They say *that* something happened and carry the private link; the content
of a complaint never travels by e-mail."""

from __future__ import annotations

from django.utils import translation

from kring.complaints.models import Case
from kring.complaints.services import files
from kring.core import emails
from kring.core.identity import current as association


def to_complainant(case: Case, name: str, **context) -> None:
    sealed = files.texts(case)
    if not sealed.get("email"):
        return
    emails.send(
        f"complaints-{name}",
        to=sealed["email"],
        language=case.language,
        context={"case": case, "name": sealed.get("name", ""), "link": private_link(case), **_common(), **context},
    )


def private_link(case: Case) -> str:
    """The complainant's private link (a fresh token for the same secret), in the language of the
    complaint: the committee member who moves the case along may read Kring in the other one."""
    token = files.link_token(case, files.texts(case)["link_secret"])
    with translation.override(case.language):
        return files.link_url(token)


def to_trainer(case: Case, name: str, **context) -> None:
    """A note to the trainer, once the committee has told them of the complaint (``trainer_invite``):
    before that, a hearing or a longer term would tell them of a complaint they have not heard of."""
    person = case.registration.person
    if not person.email or case.invited_at is None:
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
