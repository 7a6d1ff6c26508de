"""Reading an uploaded PO or XLIFF file (refusing one that is not text) into its units."""

from django.utils.translation import gettext as _
from translate.storage import pypo, xliff

from sitewide.translation.files.checks import FileProblems, ImportRefused
from sitewide.translation.files.formats import EXTENSIONS, PO, XLIFF, ParsedFile, Unit


def looks_like_text(data: bytes) -> bool:
    """Whether the upload is text (UTF-8, no NUL bytes): an image or a document is not."""
    if b"\x00" in data[:8192]:
        return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def format_of(name: str, data: bytes) -> str:
    lowered = name.lower()
    for extension, file_format in EXTENSIONS.items():
        if lowered.endswith(extension):
            return file_format
    return XLIFF if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") else PO


def parse_file(name: str, data: bytes) -> ParsedFile:
    """The file's header and units; a FileProblems (raised) when it cannot be read."""
    file_format = format_of(name, data)
    if not looks_like_text(data):
        # One sentence; never the file's bytes (an image may carry camera or location text).
        raise ImportRefused(
            [
                FileProblems(
                    name,
                    file_errors=[
                        _(
                            "This file is not a text file in UTF-8, so it cannot be a PO or "
                            "XLIFF file: upload the file you downloaded here."
                        )
                    ],
                )
            ]
        )
    try:
        if file_format == PO:
            store = pypo.pofile.parsestring(data)
            metadata = store.parseheader()
            units = [
                Unit(
                    context=unit.getcontext() or "",
                    source=str(unit.source),
                    target=str(unit.target or ""),
                    unfinished=unit.isfuzzy(),
                )
                for unit in store.units
                if not unit.isheader() and not unit.isobsolete()
            ]
        else:
            store = xliff.xlifffile.parsestring(data)
            metadata = xliff_metadata(store)
            units = [xliff_unit(unit) for unit in store.units]
    except Exception as error:  # noqa: BLE001 - the parsers raise many kinds for bad input
        kind = "PO" if file_format == PO else "XLIFF"
        raise ImportRefused(
            [
                FileProblems(
                    name,
                    file_errors=[
                        _("This is not a readable %(kind)s file: %(detail)s")
                        % {"kind": kind, "detail": str(error) or error.__class__.__name__}
                    ],
                )
            ]
        ) from error
    return ParsedFile(name, file_format, metadata, units)


def xliff_metadata(store) -> dict:
    metadata = {}
    for file_name_ in store.getfilenames():
        header = store.getheadernode(store.getfilenode(file_name_))
        if header is None:
            continue
        for note in header.iterchildren(store.namespaced("note")):
            key, separator, value = (note.text or "").partition(":")
            if separator:
                metadata.setdefault(key.strip(), value.strip())
    return metadata


def xliff_unit(unit) -> Unit:
    unit_id = unit.getid().rpartition("\x04")[2]  # translate-toolkit prefixes the file name
    target_node = unit.getlanguageNode(lang=None, index=1)
    state = target_node.get("state", "") if target_node is not None else ""
    return Unit(
        context=unit_id.split("#", 1)[0],
        source=str(unit.source or ""),
        target=str(unit.target or ""),
        unfinished=state.startswith("needs-"),
    )
