from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from stories.consent.ledger import export


class Command(BaseCommand):
    help = (
        "Write the consent ledger (withdrawals, expiries and erasures as ids, codes and dates) "
        "to a JSON file. Keep the export away from the database server: `restore --ledger` "
        "re-applies it when the database itself is lost."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, file, **options):
        if not file.parent.is_dir():
            raise CommandError(f"The folder {file.parent} does not exist.")
        count = export(file)
        self.stdout.write(f"Consent ledger written to {file}: {count} entries.")
