from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sitewide.operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore a backup made by `backup`: check every checksum first, replace the database "
        "and the media files, migrate, then re-apply every consent ledger entry newer than the "
        "backup (withdrawn, expired or erased stories stay down or gone). Stop the site first."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The archive written by `backup`.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace a database that is not empty.",
        )
        parser.add_argument(
            "--ledger",
            type=Path,
            help="A consent ledger export (export_consent_ledger) to re-apply as well: needed "
            "when the database holding the newest ledger is lost.",
        )

    def handle(self, file, force, ledger, **options):
        try:
            result = restore_backup(file, force=force, ledger_file=ledger)
        except BackupError as error:
            raise CommandError(str(error)) from None
        for line in result.describe():
            self.stdout.write(line)
