"""One calm reminder, 12 months before an accreditation ends; never twice."""

import datetime

from django.core import mail
from django.core.management import call_command

from kring.accreditation.services.reminders import reminders_send
from tests import factories as t


def test_it_reminds_once_a_year_before_the_end(programme):
    today = datetime.date.today()
    t.accredit(programme, today - datetime.timedelta(days=1500), today + datetime.timedelta(days=360))
    far = t.make_programme(programme.institute, "Verre opleiding")
    t.accredit(far, today, today + datetime.timedelta(days=1000))
    assert reminders_send(today=today) == 1
    assert mail.outbox[-1].to == [programme.institute.email]
    assert programme.name in mail.outbox[-1].subject
    call_command("accreditation_remind")
    assert len(mail.outbox) == 1
