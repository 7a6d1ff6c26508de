"""Backup and restore, as an operator runs them: each command in a process of its own, against
throwaway environments (a database of their own, SQLite file or PostgreSQL database, and a
media folder of their own).

The demo site of the test database is copied out once (the `backup` code, in process), restored
into a source environment, and from there on everything runs through `manage.py`.
"""

import gzip
import io
import json
import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from sitewide.operations.backup import MANIFEST, BackupError, read_backup
from tests.helpers import (
    FIRST_PSEUDONYM,
    FIRST_SLUG,
    SECOND_PSEUDONYM,
    SECOND_SLUG,
    SECOND_TESTIMONY,
    first_story_path,
    second_story_path,
)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
POSTGRES = "postgresql" in settings.DATABASES["default"]["ENGINE"]
# Pages whose HTML must come back byte for byte.
SAMPLED = ["/nl/", first_story_path("nl"), first_story_path("en")]
FIRST_PAGES = [first_story_path("nl"), first_story_path("en")]
SECOND_PAGES = [second_story_path("nl"), second_story_path("en")]


class Environment:
    """One installation of the site: its own database, media folder, cache and local state."""

    def __init__(self, root: Path, database_url: str):
        self.root = root
        self.database_url = database_url
        root.mkdir(parents=True, exist_ok=True)

    def env(self) -> dict:
        env = {
            key: value
            for key, value in os.environ.items()
            if key not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "REDIS_URL")
        }
        env.update(
            # The production settings with every app the test database was made with: the
            # backup restored here is a copy of it, and restoring refuses a migration it does
            # not know (the test settings add the bench's reference page type, bench/settings.py).
            DJANGO_SETTINGS_MODULE="bench.settings",
            DATABASE_URL=self.database_url,
            SECRET_KEY="test-only-" + "k" * 50,
            VAR_DIR=str(self.root / "var"),
            MEDIA_ROOT=str(self.root / "media"),
            STATIC_ROOT=str(settings.STATIC_ROOT),
            SITE_HTTPS="0",
            ALLOWED_HOSTS="localhost",
            EMAIL_URL="memory://",
            LOG_LEVEL="ERROR",
            PYTHONWARNINGS="ignore",
        )
        return env

    def run(self, *args) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, *args],
            cwd=ROOT,
            env=self.env(),
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=300,
        )

    def manage(self, *args, ok=True) -> subprocess.CompletedProcess:
        finished = self.run("manage.py", *args)
        if ok:
            assert finished.returncode == 0, finished.stdout + finished.stderr
        return finished

    def probe(self, fetch=(), stories=(), dump=None, feed=False) -> dict:
        args = ["-m", "tests.backup_probe", *(["--feed"] if feed else [])]
        args += [item for url in fetch for item in ("--fetch", url)]
        args += [item for name in stories for item in ("--story", name)]
        if dump:
            args += ["--dump", str(dump)]
        finished = self.run(*args)
        assert finished.returncode == 0, finished.stderr
        return json.loads(finished.stdout)


def _admin_connection():
    import psycopg

    db = settings.DATABASES["default"]
    return psycopg.connect(
        dbname=db["NAME"],
        user=db["USER"],
        password=db["PASSWORD"],
        host=db["HOST"],
        port=db["PORT"] or 5432,
        autocommit=True,
    )


@pytest.fixture(scope="module")
def environments(tmp_path_factory):
    """Makes environments with empty databases; drops the PostgreSQL ones afterwards."""
    made = []

    def make(label: str) -> Environment:
        root = tmp_path_factory.mktemp(label)
        if not POSTGRES:
            return Environment(root, f"sqlite:///{root / 'db.sqlite3'}")
        db = settings.DATABASES["default"]
        name = f"longread_backup_{label}_{uuid.uuid4().hex[:8]}"
        with _admin_connection() as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        made.append(name)
        credentials = quote(db["USER"], safe="") + ":" + quote(db["PASSWORD"], safe="")
        url = f"postgres://{credentials}@{db['HOST']}:{db['PORT'] or 5432}/{name}"
        return Environment(root, url)

    yield make
    if made:
        with _admin_connection() as admin:
            for name in made:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def source(django_db_setup, django_db_blocker, environments, tmp_path_factory):
    """An environment holding the demo site, its fingerprint, and a backup made of it."""
    folder = tmp_path_factory.mktemp("archives")
    demo = folder / "demo.tar.gz"
    with django_db_blocker.unblock():
        call_command("backup", str(demo), stdout=io.StringIO())
    env = environments("source")
    env.manage("restore", str(demo))
    before = env.probe(fetch=SAMPLED, dump=env.root / "dump.json")
    archive = folder / "site.tar.gz"
    made = env.manage("backup", str(archive))
    assert "Backup written" in made.stdout
    return env, archive, before


@pytest.fixture(scope="module")
def restored(source, environments):
    """The backup restored into an empty environment."""
    _env, archive, _before = source
    env = environments("restored")
    env.manage("restore", str(archive))
    return env, env.probe(fetch=SAMPLED, dump=env.root / "dump.json")


def test_round_trip_into_an_empty_environment_gives_the_same_site(source, restored):
    original, archive, before = source
    copy, after = restored
    assert before["counts"]["wagtailcore_page"] > 20
    assert after["counts"] == before["counts"]
    dump_before = (original.root / "dump.json").read_text()
    assert '"model": "stories.testimonypage"' in dump_before
    assert (copy.root / "dump.json").read_text() == dump_before
    assert before["media"] and after["media"] == before["media"]
    for url in SAMPLED:
        assert before["fetched"][url]["status"] == 200, url
        assert after["fetched"][url] == before["fetched"][url], url
    assert os.stat(archive).st_mode & 0o077 == 0  # personal data: owner only


def test_manifest_lists_checksums_migrations_time_and_ledger(source, tmp_path):
    _env, archive, _before = source
    with tarfile.open(archive) as opened:
        names = opened.getnames()
        manifest = json.load(opened.extractfile(MANIFEST))
    database = "database.pgdump" if POSTGRES else "database.sqlite3"
    assert manifest["database"] == {
        "vendor": "postgresql" if POSTGRES else "sqlite",
        "member": database,
    }
    assert set(manifest["members"]) == set(names) - {MANIFEST}
    assert any(name.startswith("media/original_images/") for name in names)
    assert all(len(member["sha256"]) == 64 for member in manifest["members"].values())
    assert "stories.0008_consent_ledger_withdrawal" in manifest["migrations"]
    assert manifest["created_at"] and manifest["latest_ledger_entry"] is None
    assert read_backup(archive, tmp_path).manifest == manifest


def _rewrite(archive: Path, target: Path, change):
    """A copy of the archive whose members pass through `change(name, data)`."""
    with tarfile.open(archive) as source, tarfile.open(target, "w:gz") as copy:
        for member in source.getmembers():
            data = change(member.name, source.extractfile(member).read())
            if data is None:
                continue
            member.size = len(data)
            copy.addfile(member, io.BytesIO(data))
    return target


def _media_changed(name, data):
    return data + b"tampered" if name.startswith("media/") else data


def _damaged(kind: str, archive: Path, folder: Path) -> Path:
    target = folder / f"{kind}.tar.gz"
    raw = archive.read_bytes()
    if kind == "truncated":
        target.write_bytes(raw[: len(raw) // 2])
    elif kind == "flipped-byte":
        middle = len(raw) // 2
        target.write_bytes(raw[:middle] + bytes([raw[middle] ^ 0xFF]) + raw[middle + 1 :])
    elif kind == "wrong-checksum":
        _rewrite(archive, target, _media_changed)
    elif kind == "member-missing":
        _rewrite(archive, target, lambda name, data: None if name.startswith("media/") else data)
    elif kind == "no-manifest":
        _rewrite(archive, target, lambda name, data: None if name == MANIFEST else data)
    elif kind == "foreign-manifest":

        def foreign(name, data):
            return b'{"format": "something-else"}' if name == MANIFEST else data

        _rewrite(archive, target, foreign)
    elif kind == "not-an-archive":
        target.write_bytes(gzip.compress(b"just some text"))
    elif kind == "escaping-member":
        with tarfile.open(target, "w:gz") as copy:
            info = tarfile.TarInfo("../outside.txt")
            info.size = 1
            copy.addfile(info, io.BytesIO(b"x"))
    return target


@pytest.mark.parametrize(
    "kind",
    [
        "truncated",
        "flipped-byte",
        "wrong-checksum",
        "member-missing",
        "no-manifest",
        "foreign-manifest",
        "not-an-archive",
        "escaping-member",
    ],
)
def test_a_damaged_or_foreign_archive_is_refused(source, tmp_path, kind):
    _env, archive, _before = source
    damaged = _damaged(kind, archive, tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    with pytest.raises(BackupError) as refused:
        read_backup(damaged, work)
    assert SAID.get(kind, "") in str(refused.value)
    assert not (tmp_path / "outside.txt").exists()


# What the refusal says, for the damage an operator most likely meets.
SAID = {"truncated": "damaged, truncated or not a backup", "wrong-checksum": "wrong checksum"}


def test_restore_refuses_damage_and_a_full_database_and_changes_nothing(source, tmp_path):
    env, archive, fingerprint = source
    # Every kind of damage is refused by the same reading (test_a_damaged_or_foreign_archive_is_
    # refused); here the command says so, and changes nothing.
    damaged = _damaged("truncated", archive, tmp_path)
    refused = env.manage("restore", str(damaged), "--force", ok=False)
    assert refused.returncode != 0
    assert "CommandError" in refused.stderr, refused.stderr
    assert "damaged, truncated or not a backup" in refused.stderr
    assert "Traceback" not in refused.stderr
    refused = env.manage("restore", str(archive), ok=False)
    assert refused.returncode != 0 and "not empty" in refused.stderr and "--force" in refused.stderr
    after = env.probe(dump=tmp_path / "dump.json")
    assert after["counts"] == fingerprint["counts"]
    assert after["media"] == fingerprint["media"]
    assert (tmp_path / "dump.json").read_text() == (env.root / "dump.json").read_text()


NARROWED = "Mark [demo]"
# What happens after the backup, in one script an operator runs: the commands that withdraw
# (they have tests of their own: test_consent_withdrawal, test_erasure), and a script that
# narrows a record to the website alone (no form, no command): a ledger entry all the same, so
# the restore takes the story off the API again.
CHANGES_AFTER_THE_BACKUP = f"""
from django.core.management import call_command
from stories.models import ConsentRecord
call_command("withdraw_consent", {FIRST_PSEUDONYM!r}, "--reason", "Asked by phone")
call_command("withdraw_consent", {SECOND_PSEUDONYM!r}, "--reason", "Not for partners",
             "--part", "api")
record = ConsentRecord.objects.get(pseudonym={NARROWED!r})
record.allows_api = False
record.save()
call_command("erase_story", {SECOND_PSEUDONYM!r}, "--yes")
"""


@pytest.fixture(scope="module")
def withdrawn_and_erased_after_the_backup(source, restored):
    """The site restored from the backup (the round trip's copy, compared already); then the
    first demo testimony is withdrawn and the second one is erased; then the same (older)
    backup is restored over it."""
    _env, archive, _before = source
    env, _fingerprint = restored
    changed = env.manage("shell", "-c", CHANGES_AFTER_THE_BACKUP)
    assert "Erased." in changed.stdout
    # The probes read the changes feed too (before fetching any page), in their own process.
    before = env.probe(
        stories=[FIRST_PSEUDONYM, SECOND_PSEUDONYM, NARROWED],
        dump=env.root / "before.json",
        feed=True,
    )
    restore = env.manage("restore", str(archive), "--force")
    after = env.probe(
        fetch=[*FIRST_PAGES, *SECOND_PAGES, "/sitemap.xml", "/en/search/?q=trust"],
        stories=[FIRST_PSEUDONYM, SECOND_PSEUDONYM, NARROWED],
        dump=env.root / "after.json",
        feed=True,
    )
    return env, before, restore, after


def test_the_changes_feed_goes_on_above_every_id_handed_out_before_the_restore(
    withdrawn_and_erased_after_the_backup,
):
    """A partner's cursor (the newest id it saw) never skips an event written after the
    restore, and every page the backup set back is announced as it now stands."""
    _env, before, _restore, after = withdrawn_and_erased_after_the_backup
    cursor = max(pk for pk, _event, _page in before["feed"])
    kept = [event for event in after["feed"] if event[0] <= cursor]
    new = [event for event in after["feed"] if event[0] > cursor]
    assert new, "the restore announced nothing"
    assert all(event in before["feed"] for event in kept)  # the backup's own events
    # Every page with an event the backup does not hold is announced again, after the cursor.
    backup_max = max(pk for pk, _event, _page in kept)
    undone = {page for pk, _event, page in before["feed"] if pk > backup_max}
    assert undone <= {page for _pk, _event, page in new}
    # The first testimony's pages were withdrawn after the backup: partners are told to take
    # them down.
    first_pages = {int(pk) for pk in before["stories"][FIRST_PSEUDONYM]["pages"]}
    withdrawn = {page for _pk, event, page in new if event == "withdrawn"}
    assert first_pages <= withdrawn


def test_an_api_only_narrowing_after_the_backup_stays_narrowed(
    source, withdrawn_and_erased_after_the_backup
):
    _env, _archive, original = source
    env, before, restore, after = withdrawn_and_erased_after_the_backup
    narrowed = after["stories"][NARROWED]
    assert narrowed["visible"]["api"] == [] and narrowed["visible"]["website"]
    assert narrowed["visible"] == before["stories"][NARROWED]["visible"]
    entry = next(e for e in after["ledger"] if e["kind"] == "narrowing")
    assert entry["scope"] == {"channels": ["api"]}
    assert f"Entry {entry['id']} (narrowing" in restore.stdout


def test_a_story_withdrawn_after_the_backup_stays_offline(
    source, withdrawn_and_erased_after_the_backup
):
    _env, _archive, original = source
    env, before, restore, after = withdrawn_and_erased_after_the_backup
    assert "Re-applied from the consent ledger" in restore.stdout
    first = after["stories"][FIRST_PSEUDONYM]
    assert len(first["pages"]) == 3  # nl, en and the Arabic demo translation
    assert not any(page["live"] for page in first["pages"].values())
    assert all(not visible for visible in first["visible"].values())
    assert first["withdrawals"] == [["everything", None]]
    for url in FIRST_PAGES:
        assert after["fetched"][url]["status"] == 404, url
    slug = f"/{FIRST_SLUG['en']}/"
    assert slug not in after["fetched"]["/sitemap.xml"]["body"]
    assert slug not in after["fetched"]["/en/search/?q=trust"]["body"]
    # The backup itself had the story online.
    assert original["fetched"][first_story_path("en")]["status"] == 200


def test_a_story_erased_after_the_backup_stays_gone(source, withdrawn_and_erased_after_the_backup):
    original_env, _archive, original = source
    env, before, restore, after = withdrawn_and_erased_after_the_backup
    second = after["stories"][SECOND_PSEUDONYM]
    assert second == {
        "pages": {},
        "record": None,
        "withdrawals": [],
        "visible": {channel: [] for channel in second["visible"]},
        "indexed": 0,
    }
    for url in SECOND_PAGES:
        assert after["fetched"][url]["status"] == 404, url
    dump_in_backup = (original_env.root / "dump.json").read_text()
    dump_after = (env.root / "after.json").read_text()
    dutch_title, slug = SECOND_TESTIMONY["title"]["nl"], SECOND_SLUG["nl"]
    for title in (f'"{dutch_title}"', f'"slug": "{slug}"', f'"pseudonym": "{SECOND_PSEUDONYM}"'):
        assert title in dump_in_backup
        assert title not in dump_after, title
    # Files only the erased story used stay deleted; nothing else is missing.
    assert after["media"] == before["media"]


def test_the_ledger_survives_the_restore_whole(withdrawn_and_erased_after_the_backup):
    _env, before, _restore, after = withdrawn_and_erased_after_the_backup
    kinds = [(entry["kind"], entry["part"]) for entry in before["ledger"]]
    assert kinds == [
        ("withdrawal", "everything"),
        ("withdrawal", "api"),
        ("narrowing", ""),
        ("erasure", ""),
    ]
    assert after["ledger"] == before["ledger"]
    assert after["counts"]["stories_consentledgerentry"] == 4
    # The copy kept during the restore is gone once the ledger is re-applied.
    assert not list((_env.root / "var").glob("ledger-before-restore-*"))


def test_restoring_again_changes_nothing_more(source, withdrawn_and_erased_after_the_backup):
    _env, archive, _before = source
    env, _before, _restore, after = withdrawn_and_erased_after_the_backup
    again = env.manage("restore", str(archive), "--force")
    assert again.stdout.count("Entry ") == 4
    second = env.probe(
        stories=[FIRST_PSEUDONYM, SECOND_PSEUDONYM, NARROWED], dump=env.root / "again.json"
    )
    assert second["ledger"] == after["ledger"]
    assert second["stories"] == after["stories"]
    assert second["counts"] == after["counts"]


def test_a_ledger_export_brings_the_ledger_to_an_empty_database(
    source, withdrawn_and_erased_after_the_backup, environments
):
    """The database with the newest ledger is lost: an export of it still keeps the withdrawn
    story down."""
    _env, archive, _before = source
    env, _before, _restore, after = withdrawn_and_erased_after_the_backup
    export = env.root / "ledger.json"
    env.manage("export_consent_ledger", str(export))
    assert FIRST_PSEUDONYM not in export.read_text() and "phone" not in export.read_text()
    fresh = environments("fresh")
    fresh.manage("restore", str(archive), "--ledger", str(export))
    state = fresh.probe(stories=[FIRST_PSEUDONYM, SECOND_PSEUDONYM])
    assert state["ledger"] == after["ledger"]
    assert state["stories"][SECOND_PSEUDONYM]["pages"] == {}
    assert not any(page["live"] for page in state["stories"][FIRST_PSEUDONYM]["pages"].values())


@pytest.mark.django_db
def test_every_withdrawal_is_in_the_ledger_with_its_part_and_language():
    from wagtail.models import Locale

    from stories.consent.takedown import withdraw
    from stories.models import ConsentLedgerEntry, ConsentRecord

    record = ConsentRecord.objects.get(pseudonym=SECOND_PSEUDONYM)
    withdraw(record, reason="No partners", part="api")
    english = Locale.objects.get(language_code="en")
    result = withdraw(record, reason="Not in English", part="language", language=english)
    api, language = ConsentLedgerEntry.objects.order_by("pk")
    assert (api.part, api.page_ids, api.withdrawal_id) == (
        "api",
        [],
        record.withdrawals.get(part="api").pk,
    )
    assert (language.part, language.language_code) == ("language", "en")
    assert language.page_ids == sorted(result.unpublished) and result.unpublished


@pytest.mark.skipif(POSTGRES, reason="other database run: SQLite's file is read directly here")
def test_sqlite_archive_holds_a_self_contained_database(source, tmp_path):
    import sqlite3

    _env, archive, _before = source
    with tarfile.open(archive) as opened:
        opened.extract("database.sqlite3", tmp_path, filter="data")
    assert not (tmp_path / "database.sqlite3-wal").exists()
    with sqlite3.connect(tmp_path / "database.sqlite3") as copy:
        (mode,) = copy.execute("PRAGMA journal_mode").fetchone()
        (pages,) = copy.execute("SELECT COUNT(*) FROM wagtailcore_page").fetchone()
    assert mode == "delete" and pages > 20


@pytest.mark.skipif(not POSTGRES, reason="other database run: pg_restore, on PostgreSQL")
def test_postgresql_restore_drops_tables_the_backup_does_not_know(source, environments):
    """A table of a later migration would make the migrate after the restore fail."""
    import psycopg

    _env, archive, _before = source
    env = environments("extra")
    url = env.database_url.replace("postgres://", "postgresql://", 1)
    with psycopg.connect(url, autocommit=True) as target:
        target.execute("CREATE TABLE later_migration (id integer)")
    env.manage("restore", str(archive), "--force")
    with psycopg.connect(url) as target:
        tables = {
            name
            for (name,) in target.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            ).fetchall()
        }
    assert "later_migration" not in tables and "wagtailcore_page" in tables


def test_backup_refuses_to_overwrite_a_file(tmp_path):
    existing = tmp_path / "backup.tar.gz"
    existing.write_bytes(b"an older backup")
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(existing), stdout=io.StringIO())
    assert existing.read_bytes() == b"an older backup"
