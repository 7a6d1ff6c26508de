from django.core.management.base import BaseCommand

from sitewide.api.webhooks import deliver_due


class Command(BaseCommand):
    help = (
        "Send partner webhook deliveries that are due (retries with back-off). Run it every minute."
    )

    def handle(self, *args, **options):
        count = deliver_due()
        self.stdout.write(f"{count} deliveries attempted.")
