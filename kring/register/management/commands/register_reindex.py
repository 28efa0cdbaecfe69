from django.core.management.base import BaseCommand

from kring.register import search_index


class Command(BaseCommand):
    help = "Rebuild the search index of 'find a trainer' from the register (run nightly and after imports)."

    def handle(self, *args, **options):
        listed = search_index.rebuild()
        self.stdout.write(f"{listed} registered trainers indexed.")
