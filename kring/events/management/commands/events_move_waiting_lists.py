"""Let unanswered waiting-list offers lapse and unconfirmed visitors' places go back; each freed place
is offered to the next person. Run it every few minutes from cron (docs/operations.md)."""

from django.core.management.base import BaseCommand

from kring.events import services


class Command(BaseCommand):
    help = "Pass lapsed waiting-list offers on and give back places of visitors who never confirmed."

    def handle(self, *args, **options):
        counts = services.move_waiting_lists()
        self.stdout.write(f"{counts['lapsed']} offers lapsed, {counts['expired']} unconfirmed places given back.")
