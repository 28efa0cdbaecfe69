from django.core.management.base import BaseCommand

from kring.finance import reminders, sepa


class Command(BaseCommand):
    help = "Nightly money work: mandates unused for 36 months lapse, gentle payment reminders go out."

    def handle(self, *args, **options):
        lapsed = sepa.mandates_lapse()
        sent = reminders.reminders_send()
        self.stdout.write(f"mandates lapsed: {lapsed}, reminders sent: {sent}")
