from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from stories.consent.takedown import withdraw
from stories.models import ConsentRecord, ConsentWithdrawal

PARTS = [value for value, _label in ConsentWithdrawal.PART_CHOICES]


class Command(BaseCommand):
    help = (
        "Record that a teller withdrew consent, and take the story down everywhere it is no "
        "longer covered: every translation and alias, search, caches."
    )

    def add_arguments(self, parser):
        parser.add_argument("pseudonym")
        parser.add_argument("--reason", required=True, help="Why (kept with the consent record).")
        parser.add_argument("--part", choices=PARTS, default=ConsentWithdrawal.EVERYTHING)
        parser.add_argument("--language", help="Language code, with --part language.")

    def handle(self, pseudonym, reason, part, language, **options):
        try:
            record = ConsentRecord.objects.get(pseudonym__iexact=pseudonym)
        except ConsentRecord.DoesNotExist:
            raise CommandError(
                f"No consent record with the pseudonym {pseudonym!r}. Nothing was changed."
            ) from None
        locale = None
        if part == ConsentWithdrawal.LANGUAGE:
            if not language:
                raise CommandError("--part language needs --language (e.g. --language en).")
            locale = Locale.objects.filter(language_code=language).first()
            if locale is None:
                raise CommandError(f"Unknown language {language!r}. Nothing was changed.")
        try:
            result = withdraw(record, reason=reason, part=part, language=locale)
        except ValidationError as error:
            raise CommandError("; ".join(error.messages)) from None
        self.stdout.write(f"Withdrawal recorded ({part}). {result.describe()}.")
