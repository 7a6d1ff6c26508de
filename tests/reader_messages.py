"""Which interface strings a reader can see: the msgids every language's catalogue must translate.

Reader-visible means: marked for translation in a template that renders a public page (the
project templates, the page templates, the longread blocks and chrome; not the admin's), or one
of the Python choices, constants and answers those pages print (countries, kinds of help, project
status, the teller's page's choices and answers). The teller's private page counts as a reader
page: a teller reads it in any reader language (docs/teller.md), and so the part of the printed
teller's cards set in the teller's language. Staff-only strings (the admin, form labels,
validation messages) are translated in Dutch only.
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
# Staff screens kept beside a public one (the teller's link in the admin, next to the teller's
# page): only their {% language %} blocks, set in a reader's language, are reader-visible.
STAFF_TEMPLATE_PREFIX = "admin_"
LANGUAGE_BLOCK = re.compile(r"{%\s*language\s[^%]*%}(.*?){%\s*endlanguage\s*%}", re.S)

# Python modules whose named constants, choices classes or functions print on public pages.
READER_PYTHON_NAMES = {
    "stories/models/organisations.py": {"COUNTRIES", "HelpKind"},
    "stories/models/projects.py": {"ProjectStatus"},
    "stories/models/testimony.py": {"TellerKind", "Theme"},
    "stories/reach/report.py": {"shown"},
}
# The teller's page: what its screens say, written in Python (stories/teller/views.py).
TELLER_PYTHON_NAMES = {
    "stories/teller/views.py": {
        "CHANNEL_NAMES",
        "CHANNEL_TAKEDOWN_WORDS",
        "LANGUAGES_IN_SENTENCES",
        "MessageForm",
        "_scope_words",
        "_answer",
    },
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
            if path.is_file() and not ADMIN_FOLDERS & folders:
                found.append(path)
    return found


def reader_source(path: Path) -> str:
    """What of a template a reader can see: all of it, or a staff screen's language blocks."""
    source = path.read_text()
    if path.name.startswith(STAFF_TEMPLATE_PREFIX):
        return "{% load i18n %}" + "".join(LANGUAGE_BLOCK.findall(source))
    return source


def messages_in_templates(paths) -> set[tuple[str | None, str]]:
    found = set()
    for path in paths:
        source = templatize(reader_source(path), origin=str(path))
        for name, arguments in CALL.findall(source):
            strings = [ast.literal_eval(text.lstrip("u")) for text in LITERAL.findall(arguments)]
            context = strings.pop(0) if name.startswith(("pgettext", "npgettext")) else None
            found.add((context, strings[0]))
    return found


def messages_in_reader_templates() -> set[tuple[str | None, str]]:
    return messages_in_templates(reader_templates())


def messages_in_python(modules: dict[str, set[str]]) -> set[tuple[str | None, str]]:
    found = set()
    for relative, names in modules.items():
        tree = ast.parse((ROOT / relative).read_text())
        for node in tree.body:
            is_named = isinstance(node, ast.ClassDef | ast.FunctionDef) and node.name in names
            is_constant = isinstance(node, ast.Assign) and any(
                isinstance(target, ast.Name) and target.id in names for target in node.targets
            )
            if not (is_named or is_constant):
                continue
            for call in ast.walk(node):
                if (
                    isinstance(call, ast.Call)
                    and getattr(call.func, "id", None) in GETTEXT_NAMES
                    and call.args
                    and isinstance(call.args[0], ast.Constant)
                ):
                    arguments = [arg.value for arg in call.args if isinstance(arg, ast.Constant)]
                    if call.func.id.startswith("pgettext"):
                        found.add((arguments[0], arguments[1]))
                    else:
                        found.add((None, arguments[0]))
    return found


def messages_in_reader_python() -> set[tuple[str | None, str]]:
    return messages_in_python(READER_PYTHON_NAMES | TELLER_PYTHON_NAMES)


def teller_messages() -> set[tuple[str | None, str]]:
    """(context, msgid) of every string the teller's page can show (its template, the strings its
    view writes, the reach figures' "fewer than", the quick exit it includes)."""
    page = ROOT / "stories" / "templates" / "stories" / "teller" / "page.html"
    quick_exit = ROOT / "longread" / "templates" / "longread" / "chrome" / "quick_exit.html"
    return messages_in_templates([page, quick_exit]) | messages_in_python(
        {**TELLER_PYTHON_NAMES, "stories/reach/report.py": {"shown"}}
    )


def reader_messages() -> set[tuple[str | None, str]]:
    """(context, msgid) of every string a reader can see."""
    return messages_in_reader_templates() | messages_in_reader_python()
