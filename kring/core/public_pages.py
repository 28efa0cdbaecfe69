"""The public pages the office writes (about, contact, becoming a member, privacy, accessibility).

Every page exists from the first start: the data migration loads the association's first texts
(``page_texts``), and so does ``seed_demo``. The office edits them in the admin, which calls
``page_update``: the text is checked, stored and recorded in one transaction with one audit entry.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kring.core import audit, page_texts
from kring.core.models import PublicPage

TEXT_FIELDS = ("title_nl", "title_en", "body_nl", "body_en")


def page(key: str) -> PublicPage:
    """The page as the office last left it. A database emptied by hand (or a test's flush) shows the
    first texts, unsaved: a page that only reads must not write."""
    found = PublicPage.objects.filter(key=key).first()
    return found or PublicPage(key=key, **page_texts.DEFAULTS[key])


def empty_messages() -> dict[str, str]:
    """What to say when a title or text is left empty, per field."""
    return {
        "title_nl": _("Write a title in Dutch: it is the heading of the page."),
        "title_en": _("Write a title in English: it is the heading of the English page."),
        "body_nl": _("Write the text in Dutch: an empty page helps nobody."),
        "body_en": _("Write the text in English: an empty page helps nobody."),
    }


def check(page: PublicPage) -> None:
    """Kind messages for a page that would show nothing: every title and text needs words."""
    errors = {name: message for name, message in empty_messages().items() if not getattr(page, name).strip()}
    if errors:
        raise ValidationError(errors)


def page_update(page: PublicPage, *, by, fields: list[str] | None = None) -> PublicPage:
    """Store the office's edits of ``page`` (an instance with the new texts set), checked first."""
    for name in TEXT_FIELDS:
        setattr(page, name, getattr(page, name).strip())
    check(page)
    page.full_clean()
    with transaction.atomic():
        PublicPage.objects.select_for_update().filter(pk=page.pk).first()
        page.save()
        audit.record(
            "kring.core.public_page.changed",
            by=by,
            obj=page,
            key=page.key,
            fields=sorted(fields if fields is not None else TEXT_FIELDS),
        )
    return page


def load(PublicPage=PublicPage) -> None:
    """Create the pages that are missing, with the association's first texts (the data migration
    passes its historical model; ``seed_demo`` calls it too). Pages the office wrote stay as they are."""
    for key, texts in page_texts.DEFAULTS.items():
        PublicPage.objects.get_or_create(key=key, defaults=texts)
