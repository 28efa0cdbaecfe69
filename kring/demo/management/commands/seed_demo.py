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

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from kring.accounts.models import RoleGrant, User
from kring.core import audit
from kring.demo import accreditation as accreditation_demo
from kring.demo import association as association_demo
from kring.demo import events as events_demo
from kring.demo import finance as finance_demo
from kring.demo import find as find_demo
from kring.demo import intervision as intervision_demo
from kring.demo import people as demo
from kring.demo import plans
from kring.demo.insurer import DEMO_KEY, ensure_demo_insurer
from kring.demo.logins import DEMO_LOGINS, DEMO_TRAINER_AGB, DEMO_TRAINER_NUMBER, GENERATED_PASSWORD, fixed_people
from kring.demo.writer import Writer, chunks
from kring.events.models import Event
from kring.find.models import Course
from kring.intervision.models import Group
from kring.members import vocabulary
from kring.members.models import (
    Person,
)
from kring.register import search_index
from kring.register.models import Registration


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
        association_demo.seed()
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
        accreditation_demo.seed(random.Random(seed))  # nosec B311 # reproducible demo data
        if not Course.objects.exists():
            find_demo.seed(random.Random(seed))  # nosec B311 # reproducible demo data from a seed, not a secret
        if fixed or not Event.objects.exists():
            events_demo.seed(
                random.Random(seed),  # nosec B311 # reproducible demo data from a seed, not a secret
                demo_trainer=Person.objects.filter(user__email="trainer@kring.example").first(),
                demo_member=Person.objects.filter(user__email="lid@kring.example").first(),
            )
        ensure_demo_insurer()
        finance_demo.seed(random.Random(seed))  # nosec B311 # reproducible demo data, not a secret
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
            self.stdout.write(
                f"  {'institute staff (Utrecht, Antwerpen)':42} {accreditation_demo.INSTITUTE_LOGIN[0]:30} {accreditation_demo.INSTITUTE_LOGIN[1]}"
            )
        self.stdout.write(f"Demo insurer API key: Authorization: Bearer {DEMO_KEY}")

    def fixed_people_to_add(self, today) -> dict[str, plans.PersonPlan]:
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

    def finish_demo_logins(self, fixed: dict[str, plans.PersonPlan]) -> None:
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
