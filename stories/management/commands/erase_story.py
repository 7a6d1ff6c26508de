import sys

from django.core.management.base import BaseCommand, CommandError

from stories.consent.erasure import UnknownPseudonym, erase_story, find_record, plan_erasure

CONFIRMATION = "erase"


class Command(BaseCommand):
    help = (
        "Erase a teller's story for good (GDPR Art. 17): every translation and alias, revisions, "
        "logs, comments, workflow states, translation memory, search and reference index "
        "entries, the images only this story uses with their files, and the consent record. "
        "A ledger entry of ids and dates remains. Prints ids and counts, never the story's text."
    )
    # Tests hand in a stand-in for standard input.
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument("pseudonym", help="The pseudonym on the consent record.")
        parser.add_argument(
            "--yes",
            action="store_true",
            help="Do not ask for confirmation (needed when there is no terminal, as in cron).",
        )
        parser.add_argument(
            "--no-vacuum",
            action="store_true",
            help="Skip overwriting the freed database space (VACUUM). Not recommended.",
        )
        parser.add_argument(
            "--vacuum-full",
            action="store_true",
            help="On PostgreSQL, rewrite the touched tables (VACUUM FULL; locks them meanwhile).",
        )

    def handle(self, pseudonym, yes, no_vacuum, vacuum_full, **options):
        stdin = options.get("stdin") or sys.stdin
        try:
            record = find_record(pseudonym)
        except UnknownPseudonym as error:
            raise CommandError(f"{error} Nothing was changed.") from None
        plan = plan_erasure(record)
        self.stdout.write("This erases, for good:")
        for line in plan.describe():
            self.stdout.write(f"  {line}")
        if not yes:
            if not (hasattr(stdin, "isatty") and stdin.isatty()):
                raise CommandError(
                    "Refusing to erase without confirmation: there is no terminal to ask. "
                    "Pass --yes to confirm. Nothing was changed."
                )
            self.stdout.write(f"Type '{CONFIRMATION}' to erase this story: ", ending="")
            self.stdout.flush()
            answer = stdin.readline().strip()
            if answer != CONFIRMATION:
                raise CommandError("Not confirmed. Nothing was changed.")
        result = erase_story(record, compact=not no_vacuum, vacuum_full=vacuum_full)
        self.stdout.write(self.style.SUCCESS("Erased."))
        for line in result.describe():
            self.stdout.write(f"  {line}")
