"""Which interface strings a reader can see: the msgids every language's catalogue must translate.

Reader-visible means: marked for translation in a template that renders a public page (the
project templates, the page templates, the longread blocks and chrome; not the admin's), or one
of the Python choices those pages print (countries, kinds of help, project status). Staff-only
strings (the admin, form labels, validation messages) are translated in Dutch only.
"""

import ast
import re
from pathlib import Path

from django.conf import settings
from django.utils.translation.template import templatize

ROOT = Path(settings.BASE_DIR)

# Folders of templates that readers' pages render, and the sub-folders of those that are admin.
READER_TEMPLATE_FOLDERS = [
    "templates",
    "site/templates/sitewide",
    "stories/templates/stories",
    "longread/templates/longread",
]
ADMIN_FOLDERS = {"admin", "translation_files"}
# The teller's private page (stories/teller/) is offered in Dutch and English for now
# (docs/teller.md): its strings are translated in those two until the other catalogues have them.
TWO_LANGUAGE_FOLDERS = {"teller"}

# Python modules whose named constants or choices classes are printed on public pages.
READER_PYTHON_NAMES = {
    "stories/models/organisations.py": {"COUNTRIES", "HelpKind"},
    "stories/models/projects.py": {"ProjectStatus"},
    "stories/models/testimony.py": {"TellerKind", "Theme"},
}

QUOTED = r"""u?(?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")"""
CALL = re.compile(rf"\b(n?p?gettext)\(((?:{QUOTED}(?:, )?)+)")
LITERAL = re.compile(QUOTED)
GETTEXT_NAMES = {"_", "gettext", "gettext_lazy", "pgettext", "pgettext_lazy", "ngettext"}


def reader_templates() -> list[Path]:
    found = []
    for folder in READER_TEMPLATE_FOLDERS:
        base = ROOT / folder
        for path in sorted(base.rglob("*")):
            relative = path.relative_to(base).parts
            folders = set(relative[:-1])
            if path.is_file() and not (ADMIN_FOLDERS | TWO_LANGUAGE_FOLDERS) & folders:
                found.append(path)
    return found


def messages_in_reader_templates() -> set[tuple[str | None, str]]:
    found = set()
    for path in reader_templates():
        source = templatize(path.read_text(), origin=str(path))
        for name, arguments in CALL.findall(source):
            strings = [ast.literal_eval(text.lstrip("u")) for text in LITERAL.findall(arguments)]
            context = strings.pop(0) if name.startswith(("pgettext", "npgettext")) else None
            found.add((context, strings[0]))
    return found


def messages_in_reader_python() -> set[tuple[str | None, str]]:
    found = set()
    for relative, names in READER_PYTHON_NAMES.items():
        tree = ast.parse((ROOT / relative).read_text())
        for node in tree.body:
            is_class = isinstance(node, ast.ClassDef) and node.name in names
            is_constant = isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id in names for target in node.targets
            )
            if not (is_class or is_constant):
                continue
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and getattr(call.func, "id", None) in GETTEXT_NAMES
                    and call.args
                    and isinstance(call.args[0], ast.Constant)
                ):
                    found.add((None, call.args[0].value))
    return found


def reader_messages() -> set[tuple[str | None, str]]:
    """(context, msgid) of every string a reader can see."""
    return messages_in_reader_templates() | messages_in_reader_python()
