from django.core.management.base import BaseCommand

from kring.accreditation.services.reminders import reminders_send


class Command(BaseCommand):
    help = "Send the calm reminder to institutes whose accreditation ends within 12 months (run daily)."

    def handle(self, *args, **options):
        sent = reminders_send()
        self.stdout.write(f"{sent} reminder(s) sent.")
