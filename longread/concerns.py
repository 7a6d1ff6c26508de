"""How an app wires its concerns: each concern folder (a sub-package of the app, such as
`sitewide.api` or `stories.teller`) wires itself, and the app finds it by walking its packages,
so nobody edits a list when a concern is added.

A concern may have:

- `wiring.py` with `ready(app_config)`: connects its receivers, registers its checks,
  surfaces and policies (by importing the modules that do so, or by calling them); the app's
  `AppConfig.ready()` calls every concern's, through `ready_concerns()`;
- `wagtail_hooks.py`: its admin and serving hooks; the app's own `wagtail_hooks` module (the
  only one Wagtail discovers) imports every concern's, through `import_concern_modules()`.

Concerns are taken in the order of their names, always the same; what must happen before or
after all of them stays in the app (its `ready()` or `wagtail_hooks`, around the walk). Nothing
here knows any app: every app of the project uses it.
"""

import importlib
import importlib.util
import pkgutil
from types import ModuleType


def concern_packages(package_name: str) -> list[str]:
    """The dotted names of an app's sub-packages (its concern folders), in name order."""
    package = importlib.import_module(package_name)
    return [
        f"{package_name}.{info.name}"
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda info: info.name)
        if info.ispkg
    ]


def import_concern_modules(package_name: str, module_name: str) -> list[ModuleType]:
    """Import `module_name` (such as "wagtail_hooks") of every concern of the app that has one,
    in name order, and return the modules."""
    modules = []
    for concern in concern_packages(package_name):
        name = f"{concern}.{module_name}"
        if importlib.util.find_spec(name) is not None:
            modules.append(importlib.import_module(name))
    return modules


def ready_concerns(app_config) -> list[ModuleType]:
    """Call `ready(app_config)` of every concern's `wiring` module, in name order."""
    modules = import_concern_modules(app_config.name, "wiring")
    for module in modules:
        module.ready(app_config)
    return modules
