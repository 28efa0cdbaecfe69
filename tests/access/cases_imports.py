"""Imports: the office's alone. The invitation page is public: its link is its key."""

from tests.access.matrix import EVERYONE, Case

OFFICE = frozenset({"office"})


def _job(personas):
    from kring.imports import services
    from kring.imports.tests.helpers import HEADER_NL, csv_file

    content = csv_file(HEADER_NL, ["Anne", "", "Dijk", "anne-matrix@example.org", "", "", ""])
    return {"pk": services.plan_create("leden.csv", content, by=None, language="nl").pk}


def _invitation(personas):
    from kring.accounts import invitations
    from kring.accounts import services as account_services

    user, _new = account_services.account_for_invitation("uitgenodigd@example.org", language="nl", by=None)
    return {"token": invitations.token_for(user)}


CASES = [
    Case("imports:start", OFFICE),
    Case("imports:start", OFFICE, method="post", data={}, ok=(400,)),
    Case("imports:example", OFFICE),
    Case("imports:job", OFFICE, kwargs=_job),
    Case("imports:confirm", OFFICE, kwargs=_job, method="post", data={}, ok=(302,)),
    Case("imports:discard", OFFICE, kwargs=_job, method="post", data={}, ok=(302,)),
    Case("accounts:invitation", EVERYONE, kwargs=_invitation),
]
