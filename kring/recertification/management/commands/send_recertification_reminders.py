"""Queue today's recertification reminders. Run once a day (cron or a systemd timer)."""

from django.core.management.base import BaseCommand

from kring.recertification.tasks import send_cycle_reminders


class Command(BaseCommand):
    help = "Queue the gentle reminders before recertification cycles end (each is sent once)."

    def handle(self, *args, **options):
        send_cycle_reminders.enqueue()
        self.stdout.write("Reminders queued.")
