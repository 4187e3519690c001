"""grader list: the exercises in teaching order, the learner's status and when each last passed."""
from __future__ import annotations

import json

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text

from .. import catalog as catalog_module
from .. import progress
from ..progress import Status
from . import common

HELP = "list the exercises, your status, attempts, time spent and when each last passed"
EXAMPLES = ("grader list            # every exercise with your status, attempts, time and when it last passed\n"
            "  grader list --topic cnn\n  grader list --difficulty easy\n  grader list --json")
STATUS_STYLE = {Status.NOT_STARTED: "dim", Status.FAILING: "red", Status.PASSING: "yellow",
                Status.PASSING_AND_FAST: "green"}
# Below WIDE columns the statuses and dates are abbreviated (a legend line says how); below NARROW
# each exercise takes two lines (its name, then its figures), so nothing is cut down to 60 columns.
WIDE, NARROW = 100, 80
SHORT_STATUS = {Status.NOT_STARTED: "-", Status.FAILING: "failing", Status.PASSING: "passing",
                Status.PASSING_AND_FAST: "fast"}


def register(verbs) -> None:
    p = common.add_verb(verbs, "list", HELP, EXAMPLES, main)
    common.topic_arg(p, "only this topic")
    p.add_argument("--difficulty", choices=catalog_module.DIFFICULTIES, help="only this difficulty")
    p.add_argument("--names", action="store_true", help="only the names, one per line")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")


def main(args) -> int:
    common.check_topic(args.topic)
    catalog = catalog_module.load()
    state = progress.load(common.find_workspace(required=False))
    rows = [r for r in progress.overview(catalog, state) if (args.topic is None or r["topic"] == args.topic)
            and (args.difficulty is None or r["difficulty"] == args.difficulty)]
    if args.names:
        print("\n".join(r["exercise"] for r in rows))
        return common.OK
    if args.json:
        print(json.dumps({"exercises": rows}, indent=1))
        return common.OK
    console = common.console()
    console.print(table(catalog, rows, console.width) if console.width >= NARROW else stacked(catalog, rows))
    notes = [r for r in rows if r["speed_note"]]
    if NARROW <= console.width < WIDE:
        console.print(Text("status: fast = passing and fast, - = not started", style="dim"))
    for r in notes:
        console.print(Text(f"* {r['exercise']}: {r['speed_note']}", style="dim"))
    current = next((r for r in rows if r["current"]), None)
    if current:
        console.print(f"Next up: [bold]grader run {current['exercise']}[/] (or [bold]grader watch[/])")
    elif not rows:
        console.print("No exercise matches.")
    return common.OK


def table(catalog, rows: list[dict], width: int) -> Table:
    """The exercises under their topics' headings, from NARROW columns up: the figures' columns never
    shrink (only the exercise names could fold)."""
    wide = width >= WIDE
    grid = Table(title="Exercises", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)

    def column(header: str, cells: list[str], **options) -> None:
        grid.add_column(header, no_wrap=True, min_width=max([len(header), *map(len, cells)]), **options)

    cells = {"number": [str(r["number"]) for r in rows],
             "level": [r["difficulty"] for r in rows],
             "status": [(r["status"].value if wide else SHORT_STATUS[r["status"]]) + ("*" if r["speed_note"] else "")
                        for r in rows],
             "tries": [str(r["attempts"] or "") for r in rows],
             "time": [progress.spent(r["seconds_spent"]) for r in rows],
             "passed": [(r["last_passed"] or "")[:10] if wide else (r["last_passed"] or "")[5:10] for r in rows]}
    column("#", cells["number"], justify="right")
    grid.add_column("exercise", overflow="fold", ratio=1)
    column("level", cells["level"])
    column("status", cells["status"])
    column("tries", cells["tries"], justify="right")
    column("time", cells["time"], justify="right")
    column("last passed" if wide else "passed", cells["passed"])
    topic = None
    for i, r in enumerate(rows):
        if r["topic"] != topic:
            topic = r["topic"]
            grid.add_row("", Text(catalog.topics[topic], style="bold cyan"))
        name = Text(("→ " if r["current"] else "  ") + r["exercise"], style="bold" if r["current"] else "")
        grid.add_row(cells["number"][i], name, cells["level"][i], Text(cells["status"][i], style=STATUS_STYLE[r["status"]]),
                     cells["tries"][i], cells["time"][i], cells["passed"][i])
    return grid


def stacked(catalog, rows: list[dict]) -> Group:
    """Below NARROW columns: per exercise its name, then its figures on an indented line."""
    lines = [Text("Exercises", style="bold")]
    topic = None
    for r in rows:
        if r["topic"] != topic:
            topic = r["topic"]
            lines.append(Text(catalog.topics[topic], style="bold cyan"))
        lines.append(Text.assemble(f"{r['number']:>3} ", ("→ " if r["current"] else "  "),
                                   (r["exercise"], "bold" if r["current"] else "")))
        figures = [r["difficulty"], Text(r["status"].value + ("*" if r["speed_note"] else ""),
                                         style=STATUS_STYLE[r["status"]])]
        if r["attempts"]:
            figures.append(f"{r['attempts']} tr{'ies' if r['attempts'] != 1 else 'y'}")
        if r["seconds_spent"]:
            figures.append(progress.spent(r["seconds_spent"]))
        if r["last_passed"]:
            figures.append(f"passed {r['last_passed'][5:10]}")
        lines.append(Text("      ") + Text(" · ").join(Text(f) if isinstance(f, str) else f for f in figures))
    return Group(*lines)
