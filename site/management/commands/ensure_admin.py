import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from wagtail.users.models import UserProfile

from sitewide.environment import env


class Command(BaseCommand):
    help = (
        "Create the account 'admin' if no superuser exists "
        "(password: ADMIN_PASSWORD, else generated and printed once)."
    )

    def add_arguments(self, parser):
        languages = [code for code, _name in settings.WAGTAILADMIN_PERMITTED_LANGUAGES]
        parser.add_argument(
            "--language",
            choices=languages,
            help="The account's admin language; without it, the organisation's default "
            "(ADMIN_DEFAULT_LANGUAGE: Dutch), which its owner can change in Account.",
        )

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("A superuser exists already; no account created.")
            return
        password = env("ADMIN_PASSWORD")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(18)
        user = User.objects.create_superuser("admin", email="", password=password)
        if options.get("language"):
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = options["language"]
            profile.save(update_fields=["preferred_language"])
        if generated:
            # Printed once: it is stored only as a hash.
            self.stdout.write(f"Created the account 'admin' with password: {password}")
        else:
            self.stdout.write("Created the account 'admin' with the password from ADMIN_PASSWORD.")
        # Every staff account has a second factor; this one too (sitewide.staff.two_factor).
        self.stdout.write(
            "At its first sign-in at /admin/ it sets up two-factor sign-in: "
            "have an authenticator app ready."
        )
