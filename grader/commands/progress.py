"""grader progress: how far the learner is, topic by topic."""
from __future__ import annotations

import json

from rich.table import Table
from rich.text import Text

from .. import catalog as catalog_module
from .. import progress
from ..progress import Status
from . import common

HELP = "your progress, topic by topic"
EXAMPLES = "grader progress        # how far you are, topic by topic\n  grader progress --json"


def register(verbs) -> None:
    p = common.add_verb(verbs, "progress", HELP, EXAMPLES, main)
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")


def main(args) -> int:
    catalog = catalog_module.load()
    state = progress.load(common.find_workspace(required=False))
    rows = progress.overview(catalog, state)
    topics = []
    for key, title in catalog.topics.items():
        mine = [r for r in rows if r["topic"] == key]
        if not mine:
            continue
        count = {s: sum(r["status"] is s for r in mine) for s in Status}
        topics.append({"topic": key, "title": title, "total": len(mine),
                       "not_started": count[Status.NOT_STARTED], "failing": count[Status.FAILING],
                       "passing": count[Status.PASSING] + count[Status.PASSING_AND_FAST],
                       "passing_and_fast": count[Status.PASSING_AND_FAST]})
    total = len(rows)
    passing = sum(t["passing"] for t in topics)
    history = state.interviews
    current = next((r["exercise"] for r in rows if r["current"]), None)
    summary = {"total": total, "passing": passing, "topics": topics, "next": current,
               "interviews": {"attempts": len(history), "passed": sum(h.result == "passed" for h in history)}}
    if args.json:
        print(json.dumps(summary, indent=1))
        return common.OK
    console = common.console()
    table = Table(title=f"Progress: {passing} of {total} exercises pass", title_justify="left")
    table.add_column("topic", no_wrap=True)
    for column in ("done", "", "fast", "failing", "not started"):
        table.add_column(column, no_wrap=True)
    for t in topics:
        width = 12
        filled = round(width * t["passing"] / t["total"])
        bar = Text("█" * filled, style="green") + Text("░" * (width - filled), style="dim")
        table.add_row(t["title"], f"{t['passing']}/{t['total']}", bar, str(t["passing_and_fast"]),
                      str(t["failing"]), str(t["not_started"]))
    console.print(table)
    if history:
        passed = [h for h in history if h.result == "passed"]
        console.print(f"Mock interviews: {len(history)} ({len(passed)} passed) — `grader interview --history`")
    console.print(f"Next up: [bold]grader run {current}[/]" if current else "[bold green]Every exercise passes![/]")
    return common.OK
