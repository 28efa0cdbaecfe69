"""After a new key was put in front of KRING_COMPLAINTS_KEYS: encrypt every sealed text and document
again with it, so that the old key can be dropped. See docs/operations.md."""

from django.core.management.base import BaseCommand

from kring.complaints.services.keys import keys_rotate


class Command(BaseCommand):
    help = "Encrypt every complaint again with the first key of KRING_COMPLAINTS_KEYS."

    def handle(self, *args, **options):
        self.stdout.write(f"re-encrypted {keys_rotate()} rows")
