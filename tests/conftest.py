import io

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues():
    """The suite runs with the compiled translation catalogues, as `make run` and deployments do."""
    from django.conf import settings
    from django.test.signals import setting_changed

    call_command("compile_catalogues", stdout=io.StringIO())
    # Forget any catalogue Django loaded before the .mo files were (re)written.
    setting_changed.send(
        sender=None,
        setting="LOCALE_PATHS",
        value=settings.LOCALE_PATHS,
        enter=False,
    )


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the demo site; each test's own changes are rolled back."""
    with django_db_blocker.unblock():
        call_command("seed_demo", stdout=io.StringIO())
        call_command("collectstatic", "--noinput", verbosity=0)


@pytest.fixture
def seeded(db):
    return db


@pytest.fixture
def client_en(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client
