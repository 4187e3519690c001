"""grader docs: serve the theory site locally (mkdocs serve), at an exercise's page if one is named."""
from __future__ import annotations

import os
import sys

from .. import workspace
from . import common

HELP = "serve the theory site locally"
EXAMPLES = "grader docs conv2d     # serve the theory site locally and show the conv2d page"


def register(verbs) -> None:
    p = common.add_verb(verbs, "docs", HELP, EXAMPLES, main)
    common.name_arg(p, optional=True, help_text="open this exercise's page")
    p.add_argument("--port", type=int, default=8000)


def main(args) -> int:
    import importlib.util
    import subprocess

    page = common.exercise(args.name).page if args.name else "index.md"
    root = workspace.KIT_ROOT
    url_path = page.removesuffix(".md").removesuffix("index") + ("/" if not page.endswith("index.md") else "")
    if not (root / "mkdocs.yml").is_file():
        common.console().print("The theory site's sources come with the kit's repository (site/), not with the "
                               "installed package: clone the repository to read or serve it.")
        return common.FAILED
    if importlib.util.find_spec("mkdocs") is None:
        common.console().print(f"The site needs the dev extra: pip install -e '.[dev]'. Meanwhile, read "
                               f"{root / 'site' / page}")
        return common.FAILED
    common.console().print(f"Serving the theory site at http://127.0.0.1:{args.port}/{url_path} (Ctrl-C to stop)")
    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(root / "mkdocs.yml"),
               "-a", f"127.0.0.1:{args.port}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # mkdocs-material prints a long banner otherwise
    try:
        return common.OK if subprocess.run(command, cwd=root, env=env).returncode == 0 else common.FAILED
    except KeyboardInterrupt:
        return common.OK
