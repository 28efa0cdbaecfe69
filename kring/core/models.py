"""The audit trail: an append-only, hash-chained record of who changed what.

Entries never hold the personal data itself, only which fields changed, so the trail can be kept
after a person's data is erased. Every entry names its source (an account or a process) and a
dot-namespaced action (``kring.members.person.changed``). Each entry's hash covers the previous
entry's hash, so a removed or edited row breaks the chain (``verify_chain``).
"""

import hashlib
import json

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _


class AppendOnlyQuerySet(models.QuerySet):
    """Refuses the bulk writes that would rewrite or cut the trail; entries are only ever added, one
    at a time, through ``kring.core.audit.record``."""

    def update(self, **kwargs):
        raise ValueError("Audit entries cannot be changed.")

    def delete(self):
        raise ValueError("Audit entries cannot be deleted.")

    def bulk_update(self, objs, fields, batch_size=None):
        raise ValueError("Audit entries cannot be changed.")

    def bulk_create(self, objs, *args, **kwargs):
        raise ValueError("Audit entries are added one at a time, each linked to the one before.")

    def update_or_create(self, defaults=None, create_defaults=None, **kwargs):
        raise ValueError("Audit entries cannot be changed.")


class AuditEntry(models.Model):
    # Set before the insert (not auto_now_add), so the hash that covers it is stored in the same INSERT.
    at = models.DateTimeField(_("when"), default=timezone.now, editable=False, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    source = models.CharField(_("source"), max_length=100, help_text=_("The account or process that made the change."))
    action = models.CharField(_("action"), max_length=120, db_index=True)
    person_id = models.BigIntegerField(_("about person"), null=True, blank=True, db_index=True)
    object_type = models.CharField(_("object type"), max_length=60, blank=True)
    object_id = models.CharField(_("object id"), max_length=40, blank=True)
    data = models.JSONField(_("details"), default=dict, blank=True)
    previous_hash = models.CharField(max_length=64, blank=True)
    hash = models.CharField(max_length=64, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"

    def compute_hash(self) -> str:
        payload = json.dumps(
            [
                self.previous_hash,
                self.at.isoformat() if self.at else "",
                self.source,
                self.action,
                self.person_id,
                self.object_type,
                self.object_id,
                self.data,
            ],
            sort_keys=True,
            default=str,
        )
        return hashlib.sha256(payload.encode()).hexdigest()

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("Audit entries cannot be changed.")
        self.hash = self.compute_hash()
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Audit entries cannot be deleted.")


class AuditChainHead(models.Model):
    """The single row every append locks first, so two writers at the same moment cannot both link to
    the same previous entry and fork the chain (PostgreSQL runs writers in parallel)."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)

    class Meta:
        verbose_name = _("audit chain head")


class WorkerBeat(models.Model):
    """The last sign of life of one task worker (``manage.py kring_worker``). A worker writes its row
    every few seconds; tasks still marked running by a worker whose row has gone quiet are abandoned
    (the process was killed or its machine went away) and are retried or failed by the next worker."""

    worker_id = models.CharField(_("worker"), max_length=64, primary_key=True)
    beat_at = models.DateTimeField(_("last sign of life"), db_index=True)

    class Meta:
        verbose_name = _("task worker")
        verbose_name_plural = _("task workers")

    def __str__(self):
        return self.worker_id


class Association(models.Model):
    """Who runs this Kring: the one row the layout, e-mails, PDFs, invoices and collection files read
    their name, address and bank details from, so another association can run Kring by editing it.
    Read it with ``kring.core.identity.current()``; change it only with ``identity.update``."""

    class VatStatus(models.TextChoices):
        LIABLE = "liable", _("VAT is charged")
        EXEMPT = "exempt", _("exempt from VAT")

    id = models.PositiveSmallIntegerField(primary_key=True, default=1, editable=False)
    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=40, help_text=_("Used in page titles and the top bar."))
    street = models.CharField(_("street and number"), max_length=200, blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(
        _("country"), max_length=2, choices=[("NL", _("Netherlands")), ("BE", _("Belgium"))], default="NL"
    )
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    website = models.URLField(_("website"), blank=True)
    kvk_number = models.CharField(
        _("chamber of commerce number"),
        max_length=12,
        blank=True,
        help_text=_("KvK number (NL) or enterprise number (BE)."),
    )
    vat_number = models.CharField(_("VAT number"), max_length=20, blank=True)
    vat_status = models.CharField(_("VAT"), max_length=10, choices=VatStatus.choices, default=VatStatus.EXEMPT)
    vat_exemption = models.CharField(
        _("ground for VAT exemption"),
        max_length=200,
        blank=True,
        help_text=_("Printed on invoices when no VAT is charged, e.g. the article of the VAT act that applies."),
    )
    iban = models.CharField(_("IBAN"), max_length=34, blank=True)
    bic = models.CharField(_("BIC"), max_length=11, blank=True)
    creditor_id = models.CharField(_("SEPA creditor identifier"), max_length=35, blank=True)
    logo = models.ImageField(_("logo"), upload_to="association/", blank=True)
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("association")
        verbose_name_plural = _("association")

    def __str__(self):
        return self.name


class PublicPage(models.Model):
    """A public page whose words are the office's: about the association, contact, becoming a
    member, the privacy statement and the accessibility statement. One row per page, with a fixed
    ``key``; title and body in Dutch and English. The body is plain text with a little Markdown
    (``kring.core.markup``). Read a page with ``kring.core.public_pages.page``; change it only with
    ``public_pages.page_update``."""

    class Key(models.TextChoices):
        ABOUT = "about", _("About the association")
        CONTACT = "contact", _("Contact")
        MEMBERSHIP = "membership", _("Become a member")
        PRIVACY = "privacy", _("Privacy statement")
        ACCESSIBILITY = "accessibility", _("Accessibility statement")

    # Where each page is. Becoming a member is finance's join page (``/lid-worden/``), which shows
    # the office's text above the application; core names it only by its URL name.
    URL_NAMES = {
        Key.ABOUT: "about",
        Key.CONTACT: "contact",
        Key.MEMBERSHIP: "finance:join",
        Key.PRIVACY: "privacy",
        Key.ACCESSIBILITY: "accessibility",
    }

    key = models.CharField(_("page"), max_length=20, choices=Key.choices, unique=True, editable=False)
    title_nl = models.CharField(_("title (Dutch)"), max_length=120)
    title_en = models.CharField(_("title (English)"), max_length=120)
    body_nl = models.TextField(_("text (Dutch)"))
    body_en = models.TextField(_("text (English)"))
    changed_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        verbose_name = _("public page")
        verbose_name_plural = _("public pages")
        ordering = ["pk"]

    def __str__(self):
        return self.get_key_display()

    @property
    def title(self) -> str:
        return self.title_en if translation.get_language() == "en" else self.title_nl

    @property
    def body(self) -> str:
        return self.body_en if translation.get_language() == "en" else self.body_nl

    def get_absolute_url(self) -> str:
        return reverse(self.URL_NAMES[self.key])

    @property
    def body_html(self):
        from kring.core import markup

        return markup.render(self.body)

    @property
    def description(self) -> str:
        """The first paragraph, short: the page's description for search engines and link previews."""
        from kring.core import markup

        return markup.summary(self.body)
