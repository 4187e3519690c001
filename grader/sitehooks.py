"""mkdocs hooks: the site's exercise navigation and exercise map come from the catalog.

Listed under `hooks:` in mkdocs.yml. Nothing here lists exercises by hand.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # mkdocs loads this file by path

from grader import catalog as catalog_module  # noqa: E402

MAP_MARKER = "<!-- exercise-map -->"


def on_config(config, **kwargs):
    catalog = catalog_module.load()
    by_topic: dict[str, list] = {}
    for exercise in catalog.exercises:
        by_topic.setdefault(catalog.topics[exercise.topic], []).append({exercise.title: exercise.page})
    section = {"Exercises": [{topic: pages} for topic, pages in by_topic.items()]}
    nav = list(config["nav"] or [])
    nav.insert(1 if nav else 0, section)
    config["nav"] = nav
    return config


def exercise_map() -> str:
    catalog = catalog_module.load()
    rows = ["| # | exercise | topic | difficulty | run it |", "|---|---|---|---|---|"]
    for i, e in enumerate(catalog.exercises, 1):
        rows.append(f"| {i} | [{e.title}]({e.page}) | {catalog.topics[e.topic]} | {e.difficulty} "
                    f"| `grader run {e.name}` |")
    return '<div class="exercise-map" markdown>\n\n' + "\n".join(rows) + "\n\n</div>"


def on_page_markdown(markdown, page, config, files, **kwargs):
    if MAP_MARKER in markdown:
        # Links in the map are relative to the page that holds it.
        depth = page.file.src_uri.count("/")
        table = exercise_map().replace("](exercises/", "](" + "../" * depth + "exercises/")
        markdown = markdown.replace(MAP_MARKER, table)
    return markdown
