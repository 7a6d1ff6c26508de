import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create the account 'admin' if no superuser exists "
        "(password: ADMIN_PASSWORD, else generated and printed once)."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.filter(is_superuser=True).exists():
            self.stdout.write("A superuser exists already; no account created.")
            return
        password = os.environ.get("ADMIN_PASSWORD")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(18)
        User.objects.create_superuser("admin", email="", password=password)
        if generated:
            # Printed once: it is stored only as a hash.
            self.stdout.write(f"Created the account 'admin' with password: {password}")
        else:
            self.stdout.write("Created the account 'admin' with the password from ADMIN_PASSWORD.")
        # Every staff account has a second factor; this one too (sitewide.two_factor).
        self.stdout.write(
            "At its first sign-in at /admin/ it sets up two-factor sign-in: "
            "have an authenticator app ready."
        )
