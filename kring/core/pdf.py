"""Every PDF Kring makes goes through ``render``: WeasyPrint, tagged as PDF/UA-1.

Tagged means the PDF carries its structure (headings, lists, tables, reading order) and its
language, so screen readers read it as they read the page. WeasyPrint writes the structure tree
when asked for the ``pdf/ua-1`` variant; the HTML's ``lang`` and ``<title>`` become the document's
language and title. Relative links and images resolve against the site's own address.
"""

from __future__ import annotations

import os
import threading
import time

from kring.core import links

PDF_VARIANT = "pdf/ua-1"


def render(html: str, base_url: str | None = None) -> bytes:
    """The PDF of ``html``; relative addresses resolve against ``base_url``, by default the site's own
    (a process of its own that renders without Django's settings passes it)."""
    import weasyprint  # loaded on demand: it is heavy and only the PDFs need it

    return weasyprint.HTML(string=html, base_url=base_url or links.site_url()).write_pdf(pdf_variant=PDF_VARIANT)


def end_with(pid: int) -> None:
    """For a process that renders PDFs for the server ``pid``: end when that server ends. A server
    that is killed (a timeout, SIGKILL) cannot stop its helpers, and each holds WeasyPrint's memory."""

    def watch():
        while True:
            time.sleep(1)
            try:
                os.kill(pid, 0)  # signal 0: only asks whether the process is there
            except ProcessLookupError:
                os._exit(0)

    threading.Thread(target=watch, name="kring-pdf-watch", daemon=True).start()
