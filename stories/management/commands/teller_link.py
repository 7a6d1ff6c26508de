from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from stories.models import ConsentRecord
from stories.teller import service


class Command(BaseCommand):
    help = (
        "Issue a new private link and code for a teller (docs/teller.md); every earlier link of "
        "the record stops working. Hand the link and the code over separately."
    )

    def add_arguments(self, parser):
        parser.add_argument("pseudonym")
        parser.add_argument(
            "--language",
            default=settings.LANGUAGE_CODE,
            choices=[code for code, _name in settings.LANGUAGES],
            help="The language of the teller's page.",
        )

    def handle(self, pseudonym, language, **options):
        try:
            record = ConsentRecord.objects.get(pseudonym__iexact=pseudonym)
        except ConsentRecord.DoesNotExist:
            raise CommandError(
                f"No consent record with the pseudonym {pseudonym!r}. Nothing was changed."
            ) from None
        link, token, code = service.issue(record, language)
        self.stdout.write(f"Link: {service.link_url(language, token)}")
        self.stdout.write(f"Code: {code}")
        self.stdout.write(
            f"Valid until {service.valid_until(link):%Y-%m-%d}. Hand the link and the code over "
            "separately; every earlier link of this record was revoked."
        )
