"""The one hook by which apps above the register add a part to a trainer's public page.

The register does not know who offers something in a trainer's name (courses, retreats). An app that
does adds a section once, in its ``AppConfig.ready()``: ``section(registration, today)`` returns the
rendered HTML of its part, or "" when it has nothing to show. The page shows the parts in the order
the apps joined, below the trainer's profile. No signal: ``detail`` calls ``sections`` where you read it.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from django.utils.safestring import SafeString

Section = Callable[[object, datetime.date], SafeString | str]
_sections: list[Section] = []


def add_trainer_page_section(section: Section) -> None:
    """Have ``section(registration, today)`` add its HTML to every trainer's public page."""
    if section not in _sections:
        _sections.append(section)


def sections(registration, today: datetime.date) -> list[str]:
    return [html for html in (section(registration, today) for section in _sections) if html]
