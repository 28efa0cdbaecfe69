"""The little markup the office writes public pages in: paragraphs, headings (``##``), lists, bold,
italics and links, as Markdown (CommonMark), turned into safe HTML by markdown-it-py.

Safe because the office types text, not HTML: every ``<`` the office writes is shown as it is (raw
HTML is off), and markdown-it-py leaves ``javascript:``, ``vbscript:`` and most ``data:`` links
unlinked. What a non-technical writer would trip over is off too: four spaces at the start of a line
stay ordinary text (no code block), and one line break is a line break. A page's own title is its
only ``<h1>``: a ``#`` heading in the text becomes an ``<h2>``. Images are links to the image (the
pages' Content-Security-Policy shows no pictures from elsewhere, and an image needs a description
that the office might forget).
"""

from __future__ import annotations

import html
import re
from functools import cache

from django.utils.html import escape, strip_tags
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from markdown_it import MarkdownIt


@cache
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark", {"html": False, "breaks": True, "xhtmlOut": False})
    parser.disable(["code", "fence", "html_block", "html_inline"])
    parser.add_render_rule("image", _image_as_link)
    return parser


def _image_as_link(self, tokens, idx, options, env):
    token = tokens[idx]
    text = self.renderInlineAsText(token.children or [], options, env) or token.attrGet("src")
    return f'<a href="{escape(token.attrGet("src") or "")}">{escape(text)}</a>'


def render(text: str) -> SafeString:
    """The text as HTML to put in a page."""
    tokens = _parser().parse(text or "")
    for token in tokens:
        if token.type in ("heading_open", "heading_close") and token.tag == "h1":
            token.tag = "h2"
    rendered = _parser().renderer.render(tokens, _parser().options, {})
    return mark_safe(rendered)  # nosec B308 B703 # markdown-it-py escapes the text; raw HTML is off


def summary(text: str, length: int = 160) -> str:
    """The first paragraph as plain text, shortened to ``length`` characters: a page's description
    for search engines and link previews."""
    paragraphs = (html.unescape(strip_tags(part)).strip() for part in re.findall(r"<p>(.*?)</p>", render(text), re.S))
    first = next((p for p in paragraphs if p), "")
    return Truncator(" ".join(first.split())).chars(length)
