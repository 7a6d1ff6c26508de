"""`--dist loadgroup` that works with this project's pytest.

pytest-xdist puts a test's `xdist_group` on its node id (`...::test_x@group`) by setting
`item._nodeid`; pytest 9 derives `nodeid` from another attribute, so the suffix never appears and
`loadgroup` hands out every test on its own, as `load` does: the browser tests, the three tests
on one served SQLite site, and tests sharing a module fixture were spread over both workers, and
each worker built their site, Chromium or fixture again.

Here each worker writes the groups it collected (node id -> group) to a file of the run (next to
the seeded database's folder, which the workers inherit from the process that starts them), and
the scheduler of that process reads it when it splits the tests into work units, after every
worker has collected.
"""

import json
import os
from pathlib import Path

from xdist.scheduler import LoadGroupScheduling

from tests.seeded_database import FOLDER_VARIABLE


def _groups_file() -> Path | None:
    folder = os.environ.get(FOLDER_VARIABLE)
    return Path(folder + "-xdist-groups.json") if folder else None


def group_of(item) -> str | None:
    names = sorted(
        str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
        for mark in item.iter_markers("xdist_group")
    )
    return "_".join(names) if names else None


def write_groups(items) -> None:
    """In a worker: the groups of the collected tests, for the scheduler."""
    path = _groups_file()
    if path is None or not os.environ.get("PYTEST_XDIST_WORKER"):
        return
    groups = {item.nodeid: group for item in items if (group := group_of(item))}
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.environ['PYTEST_XDIST_WORKER']}")
    partial.write_text(json.dumps(groups))
    partial.replace(path)  # every worker collects the same tests: the last write is as good


class GroupScheduling(LoadGroupScheduling):
    """LoadGroupScheduling with the groups the workers wrote (see the module's docstring)."""

    _groups: dict[str, str] | None = None

    def _split_scope(self, nodeid: str) -> str:
        if "@" in nodeid.rpartition("]")[2]:  # an xdist that does suffix node ids
            return super()._split_scope(nodeid)
        if self._groups is None:
            path = _groups_file()
            self._groups = json.loads(path.read_text()) if path and path.exists() else {}
        group = self._groups.get(nodeid)
        return f"group:{group}" if group else nodeid
