"""The demo database every test starts from, made once per run and copied into each worker.

Migrating and seeding take most of a worker's start (Wagtail's migrations, the demo's images and
their renditions). In a parallel run (pytest-xdist) the first worker to get here does both and
keeps a copy; the others start from that copy: SQLite's backup into their in-memory database, or
PostgreSQL's `CREATE DATABASE ... TEMPLATE`. Every worker still runs `migrate` (with nothing left
to apply, a missing migration still shows) and its own `post_migrate` handlers.

The workers share a folder (FOLDER_VARIABLE, chosen by tests/settings.py in the process that
starts them) and take turns with a file lock. The last worker to finish drops the PostgreSQL copy.
"""

import fcntl
import os
import shutil
import sqlite3
from contextlib import closing, contextmanager
from pathlib import Path

FOLDER_VARIABLE = "TEST_DATABASE_TEMPLATE"


@contextmanager
def _turn(folder: Path):
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / "lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        yield


# What seeding leaves outside the database: the demo's files, and the collected static files.
FOLDERS = ("MEDIA_ROOT", "STATIC_ROOT")


class SeededDatabase:
    """setup() gives this worker the seeded test database (built by `seed`, a callable, when no
    copy exists yet); teardown() removes it."""

    def __init__(self, connection, worker: str):
        self.connection = connection
        self.worker = worker
        self.folder = Path(os.environ[FOLDER_VARIABLE]) / connection.vendor
        self.config = None
        self._memory = None  # SQLite: a connection keeping the in-memory copy alive

    def setup(self, seed) -> None:
        from django.conf import settings
        from django.test.utils import setup_databases

        with _turn(self.folder):
            (self.folder / "users" / self.worker).parent.mkdir(exist_ok=True)
            (self.folder / "users" / self.worker).touch()
            complete = (self.folder / "complete").exists()
            if complete:
                self._load()
            self.config = setup_databases(
                verbosity=0,
                interactive=False,
                keepdb=complete and self.connection.vendor == "sqlite",
                aliases={"default"},
                serialized_aliases=set(),
            )
            if complete:
                return
            seed()
            self._save()
            for name in FOLDERS:
                if Path(getattr(settings, name)).is_dir():
                    shutil.copytree(getattr(settings, name), self.folder / name)
            (self.folder / "complete").touch()

    def _load(self) -> None:
        """Puts the copy where setup_databases will find it."""
        from django.conf import settings

        for name in FOLDERS:
            source = self.folder / name
            if source.is_dir():
                shutil.copytree(source, getattr(settings, name), dirs_exist_ok=True)
        # A page rendered before this (by a test without the database) read an empty manifest.
        from django.contrib.staticfiles.storage import staticfiles_storage

        staticfiles_storage.hashed_files, staticfiles_storage.manifest_hash = (
            staticfiles_storage.load_manifest()
        )
        if self.connection.vendor == "sqlite":
            # The shared-cache in-memory database lives while one connection to it is open.
            self._memory = sqlite3.connect(self.connection.creation._get_test_db_name(), uri=True)
            with closing(sqlite3.connect(self.folder / "db.sqlite3")) as copy:
                copy.backup(self._memory)
        else:
            self.connection.settings_dict["TEST"]["TEMPLATE"] = self._postgres_template_name()

    def _save(self) -> None:
        if self.connection.vendor == "sqlite":
            with closing(sqlite3.connect(self.folder / "db.sqlite3")) as copy:
                self.connection.ensure_connection()
                self.connection.connection.backup(copy)
        else:
            # Closes this worker's connection first: a template database has no other users.
            self.connection.creation.clone_test_db(suffix="template", verbosity=0)
            self.connection.ensure_connection()
            name = self.connection.creation.get_test_db_clone_settings("template")["NAME"]
            (self.folder / "postgres-template").write_text(name)

    def _postgres_template_name(self) -> str:
        return (self.folder / "postgres-template").read_text()

    def teardown(self) -> None:
        from django.test.utils import teardown_databases

        if self.config is not None:
            teardown_databases(self.config, verbosity=0)
        if self._memory is not None:
            self._memory.close()
        with _turn(self.folder):
            (self.folder / "users" / self.worker).unlink(missing_ok=True)
            if any((self.folder / "users").iterdir()) or self.connection.vendor == "sqlite":
                return
            if (self.folder / "postgres-template").exists():
                self.connection.creation._destroy_test_db(self._postgres_template_name(), 0)
                (self.folder / "postgres-template").unlink()
            (self.folder / "complete").unlink(missing_ok=True)
