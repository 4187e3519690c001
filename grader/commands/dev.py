"""grader dev check [NAME… | --all]: prove exercises, the author's loop (see grader/dev.py)."""
from __future__ import annotations

from . import common

HELP = "for authors: prove that an exercise's checks, wrong and right implementations agree"
EXAMPLES = ("grader dev check conv2d    # one exercise, in seconds\n"
            "  grader dev check --all      # the whole catalog\n"
            "  grader dev stubs            # after changing a stub: record its hash (grader init hands out only those)")


def register(verbs) -> None:
    p = common.add_verb(verbs, "dev", HELP, EXAMPLES, main)
    tasks = p.add_subparsers(dest="task", metavar="TASK", required=True)
    check = tasks.add_parser("check", help="prove exercises: stub, solution, mutants, alternatives, "
                                           "mistakes covered, the stub's speed sizes")
    check.add_argument("names", nargs="*", metavar="NAME", help="the exercises (see grader list)")
    check.add_argument("--all", action="store_true", help="every exercise of the catalog")
    tasks.add_parser("stubs", help="record the stubs' sha256 in grader/stubs.sha256 (after changing a stub)")


def main(args) -> int:
    from .. import dev

    if args.task == "stubs":
        return _record_stubs()
    if not args.names and not args.all:
        raise common.UsageError("name the exercises to prove, or --all")
    for name in args.names:
        common.exercise(name)  # a mistyped name gets the usual suggestions
    return dev.check([] if args.all else args.names)


def _record_stubs() -> int:
    from .. import catalog as catalog_module
    from .. import workspace

    names = catalog_module.load().names()
    try:
        text = workspace.stub_manifest(names, workspace.KIT_ROOT / "exercises")
    except OSError as error:
        raise common.Refused(f"could not read the stubs in {workspace.KIT_ROOT / 'exercises'} ({error})") from None
    workspace.write_atomically(workspace.STUB_HASHES, text)
    common.console().print(f"Recorded {len(names)} stubs in {workspace.display_path(workspace.STUB_HASHES)}.")
    return common.OK
