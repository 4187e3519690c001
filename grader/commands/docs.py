"""grader docs: serve the theory site locally, at an exercise's (or a topic's) page if one is named."""
from __future__ import annotations

import difflib
import importlib.util
from pathlib import Path

from .. import catalog as catalog_module
from .. import theory
from . import common

HELP = "serve the theory site locally"
EXAMPLES = ("grader docs conv2d     # serve the theory site locally and show the conv2d page\n"
            "  grader docs normalisation   # a topic's page\n  grader docs --port 8001")


def register(verbs) -> None:
    p = common.add_verb(verbs, "docs", HELP, EXAMPLES, main)
    common.name_arg(p, optional=True, help_text="open this exercise's page (or a topic's: normalisation, rnn, …)")
    p.add_argument("--port", type=int, default=theory.DEFAULT_PORT)


def page_of(name: str | None) -> str:
    """The page `grader docs NAME` opens: an exercise's, else a topic page's; a usage error with the
    closest names for anything else."""
    if not name:
        return "index.md"
    found = catalog_module.load().get(name)
    if found is not None:
        return found.page
    topics = {Path(p).stem: p for p in theory.pages() if p.startswith("topics/") and not p.endswith("index.md")}
    if name in topics:
        return topics[name]
    names = [*catalog_module.load().names(), *topics]
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.6) + [n for n in names if name.lower() in n]
    hint = f" Did you mean {' or '.join(repr(c) for c in dict.fromkeys(close[:3]))}?" if close else ""
    raise common.UsageError(f"no exercise or topic page called {name!r}.{hint} `grader list` shows the exercises.")


def main(args) -> int:
    if not theory.available():
        raise common.Refused("this installation of the kit has no theory site's sources (grader/theory_site/).")
    page = page_of(args.name)
    if importlib.util.find_spec("mkdocs") is None:
        raise common.Refused("the site needs mkdocs-material: pip install mkdocs-material pymdown-extensions")
    if theory.port_in_use(args.port):
        raise common.Refused(f"port {args.port} is already in use (another `grader docs`?). "
                             f"Open http://127.0.0.1:{args.port}/ if it is, or pick another: grader docs --port {args.port + 1}")
    console = common.console()
    url = f"http://127.0.0.1:{args.port}/{theory.url_path(page)}"
    if theory.in_clone():
        console.print(f"Serving the theory site at {url} (Ctrl-C to stop)")
        return common.OK if theory.serve_clone(args.port) == 0 else common.FAILED
    ws = common.find_workspace(required=False)
    cache = ws.root / ".grader" / "site" if ws.exists else Path.home() / ".cache" / "dl-interview-kit" / "site"
    try:
        html = theory.build(cache, say=console.print)
    except (RuntimeError, OSError) as error:
        raise common.Refused(f"the theory site did not build:\n{error}") from None
    console.print(f"Serving the theory site at {url} (Ctrl-C to stop; the pages are in {html})")
    theory.serve_static(html, args.port)
    return common.OK
