from django.core.management.base import BaseCommand, CommandError

from sitewide.demo.builder import DemoBuilder


class Command(BaseCommand):
    help = "Create the demo content (idempotent: a second run creates nothing new)."

    def handle(self, *args, **options):
        builder = DemoBuilder(log=lambda message: self.stdout.write(message))
        try:
            builder.build()
        except ValueError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
