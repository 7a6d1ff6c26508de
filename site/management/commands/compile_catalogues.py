"""Compile the translation catalogues (.po) to the binary form Django reads (.mo), with polib.

The .mo files are build outputs, never committed: `make run`, `make test` and deployments run
this command after installing. Unlike Django's `compilemessages` it needs no GNU gettext, and
like `msgfmt --check` it refuses a catalogue that would break at run time: a syntax error, a
duplicate message, a translation that drops or renames a placeholder, or plural forms that do
not match the header. Every catalogue is checked before any .mo is written.
"""

import os
import re
import tempfile
from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

# A line of a .po file: blank, a comment (also obsolete "#~" entries), a keyword with its quoted
# string, or a quoted string that continues the previous one.
QUOTED = r'"(?:[^"\\]|\\.)*"'
VALID_LINE = re.compile(
    rf"^\s*(?:$|#.*|(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+{QUOTED}\s*$|{QUOTED}\s*$)"
)
# printf-style placeholders as Python formats them: %(name)s, %s, %d; "%%" is a literal percent.
PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[-#0 +]*(?:\d+|\*)?(?:\.\d+)?[diouxXeEfFgGcrsa%]")
# Unflagged messages are checked only for named placeholders: in "100% done", "% d" is text.
NAMED = re.compile(r"%\(\w+\)")
NPLURALS = re.compile(r"nplurals\s*=\s*(\d+)")


def placeholders(text: str) -> list[str]:
    """The placeholders of a python-format string, sorted: "name" for %(name)s, "%d" for %d."""
    found = []
    for match in PLACEHOLDER.finditer(text):
        if match.group(0) != "%%":
            found.append(match.group(1) or "%" + match.group(0)[-1])
    return sorted(found)


def display(path: Path) -> str:
    """A path as the person who ran the command would type it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


class Catalogue:
    """One .po file, read and checked; `problems` lists (line, message) pairs."""

    def __init__(self, path: Path):
        self.path = path
        self.problems: list[tuple[int, str]] = []
        self.po = None
        self._read()
        if self.po is not None:
            self._check()

    def _read(self):
        data = self.path.read_bytes()
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            self.problems.append((line, "not valid UTF-8; catalogues must be saved as UTF-8"))
            return
        for number, line in enumerate(text.splitlines(), 1):
            if not VALID_LINE.match(line):
                self.problems.append((number, f"syntax error: {line.strip()[:60]!r}"))
        if self.problems:
            return
        try:
            self.po = polib.pofile(text)
        except (OSError, ValueError) as error:
            match = re.search(r"\(line (\d+)\)", str(error))
            self.problems.append((int(match.group(1)) if match else 0, str(error)))

    def _check(self):
        charset = self.po.metadata.get("Content-Type", "").lower()
        if "charset=" in charset and "charset=utf-8" not in charset:
            self.problems.append((1, "the header must declare charset=UTF-8"))
        match = NPLURALS.search(self.po.metadata.get("Plural-Forms", ""))
        nplurals = int(match.group(1)) if match else None
        seen = {}
        for entry in self.po:
            if entry.obsolete:
                continue
            line = entry.linenum or 0
            key = (entry.msgctxt, entry.msgid)
            if key in seen:
                self.problems.append(
                    (line, f"duplicate of the message on line {seen[key]}: {entry.msgid[:60]!r}")
                )
            seen[key] = line
            if not entry.translated():
                continue
            if entry.msgid_plural:
                if nplurals is None:
                    self.problems.append((line, "plural message but no Plural-Forms header"))
                    continue
                if len(entry.msgstr_plural) != nplurals:
                    self.problems.append(
                        (line, f"{len(entry.msgstr_plural)} plural forms, header says {nplurals}")
                    )
                pairs = [
                    (entry.msgid if index == 0 else entry.msgid_plural, text)
                    for index, text in sorted(entry.msgstr_plural.items())
                ]
            else:
                pairs = [(entry.msgid, entry.msgstr)]
            if "python-format" not in entry.flags and not NAMED.search(entry.msgid):
                continue
            for source, translation in pairs:
                expected, got = placeholders(source), placeholders(translation)
                # A plural form may leave out a named count ("een minuut"); nothing else may
                # be dropped, added or renamed.
                dropped_count = (
                    entry.msgid_plural
                    and set(got) < set(expected)
                    and not any(name.startswith("%") for name in expected)
                )
                if got != expected and not dropped_count:
                    self.problems.append(
                        (line, f"placeholders {got} do not match {expected} of {source[:60]!r}")
                    )

    @property
    def mo_path(self) -> Path:
        return self.path.with_suffix(".mo")

    def write(self):
        """Write the .mo next to the .po, atomically: a running server never reads half a file."""
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".mo.tmp")
        os.close(handle)
        try:
            self.po.save_as_mofile(temporary)
            os.chmod(temporary, 0o644)
            os.replace(temporary, self.mo_path)
        finally:
            if os.path.exists(temporary):
                os.unlink(temporary)


class Command(BaseCommand):
    help = (
        "Compile every .po catalogue under LOCALE_PATHS (or --path) to .mo with polib; "
        "no GNU gettext needed. Fails, naming file and line, on a malformed catalogue."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--path",
            action="append",
            dest="paths",
            metavar="PATH",
            help="A .po file or a folder searched for them (repeatable). Default: LOCALE_PATHS.",
        )

    def handle(self, *args, paths=None, **options):
        roots = (
            [Path(path) for path in paths] if paths else [Path(p) for p in settings.LOCALE_PATHS]
        )
        files = []
        for root in roots:
            if root.is_file() and root.suffix == ".po":
                files.append(root)
            elif root.is_dir():
                files += sorted(root.rglob("*.po"))
            elif paths:
                raise CommandError(f"{root}: no such .po file or folder.")
        if not files:
            if paths:
                raise CommandError(f"No .po files under: {', '.join(map(str, roots))}.")
            self.stdout.write(f"No .po files under: {', '.join(map(str, roots)) or '(none)'}.")
            return

        catalogues = [Catalogue(path) for path in files]
        problems = [
            f"{display(catalogue.path)}:{line}: {message}"
            for catalogue in catalogues
            for line, message in catalogue.problems
        ]
        if problems:
            raise CommandError(
                "Malformed catalogue, nothing compiled:\n" + "\n".join(problems)
                if len(problems) > 1
                else f"Malformed catalogue, nothing compiled: {problems[0]}"
            )
        for catalogue in catalogues:
            catalogue.write()
            translated = len(catalogue.po.translated_entries())
            skipped = len([e for e in catalogue.po if not e.obsolete]) - translated
            note = f", {skipped} untranslated or fuzzy skipped" if skipped else ""
            self.stdout.write(
                f"Compiled {display(catalogue.path)} -> {catalogue.mo_path.name} "
                f"({translated} messages{note})"
            )
