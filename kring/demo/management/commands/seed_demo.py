"""Fill an empty Kring with a believable association: trainers and members across the Netherlands and
Flanders, the office, the board and the committees, and demo logins with known passwords.

``--trainers 50000`` makes a large register for benchmarks. Rows are written with ``bulk_create`` in
batches, every generated account shares one password hash, and the seed writes one audit entry in
total (not one per row): it is a process creating demo data, not people changing their details.
"""

from __future__ import annotations

import datetime
import random
import time
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from kring.accounts.models import RoleGrant, User
from kring.core import audit, geo
from kring.demo import intervision as intervision_demo
from kring.demo import people as demo
from kring.demo.insurer import DEMO_KEY, ensure_demo_insurer
from kring.intervision.models import Group
from kring.members import vocabulary
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
from kring.register import search_index
from kring.register.models import Registration, RegistrationPeriod

GENERATED_PASSWORD = "demo-kring-2026"  # every generated trainer and member # nosec B105 # the demo password, published on purpose
DEMO_TRAINER_NUMBER = "001000"
DEMO_TRAINER_AGB = "90010000"


@dataclass
class DemoLogin:
    email: str
    password: str
    who: str
    role: str = ""  # a granted role (office, board, committees)


DEMO_LOGINS = [
    DemoLogin("bureau@kring.example", "demo-bureau-2026", "office", "office"),
    DemoLogin("bestuur@kring.example", "demo-bestuur-2026", "board", "board"),
    DemoLogin("certificering@kring.example", "demo-certificering-2026", "certification committee", "certification"),
    DemoLogin("accreditatie@kring.example", "demo-accreditatie-2026", "accreditation committee", "accreditation"),
    DemoLogin("klachten@kring.example", "demo-klachten-2026", "complaints committee", "complaints"),
    DemoLogin("trainer@kring.example", "demo-trainer-2026", "trainer (registered specialist, Utrecht)"),
    DemoLogin("lid@kring.example", "demo-lid-2026", "member (practitioner, Flanders)"),
]


def fixed_people(today: datetime.date) -> dict[str, demo.PersonPlan]:
    """The people behind the demo logins, by e-mail address."""
    P, M, R, Period = demo.PersonPlan, demo.MembershipPlan, demo.RegistrationPlan, demo.PeriodPlan
    days = datetime.timedelta
    trainer_since = demo.add_years(today, -8)
    second_cycle = demo.add_years(trainer_since, demo.CYCLE_YEARS)
    utrecht = geo.lookup("3512", "NL")
    trainer = P(
        "Sanne",
        "van der",
        "Meer",
        "trainer@kring.example",
        False,
        phone="06 41234567",
        website="https://www.sannevandermeer.example",
        online=True,
        about=f"Ik geef sinds {trainer_since.year} mindfulnesstrainingen in Utrecht. Ik werk veel met mensen met stress en "
        "burn-outklachten. Je bent welkom zoals je bent.",
        consents={name: True for name in demo.CONSENT_CHANCES},
        practices=[demo.PracticePlan("Mindfulness aan de Gracht", "Oudegracht 112", utrecht)],
        work_domains=["general-public", "mental-healthcare"],
        target_groups=["adults", "employees"],
        languages=["nl", "en"],
        programmes=["mbct", "mbsr"],
        memberships=[
            M(
                "practitioner",
                trainer_since - days(3 * 365),
                trainer_since - days(1),
                "ended",
                [
                    ("active", trainer_since - days(3 * 365), "Aangemeld"),
                    ("ended", trainer_since - days(1), "Overgestapt naar trainerslid"),
                ],
            ),
            M("trainer", trainer_since, None, "active", [("active", trainer_since, "Gecertificeerd")]),
        ],
        registration=R(
            DEMO_TRAINER_AGB,
            ["mbct", "mbsr"],
            [
                Period("active", "basis", trainer_since, second_cycle - days(1), "Eerste certificering"),
                Period(
                    "active",
                    "specialist",
                    second_cycle,
                    demo.add_years(second_cycle, demo.CYCLE_YEARS) - days(1),
                    "Herregistratie",
                ),
            ],
            number=DEMO_TRAINER_NUMBER,
        ),
    )
    member_since = demo.add_years(today, -3)
    member = P(
        "Lotte",
        "",
        "Janssens",
        "lid@kring.example",
        True,
        phone="+32 470 12 34 56",
        languages=["nl", "fr"],
        memberships=[
            M(
                "student",
                demo.add_years(today, -5),
                member_since - days(1),
                "ended",
                [
                    ("active", demo.add_years(today, -5), "Aangemeld"),
                    ("ended", member_since - days(1), "Opleiding afgerond"),
                ],
            ),
            M("practitioner", member_since, None, "active", [("active", member_since, "Overgestapt van studentlid")]),
        ],
    )
    # Staff: the board member is a member of the association; the office and committees are not.
    people = {
        "bureau@kring.example": P("Marleen", "", "Kuipers", "bureau@kring.example", False),
        "bestuur@kring.example": P(
            "Hans",
            "de",
            "Ridder",
            "bestuur@kring.example",
            False,
            memberships=[
                M(
                    "practitioner",
                    demo.add_years(today, -10),
                    None,
                    "active",
                    [("active", demo.add_years(today, -10), "Aangemeld")],
                )
            ],
        ),
        "certificering@kring.example": P("Ingrid", "", "Vos", "certificering@kring.example", False),
        "accreditatie@kring.example": P("Koen", "", "Maes", "accreditatie@kring.example", True),
        "klachten@kring.example": P("Judith", "van", "Dam", "klachten@kring.example", False),
        "trainer@kring.example": trainer,
        "lid@kring.example": member,
    }
    return people


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

    def store(self, plans: list[demo.PersonPlan]) -> None:
        """Queue the rows of a batch of people and write them, parents before children."""
        for plan in plans:
            self.add(plan)
        for table in self.tables:
            table.flush()

    def add(self, plan: demo.PersonPlan) -> None:
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


class Command(BaseCommand):
    help = "Fill Kring with a believable demo association (trainers, members, office, board, committees)."

    def add_arguments(self, parser):
        parser.add_argument("--trainers", type=int, default=120, help="Number of trainers (default 120).")
        parser.add_argument(
            "--members", type=int, default=150, help="Number of members without a registration (default 150)."
        )
        parser.add_argument("--seed", type=int, default=2026, help="Random seed: the same seed gives the same people.")
        parser.add_argument("--if-empty", action="store_true", help="Do nothing when Kring already has people.")
        parser.add_argument("--batch-size", type=int, default=1000, help="People per bulk insert (default 1000).")

    def handle(self, *args, trainers, members, seed, if_empty, batch_size, **options):
        if trainers < 0 or members < 0 or batch_size < 1:
            raise CommandError("--trainers and --members must be 0 or more, --batch-size at least 1.")
        if if_empty and Person.objects.exists():
            self.stdout.write("Kring already has people; no demo data added.")
            return
        started = time.perf_counter()
        today = timezone.localdate()
        vocabulary.load()
        with transaction.atomic():
            fixed = self.fixed_people_to_add(today)
            taken_emails = set(User.objects.values_list("email", flat=True)) | set(fixed)
            taken_agb = set(Registration.objects.exclude(agb_code="").values_list("agb_code", flat=True))
            taken_agb.add(DEMO_TRAINER_AGB)
            plans = demo.plan_people(
                random.Random(seed),  # nosec B311 # reproducible demo data from a seed, not a secret
                trainers=trainers,
                members=members,
                today=today,
                taken_emails=taken_emails,
                first_number=self.first_free_number(),
                taken_agb_codes=taken_agb,
            )
            writer = Writer(make_password(GENERATED_PASSWORD))
            for batch in chunks(list(fixed.values()) + plans, batch_size):
                writer.store(batch)
            writer.finish()
            self.finish_demo_logins(fixed)
            audit.record(
                "kring.demo.association.seeded",
                process="seed_demo",
                trainers=trainers,
                members=members,
                demo_logins=len(fixed),
                seed=seed,
            )
        indexed = search_index.rebuild()
        if fixed or not Group.objects.exists():
            rng = random.Random(seed)  # nosec B311 # reproducible demo data from a seed, not a secret
            intervision_demo.seed(rng, demo_trainer=Person.objects.filter(user__email="trainer@kring.example").first())
            intervision_demo.seekers(rng)
        ensure_demo_insurer()
        elapsed = time.perf_counter() - started
        self.stdout.write(
            f"Seeded {trainers} trainers and {members} members in {elapsed:.1f} s; "
            f"{indexed} trainers listed in the public register."
        )
        if fixed:
            self.stdout.write("Demo logins (staff are asked to set up two-step verification first):")
            for login in DEMO_LOGINS:
                if login.email in fixed:
                    self.stdout.write(f"  {login.who:42} {login.email:30} {login.password}")
            self.stdout.write(f"  every other seeded person: password {GENERATED_PASSWORD}")
        self.stdout.write(f"Demo insurer API key: Authorization: Bearer {DEMO_KEY}")

    def fixed_people_to_add(self, today) -> dict[str, demo.PersonPlan]:
        existing = set(
            User.objects.filter(email__in=[login.email for login in DEMO_LOGINS]).values_list("email", flat=True)
        )
        number_taken = Registration.objects.filter(number=DEMO_TRAINER_NUMBER).exists()
        people = {email: plan for email, plan in fixed_people(today).items() if email not in existing}
        if number_taken:
            people.pop("trainer@kring.example", None)
        return people

    def first_free_number(self) -> int:
        numbers = [int(n) for n in Registration.objects.values_list("number", flat=True) if n.isdigit()]
        return max([int(DEMO_TRAINER_NUMBER), *numbers]) + 1

    def finish_demo_logins(self, fixed: dict[str, demo.PersonPlan]) -> None:
        """Known passwords and granted roles for the demo logins. Staff have no two-step verification yet:
        Kring asks them to set it up when they first open a staff page."""
        since = timezone.localdate() - datetime.timedelta(days=365)
        for login in DEMO_LOGINS:
            if login.email not in fixed:
                continue
            user = User.objects.get(email=login.email)
            user.set_password(login.password)
            user.save(update_fields=["password"])
            if login.role:
                RoleGrant.objects.create(user=user, role=login.role, starts_on=since, note="Demo")
