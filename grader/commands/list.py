"""grader list: the exercises in teaching order, the learner's status and when each last passed."""
from __future__ import annotations

import json

from rich import box
from rich.table import Table
from rich.text import Text

from .. import catalog as catalog_module
from .. import progress
from ..progress import Status
from . import common

HELP = "list the exercises, your status and when each last passed"
EXAMPLES = ("grader list            # every exercise with your status and when it last passed\n"
            "  grader list --topic cnn\n  grader list --json")
STATUS_STYLE = {Status.NOT_STARTED: "dim", Status.FAILING: "red", Status.PASSING: "yellow",
                Status.PASSING_AND_FAST: "green"}


def register(verbs) -> None:
    p = common.add_verb(verbs, "list", HELP, EXAMPLES, main)
    common.topic_arg(p, "only this topic")
    p.add_argument("--names", action="store_true", help="only the names, one per line")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")


def main(args) -> int:
    common.check_topic(args.topic)
    catalog = catalog_module.load()
    state = progress.load(common.find_workspace(required=False))
    rows = [r for r in progress.overview(catalog, state) if args.topic is None or r["topic"] == args.topic]
    if args.names:
        print("\n".join(r["exercise"] for r in rows))
        return common.OK
    if args.json:
        print(json.dumps({"exercises": rows}, indent=1))
        return common.OK
    # Topics as section headings rather than a column: the table stays readable at 80 columns.
    table = Table(title="Exercises", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True, min_width=2)
    table.add_column("exercise", no_wrap=True)
    for column in ("level", "status", "last passed"):
        table.add_column(column, no_wrap=True)
    topic = None
    for r in rows:
        if r["topic"] != topic:
            topic = r["topic"]
            table.add_row("", Text(catalog.topics[topic], style="bold cyan"))
        name = Text(("→ " if r["current"] else "  ") + r["exercise"], style="bold" if r["current"] else "")
        table.add_row(str(r["number"]), name, r["difficulty"],
                      Text(r["status"].value, style=STATUS_STYLE[r["status"]]), (r["last_passed"] or "")[:10])
    console = common.console()
    console.print(table)
    current = next((r for r in rows if r["current"]), None)
    if current:
        console.print(f"Next up: [bold]grader run {current['exercise']}[/] (or [bold]grader watch[/])")
    return common.OK
