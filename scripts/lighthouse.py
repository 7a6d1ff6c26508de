"""Lighthouse's mobile performance score of a story, offline, against Debian's Chromium.

    .venv/bin/python scripts/lighthouse.py                      # the first demo story, nl
    .venv/bin/python scripts/lighthouse.py --path /en/stories/care-coordinator-noor/

Builds its own copy of the seeded demo site (`scripts/served_site.py`), serves it with gunicorn
and production settings on the loopback, and runs Lighthouse (npm, pinned in package-lock.json)
with its default mobile settings (a mid-range phone, simulated slow 4G and CPU throttling) and
only the performance category, in Debian's `/usr/bin/chromium` (`CHROME_PATH`), headless and with
background networking off: nothing leaves the machine. Prints the score and the metrics; exit
status 0 at or above `--min` (0.95), 1 below, 2 when it could not run.
"""

import argparse
import json
import os
import subprocess  # noqa: S404 - runs Lighthouse, this project's own tool
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a file: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts.served_site import (  # noqa: E402
    GUNICORN_CONFIG,
    REPO,
    Server,
    SiteError,
    build,
    site_environment,
)

LIGHTHOUSE = REPO / "tools" / "lighthouse" / "node_modules" / ".bin" / "lighthouse"
CHROMIUM = "/usr/bin/chromium"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
DEFAULT_PATH = "/nl/verhalen/"  # replaced by the first story listed there
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)


def lighthouse(url: str, report: Path) -> dict:
    """Run Lighthouse on `url`; its JSON report."""
    command = [
        str(LIGHTHOUSE),
        url,
        "--only-categories=performance",
        "--output=json",
        f"--output-path={report}",
        f"--chrome-flags={CHROME_FLAGS}",
        "--quiet",
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    subprocess.run(command, env=env, check=True, timeout=300)  # noqa: S603  # nosec B603
    return json.loads(report.read_text())


def first_story(server_url: str, index: str) -> str:
    import re
    import urllib.request

    with urllib.request.urlopen(server_url + index, timeout=30) as answer:  # noqa: S310  # nosec B310
        html = answer.read().decode()
    match = re.search(rf'href="({re.escape(index)}[^"/]+/)"', html)
    if not match:
        raise SiteError(f"no story listed on {index}")
    return match.group(1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", help="the story's path (default: the first on /nl/verhalen/)")
    parser.add_argument("--min", type=float, default=0.95, help="lowest passing score")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists() or not Path(CHROMIUM).exists():
        print(f"Needs {LIGHTHOUSE} (make browser-deps) and {CHROMIUM}.", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="longread-lighthouse-") as folder:
        root = Path(folder)
        env = site_environment(root)
        try:
            build(env)
            with Server(env, root, workers=2, config=GUNICORN_CONFIG).start("/nl/") as server:
                path = args.path or first_story(server.url, DEFAULT_PATH)
                # A first request fills the page cache, as a story read before is served.
                lighthouse(server.url + path, root / "warm.json")
                result = lighthouse(server.url + path, root / "report.json")
        except (SiteError, subprocess.SubprocessError) as error:
            print(f"Lighthouse could not run: {error}", file=sys.stderr)
            return 2
    score = result["categories"]["performance"]["score"]
    print(f"{path}: performance {score:.2f} (mobile, Lighthouse {result['lighthouseVersion']})")
    for metric in METRICS:
        audit = result["audits"][metric]
        print(f"  {audit['title']}: {audit['displayValue']} (score {audit['score']})")
    if result.get("runWarnings"):
        print("  warnings:", *result["runWarnings"], sep="\n    ")
    return 0 if score >= args.min else 1


if __name__ == "__main__":
    sys.exit(main())
