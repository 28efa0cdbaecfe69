"""No page of Kring needs inline script or style, and the policy says so; two pages may show data: images."""

import re
from pathlib import Path

import pytest
from django.urls import reverse

import kring
from tests import factories as t

# Rendered to PDF by WeasyPrint on the server and handed out as a file: no browser runs this HTML.
PDF_TEMPLATES = {
    "register/proof.html",
    "intervision/record_pdf.html",
    "events/certificate.html",
    "finance/invoice_pdf.html",
}
# The HTML part of e-mails is read by mail programs, which know no style sheets of Kring; no CSP applies.
PDF_TEMPLATES |= {"emails/base.html"}

INLINE = [
    (re.compile(r"<script\b(?![^>]*\bsrc=)[^>]*>", re.IGNORECASE), "inline <script>"),
    (re.compile(r"<style\b", re.IGNORECASE), "<style>"),
    (re.compile(r"\sstyle\s*=", re.IGNORECASE), "style= attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.IGNORECASE), "inline event handler"),
    (re.compile(r"javascript:", re.IGNORECASE), "javascript: link"),
]


def kring_templates():
    root = Path(kring.__file__).parent
    for path in sorted(root.glob("*/templates/**/*.html")):
        name = path.relative_to(next(p for p in path.parents if p.name == "templates")).as_posix()
        yield name, path


def inline_code(text: str) -> list[str]:
    return [label for pattern, label in INLINE if pattern.search(text)]


def test_no_template_has_inline_script_or_style():
    found = [
        f"{name}: {', '.join(labels)}"
        for name, path in kring_templates()
        if name not in PDF_TEMPLATES and (labels := inline_code(path.read_text()))
    ]
    assert found == [], "Move these to kring/core/static/core/ (the policy blocks them): " + "; ".join(found)


def test_the_scan_recognises_what_the_policy_blocks():
    assert inline_code("<script>alert(1)</script>") == ["inline <script>"]
    assert inline_code('<p style="color: red">') == ["style= attribute"]
    assert inline_code("<style>p {}</style>") == ["<style>"]
    assert inline_code('<button onclick="go()">') == ["inline event handler"]
    assert inline_code('<script src="/static/core/kring.js"></script><p class="style">') == []


def test_the_pdf_templates_exist_so_the_exception_cannot_go_stale():
    names = {name for name, _ in kring_templates()}
    assert names >= PDF_TEMPLATES


def directives(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in header.split(";") if part.strip())


@pytest.mark.django_db
def test_pages_refuse_data_images_but_the_api_documentation_may_show_its_icons(client):
    assert directives(client.get(reverse("home")))["img-src"] == "'self'"
    docs = directives(client.get("/api/v1/docs"))
    assert docs["img-src"] == "'self' data:"
    assert docs["script-src"] == "'self'" and docs["style-src"] == "'self'"


@pytest.mark.django_db
def test_the_two_step_set_up_page_may_show_its_qr_code(client):
    person = t.PersonFactory()
    client.force_login(person.user)
    client.post(reverse("account_reauthenticate"), {"password": t.PASSWORD})  # allauth asks again first
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    assert 'src="data:image/svg+xml' in response.content.decode()
    assert directives(response)["img-src"] == "'self' data:"
