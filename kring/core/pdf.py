"""Every PDF Kring makes goes through ``render``: WeasyPrint, tagged as PDF/UA-1.

Tagged means the PDF carries its structure (headings, lists, tables, reading order) and its
language, so screen readers read it as they read the page. WeasyPrint writes the structure tree
when asked for the ``pdf/ua-1`` variant; the HTML's ``lang`` and ``<title>`` become the document's
language and title. Relative links and images resolve against the site's own address.
"""

from __future__ import annotations

from kring.core import links

PDF_VARIANT = "pdf/ua-1"


def render(html: str, base_url: str | None = None) -> bytes:
    """The PDF of ``html``; relative addresses resolve against ``base_url``, by default the site's own
    (a process of its own that renders without Django's settings passes it)."""
    import weasyprint  # loaded on demand: it is heavy and only the PDFs need it

    return weasyprint.HTML(string=html, base_url=base_url or links.site_url()).write_pdf(pdf_variant=PDF_VARIANT)
