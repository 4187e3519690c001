"""grader init: a fresh workspace of stubs in DIR, for a kit installed with pip rather than cloned."""
from __future__ import annotations

from pathlib import Path

from .. import catalog as catalog_module
from .. import workspace
from . import common

HELP = "make a fresh workspace of stubs in DIR (your files there are kept)"
EXAMPLES = ("grader init ~/dl-practice   # a fresh workspace of stubs (for an installed kit)\n"
            "  cd ~/dl-practice && grader run conv2d")


def register(verbs) -> None:
    p = common.add_verb(verbs, "init", HELP, EXAMPLES, main)
    p.add_argument("dir", metavar="DIR")
    p.add_argument("--force", action="store_true", help="replace files that differ from the stubs (after a backup)")


def main(args) -> int:
    root = Path(args.dir).expanduser()
    if root.exists() and not root.is_dir():
        raise common.UsageError(f"{args.dir!r} exists and is not a folder")
    catalog = catalog_module.load()
    try:
        report = workspace.init_workspace(root.resolve(), catalog.names(), force=args.force)
    except OSError as error:
        raise common.Refused(f"could not set up {root} ({error}); files already there were not replaced "
                             "without a backup.") from None
    console = common.console()
    label = str(root)
    if report["created"]:
        console.print(f"Created {len(report['created'])} stub(s) in [bold]{label}/exercises/[/].")
    for name, saved in report["replaced"]:
        console.print(f"Replaced exercises/{name}.py with its stub; your version is in {saved}.")
    if report["kept"]:
        console.print(f"Kept your own version of {', '.join(report['kept'])} (`--force` replaces them, "
                      "after a backup).")
    if report["unchanged"] and not report["created"]:
        console.print(f"{label} is already a workspace with every stub.")
    for name in report["missing"]:
        console.print(f"[red]No pristine stub of {name}[/]: {workspace.stub_problem(name)}.")
    if report["missing"]:
        return common.FAILED
    console.print(f"Next: [bold]cd {label} && grader run {catalog.exercises[0].name}[/] (or grader watch)")
    return common.OK
