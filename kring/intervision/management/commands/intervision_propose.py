"""Queue a run of the group former. Run once a day (cron or a systemd timer)."""

from django.core.management.base import BaseCommand

from kring.intervision.tasks import proposals_run_task


class Command(BaseCommand):
    help = "Queue a run of the group former over everyone looking for an intervision group."

    def add_arguments(self, parser):
        parser.add_argument("--seed", type=int, default=None, help="Seed, for a run that can be repeated.")

    def handle(self, *args, **options):
        proposals_run_task.enqueue(seed=options["seed"])
        self.stdout.write("Group former run queued.")
