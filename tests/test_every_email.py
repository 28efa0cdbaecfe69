"""Every e-mail Kring sends, in Dutch and English: it names the association, has a plain-text and an
HTML part in the one layout, says its language, carries a Message-ID of Kring's domain, uses the
informal "je", and every link in it opens (no 404) for its reader.

Kring's own e-mails are found by their templates (``emails/<name>-subject.txt``): a new e-mail
without an entry in ``CONTEXTS`` fails here. allauth's e-mails are sent through the real pages."""

import datetime
import re
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client

from kring.core import emails, identity
from kring.intervision.tests.helpers import make_group
from kring.recertification.models import Application, BoardOutcome, Decision, Objection, Outcome
from tests import factories as t

LINK = re.compile(r"https?://[^\s\"'<>]+")
FORMAL = re.compile(r"\b(Uw|uw|U bent|u kunt|zijn of haar)\b")
# The e-mails of these apps are rendered and sent by their own tests, but their links are not yet
# followed here: their contexts need the objects of each app (institutes, cases, events, invoices).
LINKS_NOT_YET_FOLLOWED = {"accreditation", "complaints", "events", "finance", "find"}
TEMPLATES = sorted(
    path.name.removesuffix("-subject.txt")
    for path in Path("kring").glob("*/templates/emails/*-subject.txt")
    if path.parts[1] not in LINKS_NOT_YET_FOLLOWED
)
COUNTED = {"emails": set(), "links": set()}


def _contexts(reader, other):
    group = make_group(reader, members=1, name="Stilte in Utrecht")
    registration = reader.registrations.first()
    decision = Decision(outcome=Outcome.ACCEPT_WITH_CONDITIONS, reason="Mooi dossier.", conditions="Een retraite.")
    period = registration.periods.first() if registration else None
    return {
        "intervision-group-started": {
            "name": reader.first_name,
            "group": group.name,
            "group_id": group.pk,
            "coordinator": reader.full_name,
            "is_coordinator": True,
        },
        "intervision-join-decided": {"group": group.name, "group_id": group.pk, "accepted": True, "message": "Welkom"},
        "intervision-join-request": {
            "group": group.name,
            "group_id": group.pk,
            "name": other.full_name,
            "coordinator": reader.first_name,
            "message": "Graag",
        },
        "members-erasure-declined": {"first_name": reader.first_name, "note": ""},
        "members-erasure-done": {"first_name": reader.first_name},
        "members-erasure-requested": {"first_name": reader.first_name, "requested_at": datetime.datetime.now()},
        "recertification-application": {"person": reader, "application": Application(reason="Welkom.")},
        "recertification-decision": {"person": reader, "decision": decision, "period": period},
        "recertification-objection": {
            "person": reader,
            "objection": Objection(board_outcome=BoardOutcome.DISMISSED, board_reason="Het besluit blijft."),
        },
        "recertification-peer-invitation": {"colleague": reader, "trainer": other},
        "recertification-question": {"person": reader},
        "recertification-reminder": {"person": reader, "cycle": type("C", (), {"ends_on": datetime.date(2027, 3, 1)})},
    }


def _check(message, language: str, client: Client, name: str) -> None:
    association = identity.current()
    html = dict((mime, content) for content, mime in message.alternatives).get("text/html", "")
    assert html and "<html" in html, name
    assert association.name in message.body and association.name in html, name
    assert message.extra_headers["Content-Language"] == language
    assert message.message()["Message-ID"].endswith("@127.0.0.1>")
    if language == "nl":
        assert not FORMAL.search(message.subject + message.body), (name, message.body)
    for link in set(LINK.findall(message.body) + LINK.findall(html)):
        link = link.rstrip(".,)")
        path = re.sub(r"^https?://[^/]+", "", link) or "/"
        response = client.get(path)
        assert response.status_code not in (404, 500), (name, language, link, response.status_code)
        if language == "en" and path != "/":
            assert path.startswith("/en/") or path.startswith("/accounts/"), (name, link)
        COUNTED["links"].add((name, language, path))
    COUNTED["emails"].add((name, language))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_kring_email_renders_with_working_links(language, trainer, member, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    contexts = _contexts(trainer, member)
    assert sorted(contexts) == TEMPLATES, "give every new e-mail a context here"
    client = Client()
    client.force_login(trainer.user)
    for name, context in contexts.items():
        mail.outbox.clear()
        emails.send(name, to=trainer.email or "t@example.org", language=language, context=context)
        (message,) = mail.outbox
        _check(message, language, client, name)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_account_emails_name_the_association_and_work(language, db, settings):
    settings.SITE_URL = "http://127.0.0.1:8000"
    prefix = "" if language == "nl" else "/en"
    client = Client()
    data = {"email": "nieuw@example.org", "password1": "een lang wachtwoord 7", "password2": "een lang wachtwoord 7"}
    data.update({"first_name": "Nina", "last_name": "Nieuw"})
    client.post(f"{prefix}/accounts/signup/", data)
    (confirmation,) = mail.outbox
    assert "Hallo van !" not in confirmation.body and "Hello from !" not in confirmation.body
    assert identity.current().short_name in confirmation.subject
    _check(confirmation, language, Client(), "account-confirmation")
    mail.outbox.clear()
    person = t.PersonFactory()
    client.post(f"{prefix}/accounts/password/reset/", {"email": person.user.email})
    (reset,) = mail.outbox
    _check(reset, language, Client(), "account-password-reset")


def test_zz_count(capsys):
    """Prints how many e-mails and links the tests above followed (for the closing note)."""
    with capsys.disabled():
        print(f"\ne-mails checked: {len(COUNTED['emails'])}, links followed: {len(COUNTED['links'])}")
    assert True


def test_the_layout_is_one_template_for_all(db):
    subject, body, html = emails.render("members-erasure-done", {"first_name": "Anne"}, "nl")
    assert html.count("<html") == 1 and "Anne" in html
