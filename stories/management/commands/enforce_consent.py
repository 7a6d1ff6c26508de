from django.core.management.base import BaseCommand

from stories.consent.takedown import enforce_all


class Command(BaseCommand):
    help = (
        "Take down every live story whose consent has expired, was withdrawn or no longer covers "
        "its language. Idempotent; run it from cron. (Serving checks consent at every request "
        "too, so readers are protected even before this runs.)"
    )

    def handle(self, *args, **options):
        results = enforce_all()
        if not results:
            self.stdout.write("Nothing to do: every live story is covered by consent.")
            return
        for result in results:
            self.stdout.write(f"Taken down: {result.describe()}.")
