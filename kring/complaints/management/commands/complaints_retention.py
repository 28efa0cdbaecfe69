"""Nightly: close decided complaints whose objection term has passed, and destroy closed files after
the retention term (KRING_COMPLAINTS_RETENTION_YEARS). See docs/operations.md."""

from django.core.management.base import BaseCommand

from kring.complaints.services.retention import retention_run


class Command(BaseCommand):
    help = "Close complaints whose objection term has passed and destroy files after the retention term."

    def handle(self, *args, **options):
        closed, destroyed = retention_run()
        self.stdout.write(f"closed {closed}, destroyed {destroyed}")
