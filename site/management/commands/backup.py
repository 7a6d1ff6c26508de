from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from sitewide.operations.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Write one archive file with the database (a consistent copy, while the site runs), "
        "the media files and a manifest of checksums, migrations and the consent ledger. "
        "The archive holds personal data: it is readable by its owner only."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The archive to write, e.g. backup.tar.gz.")

    def handle(self, file, **options):
        try:
            manifest = create_backup(file)
        except BackupError as error:
            raise CommandError(str(error)) from None
        latest = manifest["latest_ledger_entry"]
        self.stdout.write(
            f"Backup written to {file}: {manifest['database']['vendor']} database, "
            f"{len(manifest['members']) - 1} media files, "
            f"{len(manifest['ledger'])} consent ledger entries"
            + (f" (latest: {latest['id']}, {latest['happened_at']})." if latest else ".")
        )
