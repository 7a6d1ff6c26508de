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

The work units are then handed out longest first (`tests/unit_costs.json`: how long each unit
that takes seconds took in a recorded run, per database), so the long ones do not start last
while the other worker has nothing left to do. xdist's own order (`loadscopereorder`) counts
tests, and a single test that stops a database for a minute counts as one. A unit the file does
not know is taken to cost DEFAULT_SECONDS a test. `make unit-costs` records the file again.
"""

import json
import os
from collections import defaultdict
from pathlib import Path

from xdist.scheduler import LoadGroupScheduling

from tests.seeded_database import FOLDER_VARIABLE
from tests.skip_rule import suite_on_postgres

COSTS_FILE = Path(__file__).with_name("unit_costs.json")
DEFAULT_SECONDS = 0.4  # about the median test's time
RECORDED_FROM = 3.0  # units that take less are left out of the file


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


def _database() -> str:
    return "postgresql" if suite_on_postgres() else "sqlite"


def known_costs() -> dict[str, float]:
    try:
        return json.loads(COSTS_FILE.read_text()).get(_database(), {})
    except (OSError, ValueError):
        return {}


class GroupScheduling(LoadGroupScheduling):
    """LoadGroupScheduling with the groups the workers wrote, longest units first (see the
    module's docstring)."""

    _groups: dict[str, str] | None = None
    _ordered = False

    def _split_scope(self, nodeid: str) -> str:
        if "@" in nodeid.rpartition("]")[2]:  # an xdist that does suffix node ids
            return super()._split_scope(nodeid)
        if self._groups is None:
            path = _groups_file()
            self._groups = json.loads(path.read_text()) if path and path.exists() else {}
        group = self._groups.get(nodeid)
        return f"group:{group}" if group else nodeid

    def _assign_work_unit(self, node) -> None:
        # The first assignment comes right after `schedule` has filled the queue.
        if not self._ordered:
            self._ordered = True
            costs = known_costs()
            units = sorted(
                self.workqueue.items(),
                key=lambda unit: -costs.get(unit[0], DEFAULT_SECONDS * len(unit[1])),
            )
            self.workqueue.clear()
            self.workqueue.update(units)
        super()._assign_work_unit(node)


class CostRecorder:
    """`--record-unit-costs`: at the end of a parallel run, how long each work unit took (its
    tests' setup, call and teardown), written to COSTS_FILE for this run's database."""

    def __init__(self):
        self.seconds: dict[str, float] = defaultdict(float)

    def pytest_runtest_logreport(self, report):
        if getattr(report, "node", None) is not None:  # on the controller, from a worker
            self.seconds[report.nodeid] += report.duration

    def pytest_sessionfinish(self, session):
        scheduler = getattr(session.config.pluginmanager.getplugin("dsession"), "sched", None)
        if not isinstance(scheduler, GroupScheduling) or not self.seconds:
            return
        units: dict[str, float] = defaultdict(float)
        for nodeid, seconds in self.seconds.items():
            units[scheduler._split_scope(nodeid)] += seconds
        try:
            recorded = json.loads(COSTS_FILE.read_text())
        except (OSError, ValueError):
            recorded = {}
        recorded[_database()] = {
            unit: round(seconds, 1)
            for unit, seconds in sorted(units.items(), key=lambda item: -item[1])
            if seconds >= RECORDED_FROM
        }
        COSTS_FILE.write_text(json.dumps(recorded, indent=1, sort_keys=True) + "\n")
