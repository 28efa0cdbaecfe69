"""Requests every URL of Kring as every role and checks that access is allowed or refused as declared."""

import importlib
import pkgutil

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import tests.access
from tests import factories as t
from tests.access.matrix import ROLES, Case

# Third-party pages that guard themselves (allauth, Django's language switch) and the admin's own
# model pages, which one shared rule in kring.core.admin guards and the cases below sample.
FOREIGN_NAMESPACES = {"admin"}
FOREIGN_PREFIXES = ("account_", "mfa_", "socialaccount_", "set_language", "javascript-catalog", "headless")


def all_cases() -> list[Case]:
    cases = []
    for module in pkgutil.iter_modules(tests.access.__path__):
        if module.name.startswith("cases_"):
            cases += importlib.import_module(f"tests.access.{module.name}").CASES
    return cases


def named_urls(resolver=None, namespace=""):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from named_urls(pattern, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield f"{namespace}{pattern.name}"


CASES = all_cases()

# The strict Content-Security-Policy every answer of Kring carries (kring/core/csp.py).
STRICT_POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def policy_problems(response) -> list[str]:
    header = response.get("Content-Security-Policy", "")
    directives = dict((part.strip().split(" ", 1) + [""])[:2] for part in header.split(";") if part.strip())
    return [
        f"CSP {name} is {directives.get(name)!r}, not {value!r}"
        for name, value in STRICT_POLICY.items()
        if directives.get(name) != value
    ]


def test_it_has_a_case_for_every_url_of_kring():
    covered = {case.url_name for case in CASES}
    missing = sorted(
        name
        for name in set(named_urls())
        if name.split(":")[0] not in FOREIGN_NAMESPACES
        and not name.startswith(FOREIGN_PREFIXES)
        and name not in covered
    )
    assert missing == [], f"URLs without an access case in tests/access/cases_*.py: {missing}"


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.method}:{c.url_name}")
def test_access(case, personas, client):
    kwargs = case.kwargs(personas) if case.kwargs else {}
    url = reverse(case.url_name, kwargs=kwargs) + case.query
    wrong = []
    for role in ROLES:
        client.logout()
        if personas[role] is not None:
            client.force_login(personas[role].user)
        response = getattr(client, case.method)(url, case.data) if case.method == "post" else client.get(url)
        status = response.status_code
        wrong += [f"{role}: {problem}" for problem in policy_problems(response)]
        if role in case.allowed:
            if status not in case.ok:
                wrong.append(f"{role}: expected {case.ok}, got {status}")
        elif role == "anonymous":
            if not (status in (401, 403, 404) or (status == 302 and "/login/" in response["Location"])):
                wrong.append(f"anonymous: expected login redirect or refusal, got {status}")
        elif status not in case.refused and not (case.url_name.startswith("admin:") and status == 302):
            wrong.append(f"{role}: expected {case.refused}, got {status}")
    assert not wrong, f"{url}: " + "; ".join(wrong)


def test_staff_roles_without_two_factor_are_sent_to_set_it_up(db, client):
    person = t.PersonFactory()
    t.grant(person.user, "certification")
    client.force_login(person.user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
