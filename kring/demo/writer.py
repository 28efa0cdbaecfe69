"""Writing planned demo people fast: rows in batches with ``bulk_create``, primary keys given up front
so related rows can point at them without reading back."""

from __future__ import annotations

import datetime

from allauth.account.models import EmailAddress
from django.core.management.color import no_style
from django.db import connection
from django.db.models import Max
from django.utils import timezone

from kring.accounts.models import User
from kring.demo import plans
from kring.members.models import (
    Membership,
    MembershipStatusChange,
    MembershipType,
    Person,
    PracticeAddress,
    SpokenLanguage,
    TargetGroup,
    TaughtProgramme,
    WorkDomain,
)
from kring.register.models import Registration, RegistrationPeriod


def chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


class Table:
    """Rows for one table, inserted with ``executemany`` (``COPY`` on PostgreSQL) and primary keys handed
    out here.

    ``bulk_create`` builds a model instance and compiles every value of every row; at 50,000 trainers
    (about a million rows) that alone took over two minutes. Here a row is a tuple: the fields a plan
    fills, then the same model defaults for every row (computed once), and ``auto_now_add`` fields get
    the time of the seed.
    """

    def __init__(self, model, fields: list[str], now: datetime.datetime):
        self.model = model
        meta = model._meta
        given = [meta.get_field(name) for name in fields]
        rest = [f for f in meta.concrete_fields if not f.primary_key and f not in given]
        self.datetime_positions = [i for i, f in enumerate(given) if f.get_internal_type() == "DateTimeField"]
        ops = connection.ops
        self.adapt_datetime = ops.adapt_datetimefield_value
        self.defaults = tuple(
            f.get_db_prep_save(
                now if getattr(f, "auto_now_add", False) or getattr(f, "auto_now", False) else f.get_default(),
                connection,
            )
            for f in rest
        )
        columns = [meta.pk.column, *(f.column for f in given), *(f.column for f in rest)]
        table, names = ops.quote_name(meta.db_table), ", ".join(ops.quote_name(c) for c in columns)
        self.sql = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"  # nosec B608 # quoted names of the model's table and columns
        self.copy_sql = f"COPY {table} ({names}) FROM STDIN"
        self.next_pk = (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        self.rows: list[tuple] = []

    def add(self, *values) -> int:
        """Queue one row (values in the order of ``fields``) and return its primary key."""
        pk = self.next_pk
        self.next_pk += 1
        if self.datetime_positions:
            values = list(values)
            for i in self.datetime_positions:
                values[i] = self.adapt_datetime(values[i])
        self.rows.append((pk, *values, *self.defaults))
        return pk

    def flush(self) -> None:
        if not self.rows:
            return
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":  # COPY: one stream instead of a round trip per row
                with cursor.cursor.copy(self.copy_sql) as copy:
                    for row in self.rows:
                        copy.write_row(row)
            else:
                cursor.executemany(self.sql, self.rows)
        self.rows = []


class Writer:
    """Stores planned people: accounts with verified e-mail addresses, people, memberships with their
    history, practices, the four vocabularies, registrations with their periods and programmes."""

    def __init__(self, password_hash: str):
        self.password_hash = password_hash
        now = self.now = timezone.now()
        self.membership_types = dict(MembershipType.objects.values_list("code", "pk"))
        self.users = Table(User, ["email", "password", "language", "date_joined"], now)
        self.emails = Table(EmailAddress, ["user", "email", "primary", "verified"], now)
        self.consent_fields = [f"public_{name}" for name in Person.PUBLIC_FIELDS]
        self.people = Table(
            Person,
            [
                "user",
                "first_name",
                "name_prefix",
                "last_name",
                "email",
                "phone",
                "website",
                "about",
                "online",
                *self.consent_fields,
            ],
            now,
        )
        self.memberships = Table(Membership, ["person", "type", "starts_on", "ends_on", "status"], now)
        self.changes = Table(MembershipStatusChange, ["membership", "status", "on", "reason"], now)
        self.practices = Table(
            PracticeAddress, ["person", "name", "street", "postcode", "place", "country", "latitude", "longitude"], now
        )
        self.vocabularies = {}
        for name, model in [
            ("work_domains", WorkDomain),
            ("target_groups", TargetGroup),
            ("languages", SpokenLanguage),
            ("programmes", TaughtProgramme),
        ]:
            field = Person._meta.get_field(name)
            through = Table(field.remote_field.through, [field.m2m_field_name(), field.m2m_reverse_field_name()], now)
            self.vocabularies[name] = (through, dict(model.objects.values_list("code", "pk")))
        self.registrations = Table(Registration, ["number", "person", "agb_code"], now)
        self.periods = Table(
            RegistrationPeriod, ["registration", "status", "level", "starts_on", "ends_on", "reason"], now
        )
        field = Registration._meta.get_field("programmes")
        self.covered = Table(field.remote_field.through, [field.m2m_field_name(), field.m2m_reverse_field_name()], now)
        self.tables = [
            self.users,
            self.emails,
            self.people,
            self.memberships,
            self.changes,
            self.practices,
            *(table for table, _ in self.vocabularies.values()),
            self.registrations,
            self.periods,
            self.covered,
        ]

    def store(self, plans: list[plans.PersonPlan]) -> None:
        """Queue the rows of a batch of people and write them, parents before children."""
        for plan in plans:
            self.add(plan)
        for table in self.tables:
            table.flush()

    def add(self, plan: plans.PersonPlan) -> None:
        user_id = None
        if plan.has_account:
            user_id = self.users.add(plan.email, self.password_hash, plan.language, self.now)
            self.emails.add(user_id, plan.email, True, True)
        person_id = self.people.add(
            user_id,
            plan.first_name,
            plan.name_prefix,
            plan.last_name,
            plan.email,
            plan.phone,
            plan.website,
            plan.about,
            plan.online,
            *(plan.consents.get(name, False) for name in Person.PUBLIC_FIELDS),
        )
        for membership in plan.memberships:
            membership_id = self.memberships.add(
                person_id,
                self.membership_types[membership.type_code],
                membership.starts_on,
                membership.ends_on,
                membership.status,
            )
            for status, on, reason in membership.changes:
                self.changes.add(membership_id, status, on, reason)
        for practice in plan.practices:
            place = practice.place
            self.practices.add(
                person_id,
                practice.name,
                practice.street,
                place.postcode,
                place.name,
                place.country,
                place.latitude,
                place.longitude,
            )
        for name, (through, ids) in self.vocabularies.items():
            for code in getattr(plan, name):
                through.add(person_id, ids[code])
        registration = plan.registration
        if registration is not None:
            registration_id = self.registrations.add(registration.number, person_id, registration.agb_code)
            for period in registration.periods:
                self.periods.add(
                    registration_id, period.status, period.level, period.starts_on, period.ends_on, period.reason
                )
            for code in registration.programme_codes:
                self.covered.add(registration_id, self.programme_ids[code])

    @property
    def programme_ids(self) -> dict[str, int]:
        return self.vocabularies["programmes"][1]

    def finish(self) -> None:
        """PostgreSQL's id sequences must continue after the ids handed out here (SQLite keeps up itself)."""
        statements = connection.ops.sequence_reset_sql(no_style(), [table.model for table in self.tables])
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
