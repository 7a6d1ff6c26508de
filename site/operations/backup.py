"""Backups and restores: one archive file with the database, the media files and a manifest.

The archive (tar, gzip) holds:

- `database.sqlite3`, a copy made with SQLite's online backup API, or `database.pgdump`,
  `pg_dump --format=custom` of PostgreSQL: both consistent while the site runs;
- `media/...`, every media file: under MEDIA_ROOT, or in the media bucket (MEDIA_S3_BUCKET);
- `manifest.json`: the SHA-256 checksum and size of every other member, the applied
  migrations, the creation time, and the consent ledger as it stood in the copied database
  (ids, codes and dates only), with its latest entry.

A restore checks every checksum before it touches anything, refuses a database that is not
empty unless forced, replaces the database and the media files, migrates, and then re-applies
the consent ledger kept from before the restore (and from a ledger export, if given): a story
withdrawn, expired or erased after the backup was made does not come back. The changes feed
goes on above every event id handed out before the restore (sitewide.api.changes).
"""

import contextlib
import hashlib
import json
import os
import posixpath
import re
import shutil
import sqlite3
import subprocess  # nosec B404  # pg_dump/pg_restore, argument lists only
import tarfile
import tempfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import django
import wagtail
from django.conf import settings
from django.core.cache import caches
from django.core.files import File
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from django.db import DatabaseError, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from sitewide.api import changes
from stories.consent import ledger

FORMAT = "testimonies-longread-backup"
VERSION = 1
MANIFEST = "manifest.json"
MEDIA = "media"
DATABASE_MEMBERS = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
CHUNK = 1024 * 1024
# libpq reads these from the environment: the password never appears on a command line.
PG_ENVIRONMENT = {"HOST": "PGHOST", "PORT": "PGPORT", "USER": "PGUSER", "PASSWORD": "PGPASSWORD"}
PG_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "passfile": "PGPASSFILE",
    "service": "PGSERVICE",
}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is for the operator."""


@dataclass
class RestoreResult:
    manifest: dict
    reapplied: list[str] = field(default_factory=list)
    ledger_entries: int = 0

    def describe(self) -> list[str]:
        lines = [
            f"Restored the backup made at {self.manifest['created_at']} "
            f"({len(self.manifest['members']) - 1} media files).",
            f"Consent ledger: {self.ledger_entries} entries kept from before the restore.",
        ]
        if self.reapplied:
            lines.append("Re-applied from the consent ledger (newer than the backup):")
            lines += [f"  {line}" for line in self.reapplied]
        else:
            lines.append("No ledger entry is newer than the backup.")
        return lines


# --- making a backup ---------------------------------------------------------------------------


def create_backup(path, alias: str = "default") -> dict:
    """Write the archive to `path` (which must not exist yet); return its manifest."""
    path = Path(path)
    if path.exists():
        raise BackupError(f"{path} already exists; choose a new file name.")
    if not path.parent.is_dir():
        raise BackupError(f"The folder {path.parent} does not exist.")
    connection = connections[alias]
    vendor = connection.vendor
    if vendor not in DATABASE_MEMBERS:
        raise BackupError(f"Cannot back up a {vendor} database.")
    with tempfile.TemporaryDirectory(prefix="longread-backup-") as work:
        database_file = Path(work) / DATABASE_MEMBERS[vendor]
        if vendor == "sqlite":
            state = _copy_sqlite(connection, database_file)
        else:
            state = _dump_postgresql(connection, database_file)
        manifest = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": timezone.now().isoformat(),
            "database": {"vendor": vendor, "member": database_file.name},
            "migrations": state["migrations"],
            "latest_ledger_entry": ledger.latest(state["ledger"]),
            "ledger": state["ledger"],
            "software": {"django": django.__version__, "wagtail": wagtail.__version__},
            "members": {},
        }
        _write_archive(path, database_file, Path(settings.MEDIA_ROOT), manifest)
    return manifest


def _copy_sqlite(connection, target: Path) -> dict:
    """SQLite's online backup API copies the whole database in one step: a consistent copy
    while the site goes on reading and writing."""
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
        # A self-contained file: no write-ahead log beside it.
        copy.execute("PRAGMA journal_mode=DELETE")
        (check,) = copy.execute("PRAGMA quick_check").fetchone()
    finally:
        copy.close()
    if check != "ok":
        raise BackupError(f"The database copy fails SQLite's check ({check}); no backup made.")
    settings_dict = {**connection.settings_dict, "NAME": str(target), "OPTIONS": {}}
    with _extra_connection(settings_dict) as alias:
        return _state(alias)


def _dump_postgresql(connection, target: Path) -> dict:
    """pg_dump reads the snapshot this function exports, so the manifest's migrations and
    ledger describe exactly what the dump holds."""
    with _extra_connection(dict(connection.settings_dict)) as alias:
        snapshot_connection = connections[alias]
        with snapshot_connection.cursor() as cursor:
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            try:
                cursor.execute("SELECT pg_export_snapshot()")
                (snapshot,) = cursor.fetchone()
                state = _state(alias)
                _run(
                    [
                        _pg_tool("pg_dump"),
                        "--format=custom",
                        f"--snapshot={snapshot}",
                        f"--file={target}",
                        "--dbname",
                        connection.settings_dict["NAME"],
                    ],
                    connection.settings_dict,
                )
            finally:
                cursor.execute("ROLLBACK")
    return state


def _state(alias: str) -> dict:
    connection = connections[alias]
    try:
        applied = MigrationRecorder(connection).applied_migrations()
        saved = ledger.entries(using=alias)
    except DatabaseError as error:
        raise BackupError(
            f"The database cannot be read as this site's ({error}): run migrate first."
        ) from None
    return {"migrations": sorted(f"{app}.{name}" for app, name in applied), "ledger": saved}


@contextlib.contextmanager
def _extra_connection(settings_dict: dict):
    """A connection of its own, under a temporary alias the ORM can use."""
    from django.db.utils import load_backend

    alias = f"backup_{os.getpid()}_{id(settings_dict)}"
    wrapper = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(settings_dict, alias)
    connections[alias] = wrapper
    try:
        yield alias
    finally:
        wrapper.close()
        del connections[alias]


class _HashingReader:
    """Hands tarfile the file's bytes and hashes exactly those."""

    def __init__(self, file):
        self.file = file
        self.sha256 = hashlib.sha256()
        self.size = 0

    def read(self, size=-1):
        data = self.file.read(size)
        self.sha256.update(data)
        self.size += len(data)
        return data


def _media_members(media_root: Path) -> list[tuple]:
    """(opener, archive name, size) of every media file, on disk or in the bucket."""
    if not isinstance(default_storage, FileSystemStorage):
        return [
            (lambda name=name: default_storage.open(name, "rb"), f"{MEDIA}/{name}", size)
            for name, size in _stored_files(default_storage)
        ]
    members = []
    if media_root.is_dir():
        for file in sorted(media_root.rglob("*")):
            if file.is_file() and not file.is_symlink():
                name = f"{MEDIA}/{file.relative_to(media_root).as_posix()}"
                members.append((lambda file=file: file.open("rb"), name, file.stat().st_size))
    return members


def _stored_files(storage, folder: str = ""):
    """Every file a storage holds, by name, with its size (object stores have no walk)."""
    folders, files = storage.listdir(folder)
    for file in sorted(files):
        name = posixpath.join(folder, file)
        yield name, storage.size(name)
    for sub in sorted(folders):
        yield from _stored_files(storage, posixpath.join(folder, sub))


def _write_archive(path: Path, database_file: Path, media_root: Path, manifest: dict):
    database = (
        lambda: database_file.open("rb"),
        database_file.name,
        database_file.stat().st_size,
    )
    members = [database, *_media_members(media_root)]
    # Written under a temporary name and renamed: a half-written archive never looks complete.
    handle, partial = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.chmod(partial, 0o600)  # it holds personal data
        with os.fdopen(handle, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as archive:
            for opener, name, size in members:
                info = _tar_info(name, size)
                with opener() as source:
                    reader = _HashingReader(source)
                    archive.addfile(info, reader)
                manifest["members"][name] = {"sha256": reader.sha256.hexdigest(), "size": info.size}
            body = json.dumps(manifest, indent=1, sort_keys=True).encode()
            archive.addfile(_tar_info(MANIFEST, len(body)), _HashingReader(_Bytes(body)))
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


class _Bytes:
    def __init__(self, data: bytes):
        self.data, self.offset = data, 0

    def read(self, size=-1):
        end = len(self.data) if size is None or size < 0 else self.offset + size
        chunk = self.data[self.offset : end]
        self.offset += len(chunk)
        return chunk


def _tar_info(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size = size
    info.mode = 0o600
    info.mtime = int(timezone.now().timestamp())
    return info


# --- reading and checking a backup -------------------------------------------------------------


@dataclass
class VerifiedBackup:
    manifest: dict
    database_file: Path
    media_dir: Path
    ledger: list[dict]


def read_backup(path, work: Path) -> VerifiedBackup:
    """Unpack the archive into `work` and check it whole: a readable archive of this site,
    exactly the members the manifest lists, every checksum right. Touches nothing else."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path} is not a file.")
    found: dict[str, dict] = {}
    try:
        with tarfile.open(path, mode="r|gz") as archive:
            for member in archive:
                name = _safe_name(member)
                if name in found:
                    raise BackupError(f"The archive holds {name} twice.")
                target = work / name
                target.parent.mkdir(parents=True, exist_ok=True)
                digest = hashlib.sha256()
                size = 0
                source = archive.extractfile(member)
                with target.open("wb") as out:
                    while chunk := source.read(CHUNK):
                        digest.update(chunk)
                        size += len(chunk)
                        out.write(chunk)
                found[name] = {"sha256": digest.hexdigest(), "size": size}
    except BackupError:
        raise
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        raise BackupError(
            f"{path} cannot be read as a backup archive: it is damaged, truncated or not a "
            f"backup ({error.__class__.__name__}: {error})."
        ) from None
    manifest = _manifest(work / MANIFEST) if MANIFEST in found else None
    if manifest is None:
        raise BackupError(f"{path} is not a backup of this site: it has no manifest.")
    listed = manifest["members"]
    del found[MANIFEST]
    if set(found) != set(listed):
        extra = sorted(set(found) - set(listed))[:5]
        lacking = sorted(set(listed) - set(found))[:5]
        raise BackupError(
            f"{path} does not hold what its manifest lists (missing: {lacking or 'none'}; "
            f"not listed: {extra or 'none'})."
        )
    wrong = sorted(name for name in listed if found[name] != listed[name])
    if wrong:
        raise BackupError(
            f"{path} is damaged: wrong checksum or size for {', '.join(wrong[:5])}"
            + (f" and {len(wrong) - 5} more" if len(wrong) > 5 else "")
            + "."
        )
    try:
        saved = ledger.validated(manifest.get("ledger"), str(path))
    except ledger.LedgerError as error:
        raise BackupError(str(error)) from None
    return VerifiedBackup(
        manifest=manifest,
        database_file=work / manifest["database"]["member"],
        media_dir=work / MEDIA,
        ledger=saved,
    )


def _safe_name(member: tarfile.TarInfo) -> str:
    """Only plain files with plain relative names: nothing may land outside the work folder."""
    name = member.name
    parts = PurePosixPath(name).parts
    if (
        not member.isfile()
        or not parts
        or name.startswith("/")
        or any(part in ("", ".", "..") for part in parts)
        or "\\" in name
        or not (
            name == MANIFEST
            or name in DATABASE_MEMBERS.values()
            or (parts[0] == MEDIA and len(parts) > 1)
        )
    ):
        raise BackupError(f"The archive holds an unexpected member {name!r}: not a backup.")
    return name


def _manifest(file: Path) -> dict | None:
    try:
        manifest = json.loads(file.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        return None
    if manifest.get("version") != VERSION:
        raise BackupError(f"Unknown backup format version {manifest.get('version')!r}.")
    database = manifest.get("database")
    members = manifest.get("members")
    if (
        not isinstance(database, dict)
        or database.get("vendor") not in DATABASE_MEMBERS
        or database.get("member") != DATABASE_MEMBERS[database["vendor"]]
        or not isinstance(members, dict)
        or database["member"] not in members
        or not isinstance(manifest.get("migrations"), list)
        or not isinstance(manifest.get("created_at"), str)
    ):
        return None
    return manifest


# --- restoring ---------------------------------------------------------------------------------


def restore_backup(path, *, force: bool = False, ledger_file=None, alias: str = "default"):
    """Restore the archive at `path` into this site's database and MEDIA_ROOT.

    Nothing changes unless the whole archive checks out, the database is of the same kind, this
    code knows every migration the backup has, and the database is empty or `force` is given.
    """
    connection = connections[alias]
    with tempfile.TemporaryDirectory(prefix="longread-restore-") as work:
        backup = read_backup(path, Path(work))
        manifest = backup.manifest
        if manifest["database"]["vendor"] != connection.vendor:
            raise BackupError(
                f"The backup holds a {manifest['database']['vendor']} database; this site uses "
                f"{connection.vendor}. Nothing was changed."
            )
        unknown = sorted(set(manifest["migrations"]) - _known_migrations())
        if unknown:
            raise BackupError(
                "The backup was made by a newer version of the site (unknown migrations: "
                + ", ".join(unknown[:5])
                + "). Install that version first. Nothing was changed."
            )
        tables = connection.introspection.table_names()
        if tables and not force:
            raise BackupError(
                f"The database is not empty ({len(tables)} tables). Restoring replaces it "
                "whole: pass --force to do so. Nothing was changed."
            )
        saved = _ledger_to_keep(connection, tables, ledger_file)
        feed = changes.events_before_restore(alias) if tables else []
        clashing = ledger.conflicts(saved, backup.ledger)
        if clashing:
            raise BackupError(
                "The backup and this site's consent ledger disagree about entries "
                + ", ".join(str(pk) for pk in clashing[:5])
                + ": the backup seems to be of another site. Nothing was changed."
            )

        # Until the ledger is re-applied, this file is its only copy outside memory.
        kept = _keep_ledger(saved)
        connections.close_all()
        if connection.vendor == "sqlite":
            _restore_sqlite(connection, backup.database_file)
        else:
            _restore_postgresql(connection, backup.database_file, force=bool(tables))
        _replace_media(backup.media_dir, Path(settings.MEDIA_ROOT))
    connections.close_all()
    caches["default"].clear()  # pages and site roots cached from the replaced database
    call_command("migrate", interactive=False, verbosity=0)
    result = RestoreResult(manifest=manifest, ledger_entries=len(saved))
    # Before the ledger's takedowns write events: theirs follow every id partners have seen.
    restored_max = changes.continue_after_restore(feed, alias)
    try:
        result.reapplied = ledger.reapply(saved)
    except Exception as error:  # whatever stopped it, the operator must finish the job
        raise BackupError(
            f"The backup was restored, but re-applying the consent ledger failed ({error}). "
            f"Run the restore again with --force --ledger {kept}."
        ) from error
    kept.unlink()
    changes.announce_after_restore(feed, restored_max)
    return result


def _keep_ledger(saved: list[dict]) -> Path:
    folder = Path(settings.VAR_DIR)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"ledger-before-restore-{timezone.now():%Y%m%dT%H%M%S%f}.json"
    ledger.write_export(path, saved)
    return path


def _known_migrations() -> set[str]:
    loader = MigrationLoader(None, ignore_no_migrations=True)
    return {f"{app}.{name}" for app, name in loader.disk_migrations}


def _ledger_to_keep(connection, tables, ledger_file) -> list[dict]:
    """The ledger of the database about to be replaced, with the export given, as one."""
    current = []
    if tables:
        try:
            current = ledger.entries(using=connection.alias)
        except Exception as error:  # any database error means: this ledger cannot be read
            raise BackupError(
                f"The consent ledger of the current database cannot be read ({error}). "
                "Migrate it first, or restore into an empty database with --ledger. "
                "Nothing was changed."
            ) from None
    try:
        exported = ledger.read_export(ledger_file) if ledger_file else []
        return ledger.merge(current, exported)
    except ledger.LedgerError as error:
        raise BackupError(f"{error} Nothing was changed.") from None


def _restore_sqlite(connection, database_file: Path):
    """The backup API again, the other way: it replaces the whole database file's content
    under SQLite's own locks, write-ahead log included."""
    name = connection.settings_dict["NAME"]
    source = sqlite3.connect(database_file)
    target = sqlite3.connect(name, timeout=connection.settings_dict["OPTIONS"].get("timeout", 20))
    try:
        source.backup(target)
    except sqlite3.Error as error:
        raise BackupError(f"SQLite could not restore the database ({error}).") from None
    finally:
        target.close()
        source.close()


def _restore_postgresql(connection, dump: Path, force: bool):
    settings_dict = connection.settings_dict
    if force:
        _drop_tables_not_in(dump, connection)
    # One transaction: a restore that fails leaves the database as it was.
    _run(
        [
            _pg_tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            "--dbname",
            settings_dict["NAME"],
            str(dump),
        ],
        settings_dict,
    )


def _drop_tables_not_in(dump: Path, connection):
    """Tables the dump does not know (made by later migrations) would make the next migrate
    fail; --clean drops only what the dump holds."""
    listing = _run([_pg_tool("pg_restore"), "--list", str(dump)], connection.settings_dict)
    in_dump = set(re.findall(r"^\d+; \d+ \d+ TABLE \S+ (\S+) ", listing, flags=re.MULTILINE))
    extra = [name for name in connection.introspection.table_names() if name not in in_dump]
    if extra:
        with connection.cursor() as cursor:
            cursor.execute(
                "DROP TABLE IF EXISTS "
                + ", ".join(connection.ops.quote_name(name) for name in extra)
                + " CASCADE"
            )
    connection.close()


def _replace_media(staged: Path, media_root: Path):
    """MEDIA_ROOT ends up holding exactly the backup's files (it may be a mount point: its
    content is replaced, not the folder itself); or the media bucket does."""
    if not isinstance(default_storage, FileSystemStorage):
        _replace_stored_media(staged, default_storage)
        return
    media_root.mkdir(parents=True, exist_ok=True)
    for child in media_root.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    if staged.is_dir():
        for child in staged.iterdir():
            shutil.move(str(child), str(media_root / child.name))


def _replace_stored_media(staged: Path, storage):
    for name, _size in list(_stored_files(storage)):
        storage.delete(name)
    if not staged.is_dir():
        return
    for file in sorted(staged.rglob("*")):
        if not file.is_file():
            continue
        name = file.relative_to(staged).as_posix()
        with file.open("rb") as content:
            saved = storage.save(name, File(content, name=name))
        if saved != name:  # the database names the file: it must keep its name
            raise BackupError(f"The media storage stored {name} as {saved}; restore it again.")


# --- PostgreSQL tools --------------------------------------------------------------------------


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    installed = sorted(
        Path("/usr/lib/postgresql").glob(f"*/bin/{name}"),
        key=lambda tool: int(tool.parent.parent.name) if tool.parent.parent.name.isdigit() else 0,
    )
    if installed:
        return str(installed[-1])
    raise BackupError(f"{name} is not installed (Debian: apt-get install postgresql-client).")


def _pg_environment(settings_dict: dict) -> dict:
    env = dict(os.environ)
    for key, variable in PG_ENVIRONMENT.items():
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    options = settings_dict.get("OPTIONS") or {}
    for key, variable in PG_OPTIONS.items():
        if options.get(key):
            env[variable] = str(options[key])
    return env


def _run(command: list[str], settings_dict: dict) -> str:
    finished = subprocess.run(  # noqa: S603  # nosec B603  # fixed tool, argument list
        command,
        env=_pg_environment(settings_dict),
        capture_output=True,
        text=True,
        check=False,
    )
    if finished.returncode != 0:
        tool = Path(command[0]).name
        raise BackupError(f"{tool} failed: {finished.stderr.strip()[-2000:]}")
    return finished.stdout
