"""Every e-mail Kring sends, in Dutch and English: it names the association, has a plain-text and an
HTML part in the one layout, says its language, carries a Message-ID of Kring's domain, uses the
informal "je", and every link in it opens for its reader: the person who receives it, logged in
(the trainer, the member, the institute's staff, the committee), or a visitor whose link carries a
token, not logged in. A link leads to Kring's own address, unless the e-mail says it leaves Kring.

Kring's own e-mails are found by their templates (``emails/<name>-subject.txt``): a new e-mail
without an entry in ``_contexts`` fails here. Their contexts are made of real objects, made by the
apps' services, so the links point at things that exist. allauth's e-mails are sent through the
real pages."""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation

from kring.accounts import invitations
from kring.accounts import services as account_services
from kring.accreditation.services import applications, decisions, reminders, review
from kring.accreditation.tests.conftest import fill
from kring.complaints.models import Case, Party
from kring.complaints.services import mail as complaints_mail
from kring.complaints.services import objections, procedure
from kring.complaints.tests.helpers import file_case
from kring.core import emails, identity, links
from kring.events import services as events
from kring.events.tests.helpers import join_waiting, make_event, make_member, register
from kring.finance import documents, rules
from kring.finance import services as finance
from kring.intervision.tests.helpers import make_group, make_trainer
from kring.recertification.models import Application, BoardOutcome, Decision, Objection, Outcome
from tests import factories as t

LINK = re.compile(r"https?://[^\s\"'<>]+")
FORMAL = re.compile(r"\b(Uw|uw|U bent|u kunt|zijn of haar)\b")
ONLINE = "https://meet.example.org/kring-stilte-7"  # an online event's meeting: the one link that leaves Kring
TEMPLATES = sorted(
    path.name.removesuffix("-subject.txt") for path in Path("kring").glob("*/templates/emails/*-subject.txt")
)
COUNTED = {"emails": set(), "links": set()}


@dataclass
class Read:
    """One e-mail as one reader gets it. ``reader`` follows its links logged in; None is a visitor
    without an account, whose link carries its own token. ``leaves`` are links that go elsewhere on
    purpose (an online event's meeting)."""

    reader: object
    context: dict
    leaves: set = field(default_factory=set)


def _contexts(p: dict, language: str) -> dict[str, list[Read]]:
    """Every e-mail, with each reader it goes to, made from real objects in ``language``."""
    trainer, member = p["trainer"], p["member"]
    group = make_group(trainer, members=1, name="Stilte in Utrecht")
    registration = trainer.registrations.first()
    decision = Decision(outcome=Outcome.ACCEPT_WITH_CONDITIONS, reason="Mooi dossier.", conditions="Een retraite.")
    period = registration.periods.first() if registration else None
    by_trainer = {
        "intervision-group-started": {
            "name": trainer.first_name,
            "group": group.name,
            "group_id": group.pk,
            "coordinator": trainer.full_name,
            "is_coordinator": True,
        },
        "intervision-join-decided": {"group": group.name, "group_id": group.pk, "accepted": True, "message": "Welkom"},
        "intervision-join-request": {
            "group": group.name,
            "group_id": group.pk,
            "name": member.full_name,
            "coordinator": trainer.first_name,
            "message": "Graag",
        },
        "members-erasure-declined": {"first_name": trainer.first_name, "note": ""},
        "members-erasure-done": {"first_name": trainer.first_name},
        "members-erasure-requested": {"first_name": trainer.first_name, "requested_at": datetime.datetime.now()},
        "recertification-application": {"person": trainer, "application": Application(reason="Welkom.")},
        "recertification-decision": {"person": trainer, "decision": decision, "period": period},
        "recertification-objection": {
            "person": trainer,
            "objection": Objection(board_outcome=BoardOutcome.DISMISSED, board_reason="Het besluit blijft."),
        },
        "recertification-peer-invitation": {"colleague": trainer, "trainer": member},
        "recertification-question": {"person": trainer},
        "recertification-reminder": {
            "person": trainer,
            "cycle": type("C", (), {"ends_on": datetime.date(2027, 3, 1)}),
        },
    }
    return {
        **{name: [Read(trainer, context)] for name, context in by_trainer.items()},
        **_accreditation(p),
        **_complaints(p, language),
        **_events(p, language),
        **_finance(p),
        **_imports(language),
    }


def _imports(language: str) -> dict[str, list[Read]]:
    """Someone the office imported, invited to choose a password: the link carries its own token."""
    user, _new = account_services.account_for_invitation("geimporteerd@example.org", language=language, by=None)
    person = t.PersonFactory(user=user, first_name="Ilja")
    with translation.override(language):
        link = invitations.link_for(user)
    return {"imports-invitation": [Read(None, {"person": person, "link": link, "days": 30})]}


def _accreditation(p: dict) -> dict[str, list[Read]]:
    """An institute's application, asked about, decided with a condition, objected to and decided on
    by the board; and a second programme whose accreditation ends within a year. The institute's
    staff reads them (an institute is written to at its own address, in Dutch)."""
    staff = p["institute"]
    institute = staff.user.institute_grants.get().institute
    programme = t.make_programme(institute)
    application = fill(applications.application_start(programme, by=staff.user), staff.user)
    applications.application_submit(application, by=staff.user)
    committee = p["accreditation"].user
    question = review.question_ask(application, text="Hoeveel supervisie krijgt elke cursist?", by=committee)
    review.question_answer(question, answer="Zes sessies van een uur.", by=staff.user)
    today = timezone.localdate()
    decision = decisions.application_decide(
        application,
        outcome="conditions",
        reason="Een sterk programma.",
        conditions=[("Een tweede supervisor.", today + datetime.timedelta(days=180))],
        by=committee,
    )
    objection = decisions.objection_file(decision, text="Er is al een tweede supervisor.", by=staff.user)
    objection = decisions.objection_decide(objection, outcome="upheld", reason="Klopt.", by=p["board"].user)
    ending = t.make_programme(institute, name="Opleiding MBCT-trainer")
    t.accredit(ending, today - datetime.timedelta(days=4 * 365), today + datetime.timedelta(days=300))
    (period,) = reminders.due(today)
    return {
        "accreditation-question": [
            Read(staff, {"institute": institute, "application": application, "question": question})
        ],
        "accreditation-decision": [Read(staff, {"institute": institute, "decision": decision, "programme": programme})],
        "accreditation-objection": [
            Read(staff, {"institute": institute, "objection": objection, "programme": programme})
        ],
        "accreditation-reminder": [Read(staff, {"institute": institute, "programme": ending, "period": period})],
    }


def _complaints(p: dict, language: str) -> dict[str, list[Read]]:
    """A complaint about a trainer, filed in ``language`` by a complainant without an account,
    through every step to the decision on the objection. The decision suspends the trainer, who
    still reads what the committee wrote (a trainer of their own, so the others stay registered)."""
    committee = p["complaints"]
    trainer = make_trainer(first_name="Tessa", last_name="Geschorst")
    trainer.user.language = language
    trainer.user.save(update_fields=["language"])
    case, _token = file_case(trainer.registrations.get(), language=language)
    steps = {"received": case}
    steps["confirmed"] = procedure.receipt_confirm(case, by=committee.user)
    steps["invited"] = procedure.trainer_invite(case, question="Wil je reageren?", by=committee.user)
    today = timezone.localdate()
    steps["hearing"] = procedure.hearing_set(case, on=today + datetime.timedelta(days=7), by=committee.user)
    steps["extended"] = procedure.term_extend(case, reason="Een getuige is op reis.", by=committee.user)
    steps["decided"] = procedure.case_decide(
        case,
        outcome="suspension",
        reason="Gegrond.",
        measure_until=today + datetime.timedelta(days=60),
        by=committee.user,
    )
    objections.objection_lodge(case, party=Party.COMPLAINANT, text="De schorsing is te kort.")
    steps["objection"] = Case.objects.get(pk=case.pk)
    steps["objection-decided"] = objections.objection_decide(
        case, upheld=False, reason="Het besluit blijft.", by=committee.user
    )

    def complainant(step: str, **extra) -> Read:
        return Read(
            None,
            {
                "case": steps[step],
                "name": "Kim Klager",
                "link": complaints_mail.private_link(case),
                **extra,
            },
        )

    def about(step: str, **extra) -> Read:
        return Read(trainer, {"case": steps[step], "person": trainer, **extra})

    reason = {"reason": "Een getuige is op reis."}
    return {
        "complaints-received": [complainant("received")],
        "complaints-new-link": [complainant("received")],
        "complaints-new": [Read(committee, {"case": steps["received"]})],
        "complaints-confirmed": [complainant("confirmed")],
        "complaints-invited": [about("invited")],
        "complaints-hearing": [complainant("hearing"), about("hearing")],
        "complaints-extended": [complainant("extended", **reason), about("extended", **reason)],
        "complaints-decided": [complainant("decided"), about("decided")],
        "complaints-objection": [Read(committee, {"case": steps["objection"]})],
        "complaints-objection-decided": [complainant("objection-decided"), about("objection-decided")],
    }


def _events(p: dict, language: str) -> dict[str, list[Read]]:
    """A public event, live and online, with a price: the member takes an online place, a visitor a
    live one after confirming the address; a full day where a place comes free for the member."""
    member = p["member"]
    event = make_event(
        audience="public",
        mode="both",
        online_link=ONLINE,
        price_member=Decimal("45"),
        price_non_member=Decimal("60"),
    )
    online = register(event, member, mode="online")
    visitor = events.visitor_register(
        event.pk, name="Gijs Gast", email="gast@example.org", mode="live", language=language
    )
    pending = {
        "registration": visitor,
        "event": event,
        "verify_url": _absolute("events:verify", language, visitor.token),
    }
    visitor = events.visitor_verify(visitor.token)
    full = make_event(title="Stiltedag", capacity_live=1)
    taken = register(full, make_member())
    entry = join_waiting(full, member)
    events.registration_cancel(taken.pk, by=taken.person.user)
    entry.refresh_from_db()
    public_full = make_event(title="Open avond", audience="public", capacity_live=1)
    register(public_full, make_member())
    waiting_visitor = events.visitor_waiting_join(
        public_full.pk, name="Wim Wachter", email="wachter@example.org", mode="live", language=language
    )

    def waiting(entry, first_name) -> dict:
        return {
            "entry": entry,
            "event": entry.event,
            "first_name": first_name,
            "offer_url": _absolute("events:offer", language, entry.token),
        }

    def page(registration) -> str:
        return _absolute("events:registration", language, registration.token)

    return {
        "events-verify": [Read(None, pending)],
        "events-confirmation": [
            Read(member, {"registration": online, "event": event, "link": ONLINE, "page_url": page(online)}, {ONLINE}),
            Read(None, {"registration": visitor, "event": event, "link": "", "page_url": page(visitor)}),
        ],
        "events-offer": [Read(member, waiting(entry, member.first_name))],
        "events-waiting-joined": [Read(None, waiting(waiting_visitor, "Wim"))],
        "events-message": [
            Read(
                member,
                {
                    "registration": online,
                    "event": event,
                    "subject": "De link werkt",
                    "body": "Tot morgen.",
                    "page_url": page(online),
                },
            )
        ],
    }


def _absolute(name: str, language: str, token: str) -> str:
    with translation.override(language):
        return links.absolute_reverse(name, kwargs={"token": token})


def _finance(p: dict) -> dict[str, list[Read]]:
    """The member's invoice by transfer, reminded; the trainer's invoice collected by direct debit
    (told beforehand); a credit note. Each reads them logged in."""
    member, trainer = p["member"], p["trainer"]
    t.association_with_bank()
    lines = [{"description": "Contributie", "amount_cents": 8500}]
    invoice = finance.invoice_issue(member, lines, by=None)
    t.make_mandate(trainer)
    debit = finance.invoice_issue(trainer, lines, by=None)
    credit = finance.invoice_credit(invoice, by=None, reason="Dubbel gefactureerd.")
    mandate = trainer.mandates.get()
    reminder = {**documents.email_context(invoice), "amount": rules.euro(invoice.outstanding_cents), "second": True}
    prenotification = {
        "first_name": trainer.first_name,
        "amount": rules.euro(debit.total_cents),
        "date": debit.due_on,
        "invoice": debit,
        "mandate": mandate,
        "iban_end": mandate.iban[-4:],
    }
    return {
        "finance-invoice": [
            Read(member, documents.email_context(invoice)),
            Read(trainer, documents.email_context(debit)),
            Read(member, documents.email_context(credit)),
        ],
        "finance-reminder": [Read(member, reminder)],
        "finance-prenotification": [Read(trainer, prenotification)],
    }


def _check(message, language: str, client: Client, name: str, leaves: frozenset = frozenset()) -> None:
    association = identity.current()
    html = dict((mime, content) for content, mime in message.alternatives).get("text/html", "")
    assert html and "<html" in html, name
    assert association.name in message.body and association.name in html, name
    assert message.extra_headers["Content-Language"] == language
    assert message.message()["Message-ID"].endswith("@127.0.0.1>")
    if language == "nl":
        assert not FORMAL.search(message.subject + message.body), (name, message.body)
    site = "http://127.0.0.1:8000"
    login, two_factor = reverse("account_login"), reverse("accounts:two_factor_required")
    for link in set(LINK.findall(message.body) + LINK.findall(html)):
        link = link.rstrip(".,)")
        if link in leaves:
            continue
        assert link == site or link.startswith(site + "/"), (name, language, link)
        path = link.removeprefix(site) or "/"
        response = client.get(path, follow=True)
        # It opens: not a 404 or a 403, nor a detour to the login or the two-factor page.
        assert response.status_code == 200, (name, language, link, response.status_code)
        landed = response.request["PATH_INFO"]
        assert not landed.endswith((login, two_factor)), (name, language, link, landed)
        if language == "en" and path != "/":
            assert path.startswith("/en/") or path.startswith("/accounts/"), (name, link)
        COUNTED["links"].add((name, language, path))
    COUNTED["emails"].add((name, language))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_every_kring_email_renders_with_working_links(
    language, trainer, member, institute, accreditation, board, complaints, settings
):
    settings.SITE_URL = "http://127.0.0.1:8000"
    people = {
        "trainer": trainer,
        "member": member,
        "institute": institute,
        "accreditation": accreditation,
        "board": board,
        "complaints": complaints,
    }
    for person in people.values():
        person.user.language = language
        person.user.save(update_fields=["language"])
    contexts = _contexts(people, language)
    assert sorted(contexts) == TEMPLATES, "give every new e-mail a context here"
    for name, reads in contexts.items():
        assert reads, name
        for read in reads:
            client = Client()
            if read.reader is not None:
                client.force_login(read.reader.user)
            mail.outbox.clear()
            address = read.reader.email if read.reader else "bezoeker@example.org"
            emails.send(name, to=address, language=language, context=read.context)
            (message,) = mail.outbox
            _check(message, language, client, name, frozenset(read.leaves))


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_invoice_goes_out_in_the_one_layout_with_its_pdf(
    language, member, settings, django_capture_on_commit_callbacks
):
    """The invoice is rendered by its own task (the PDF is made there), not by ``emails.send``: the
    e-mail that task sends passes the same checks."""
    settings.SITE_URL = "http://127.0.0.1:8000"
    member.user.language = language
    member.user.save(update_fields=["language"])
    t.association_with_bank()
    with django_capture_on_commit_callbacks(execute=True):
        invoice = finance.invoice_issue(member, [{"description": "Contributie", "amount_cents": 8500}], by=None)
    (message,) = mail.outbox
    assert message.to == [member.user.email] and invoice.number in message.subject
    (pdf,) = message.attachments
    assert pdf[0] == f"{invoice.number}.pdf" and pdf[1].startswith(b"%PDF") and pdf[2] == "application/pdf"
    client = Client()
    client.force_login(member.user)
    _check(message, language, client, "finance-invoice")


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
