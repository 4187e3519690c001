"""The theory site, wherever the kit is: its sources, the links the reports print, building and serving it.

In a clone (or an editable install) the sources are the repository's `mkdocs.yml` and `site/`, and
`grader docs` runs `mkdocs serve` on them (live reload, for authors). A pip-installed kit ships the
same sources as package data (`grader/theory_site/`: mkdocs.yml, site/; the stubs and solutions the pages
embed ship as grader/stubs and grader/reference): `grader docs` assembles them into a source tree,
builds the site once per kit version with mkdocs (a dependency) into the workspace's
`.grader/site/`, and serves the built pages with the standard library, offline.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

from .workspace import KIT_ROOT, PACKAGE_DIR, PACKAGED_SOLUTIONS, PACKAGED_STUBS

PACKAGED_THEORY = PACKAGE_DIR / "theory_site"  # mkdocs.yml and site/, in an installed kit
DEFAULT_PORT = 8000


def in_clone() -> bool:
    """The sources are the repository's (a clone or an editable install)."""
    return (KIT_ROOT / "mkdocs.yml").is_file() and (KIT_ROOT / "site").is_dir()


def available() -> bool:
    return in_clone() or (PACKAGED_THEORY / "mkdocs.yml").is_file()


def url_path(page: str) -> str:
    """`exercises/conv2d.md` -> `exercises/conv2d/` (mkdocs' directory URLs); index.md -> ``."""
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def link(page: str, anchor: str = "") -> str:
    """Where a report sends the learner: the page's source when working in the clone, its URL under
    `grader docs` everywhere else (a pip-installed kit, or a workspace made by `grader init DIR`)."""
    fragment = f"#{anchor}" if anchor else ""
    if in_clone() and Path.cwd().resolve().is_relative_to(KIT_ROOT.resolve()):
        return f"site/{page}{fragment}"  # a workspace elsewhere (grader init DIR) has no site/ of its own
    return f"http://127.0.0.1:{DEFAULT_PORT}/{url_path(page)}{fragment} (grader docs)"


def pages() -> list[str]:
    """Every page of the site, relative to site/ (`topics/normalisation.md`, …)."""
    root = (KIT_ROOT / "site") if in_clone() else PACKAGED_THEORY / "site"
    return sorted(str(p.relative_to(root)) for p in root.rglob("*.md") if "hooks" not in p.parts)


def port_in_use(port: int, host: str = "127.0.0.1") -> bool:
    """Something listens on the port (a socket left in TIME_WAIT by a finished server does not count:
    the servers grader docs starts reuse such an address, as this probe does)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError:
            return True
    return False


def mkdocs_env() -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # mkdocs-material prints a long banner otherwise


# ---------------------------------------------------------------- an installed kit: build once, serve

def _stamp() -> str:
    from .cli import version

    newest = max((p.stat().st_mtime_ns for p in PACKAGED_THEORY.rglob("*") if p.is_file()), default=0)
    return f"{version()} {newest}"


def source_tree(folder: Path) -> Path:
    """The layout mkdocs.yml expects (site/, exercises/, solutions/ beside it), from the package data."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    shutil.copy2(PACKAGED_THEORY / "mkdocs.yml", folder / "mkdocs.yml")
    shutil.copytree(PACKAGED_THEORY / "site", folder / "site")
    for source, name in ((PACKAGED_STUBS, "exercises"), (PACKAGED_SOLUTIONS, "solutions")):
        shutil.copytree(source, folder / name, ignore=shutil.ignore_patterns("__pycache__", "__init__.py"))
    # The hooks read the exercises' folders (exercise.toml, checks) beside the site, as in a clone.
    (folder / "grader").symlink_to(PACKAGE_DIR, target_is_directory=True)
    return folder


def build(cache: Path, say=print) -> Path:
    """The built site in `cache`/html (built now unless already built from this kit's sources)."""
    cache = cache.resolve()  # mkdocs runs in the source tree: every path it gets is absolute
    html, stamp_file = cache / "html", cache / "built-from"
    stamp = _stamp()
    if html.is_dir() and stamp_file.is_file() and stamp_file.read_text() == stamp:
        return html
    say("Building the theory site (once per kit version, under a minute)…")
    tree = source_tree(cache / "sources")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(tree / "mkdocs.yml"),
                           "-d", str(html)], cwd=tree, env=mkdocs_env(), capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError((done.stdout + done.stderr)[-2000:])
    stamp_file.write_text(stamp)
    return html


def serve_static(html: Path, port: int) -> None:
    """Serve `html` at 127.0.0.1:port until interrupted (Ctrl-C or SIGTERM)."""
    import functools
    import http.server
    import signal

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:  # one line per request would bury the terminal
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Quiet, directory=str(html)))

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


# ---------------------------------------------------------------- a clone: mkdocs serve, as a child

def serve_clone(port: int) -> int:
    """`mkdocs serve` on the repository's sources; a SIGTERM to grader ends the child too."""
    import signal

    command = [sys.executable, "-m", "mkdocs", "serve", "-f", str(KIT_ROOT / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"]
    child = subprocess.Popen(command, cwd=KIT_ROOT, env=mkdocs_env(), start_new_session=True)

    def stop(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        return child.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGTERM)
            try:
                child.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
                child.wait()
