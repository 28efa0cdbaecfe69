from django.core.management.base import BaseCommand

from kring.demo.insurer import DEMO_KEY, ensure_demo_insurer


class Command(BaseCommand):
    help = "Create the demo insurer with its documented API key (for demo and development databases only)."

    def handle(self, *args, **options):
        insurer, key = ensure_demo_insurer()
        self.stdout.write(f"{insurer.name}: Authorization: Bearer {DEMO_KEY}")
