from django.core.management.base import BaseCommand

from sitewide.staff.roles import ensure_translator_groups


class Command(BaseCommand):
    help = (
        "Create or complete the group 'Translators (<code>)' of every configured language after "
        "the source: admin access, that language's tree, its snippet records. Idempotent; "
        "`migrate` runs it too."
    )

    def handle(self, *args, **options):
        for group in ensure_translator_groups():
            pages = group.page_permissions.count()
            self.stdout.write(f"{group.name}: {'tree' if pages else 'no tree yet'}")
