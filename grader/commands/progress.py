"""grader progress: how far the learner is, topic by topic."""
from __future__ import annotations

import json

from rich import box
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
                       "passing_and_fast": count[Status.PASSING_AND_FAST],
                       "attempts": sum(r["attempts"] for r in mine),
                       "seconds_spent": sum(r["seconds_spent"] for r in mine)})
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
    console.print(_table(topics, f"Progress: {passing} of {total} exercises pass", console.width))
    if history:
        passed = [h for h in history if h.result == "passed"]
        console.print(f"Mock interviews: {len(history)} ({len(passed)} passed) — `grader interview --history`")
    console.print(f"Next up: [bold]grader run {current}[/]" if current else "[bold green]Every exercise passes![/]")
    return common.OK


def _table(topics: list[dict], title: str, width: int) -> Table:
    """Topic by topic; the figures' columns never shrink (the topic's title wraps), and the bar is
    drawn only where there is room for it, so every number stays whole down to 60 columns."""
    grid = Table(title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, collapse_padding=True)
    cells = {"done": [f"{t['passing']}/{t['total']}" for t in topics],
             "fast": [str(t["passing_and_fast"]) for t in topics],
             "failing": [str(t["failing"]) for t in topics],
             "to do": [str(t["not_started"]) for t in topics],
             "tries": [str(t["attempts"] or "") for t in topics],
             "time": [progress.spent(t["seconds_spent"]) for t in topics]}
    bar_width = 12 if width >= 90 else 0
    grid.add_column("topic", ratio=1)
    grid.add_column("done", no_wrap=True, justify="right", min_width=max(map(len, ["done", *cells["done"]])))
    if bar_width:
        grid.add_column("", no_wrap=True, min_width=bar_width)
    for header in ("fast", "failing", "to do", "tries", "time"):
        grid.add_column(header, no_wrap=True, justify="right", min_width=max(map(len, [header, *cells[header]])))
    for i, t in enumerate(topics):
        filled = round(bar_width * t["passing"] / t["total"])
        bar = [Text("█" * filled, style="green") + Text("░" * (bar_width - filled), style="dim")] if bar_width else []
        grid.add_row(t["title"], cells["done"][i], *bar, *(cells[h][i] for h in ("fast", "failing", "to do",
                                                                                   "tries", "time")))
    return grid
