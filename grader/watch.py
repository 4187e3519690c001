"""`grader watch`: re-check the exercise on every save, with a warm worker for instant feedback.

Three sources feed one queue: file events for the exercises/ folder (watchfiles: inotify and
friends, with polling as the fallback), keys from the terminal (or lines from a pipe, which is
how the tests drive it), and a tick for the interview clock. The main thread takes events one
at a time, so a save during a run is simply checked after it. Runs go through a
grader.worker.Worker (torch stays imported, one forked child per run) and stop at the first
failed check, so a save is answered in well under a second; the worker falls back to a fresh
child process whenever it is unavailable.
"""
from __future__ import annotations

import hashlib
import os
import queue
import sys
import threading
import time
from pathlib import Path

from rich.console import Console
from rich.rule import Rule
from rich.text import Text

from . import catalog as catalog_module
from . import engine, interview, progress, theory, workspace
from .catalog import Exercise

KEYS = (("h", "hint"), ("n", "next"), ("r", "re-run"), ("q", "quit"))
POLL_INTERVAL_S = 0.2


class FileEvents(threading.Thread):
    """Puts ("change", path) on the queue when something in `folder` changes."""

    def __init__(self, folder: Path, events: queue.Queue, *, polling: bool = False):
        super().__init__(daemon=True, name="grader-watch-files")
        self.folder, self.events, self.polling = folder, events, polling
        self.stop_event = threading.Event()

    def run(self) -> None:
        if not self.polling and not os.environ.get("GRADER_WATCH_POLL"):
            try:
                import watchfiles

                # step: how long the folder must be quiet before a batch is reported (editors
                # write a file in several steps); 50 ms keeps a save->report under a second.
                for changes in watchfiles.watch(self.folder, stop_event=self.stop_event, step=50,
                                                debounce=400, raise_interrupt=False, yield_on_timeout=False):
                    for _, path in changes:
                        self.events.put(("change", path))
                return
            except Exception:  # noqa: BLE001 - no watchfiles, or the folder vanished: poll instead
                if self.stop_event.is_set():
                    return
        self._poll()

    def _poll(self) -> None:
        seen = self._snapshot()
        while not self.stop_event.wait(POLL_INTERVAL_S):
            now = self._snapshot()
            for path in set(seen) | set(now):
                if seen.get(path) != now.get(path):
                    self.events.put(("change", path))
            seen = now

    def _snapshot(self) -> dict[str, tuple]:
        try:
            return {str(p): (s.st_mtime_ns, s.st_size, s.st_ino)
                    for p in self.folder.glob("*.py") for s in [p.stat()]}
        except OSError:
            return {}

    def stop(self) -> None:
        self.stop_event.set()


class KeyReader(threading.Thread):
    """Keys from a terminal (cbreak mode: no Enter needed), or the first letter of each line from a pipe."""

    def __init__(self, events: queue.Queue, stream=None):
        super().__init__(daemon=True, name="grader-watch-keys")
        self.events = events
        self.stream = stream or sys.stdin
        self.saved_mode = None

    def run(self) -> None:
        try:
            fd = self.stream.fileno()
        except (AttributeError, OSError, ValueError):
            return
        if os.isatty(fd):
            self._read_terminal(fd)
        else:
            for line in self.stream:
                key = line.strip()[:1].lower()
                if key:
                    self.events.put(("key", key))

    def _read_terminal(self, fd: int) -> None:
        import termios
        import tty

        try:
            self.saved_mode = termios.tcgetattr(fd)
            tty.setcbreak(fd)  # keys arrive without Enter; Ctrl-C still interrupts
        except termios.error:
            return
        while True:
            try:
                key = os.read(fd, 1).decode("utf-8", "replace").lower()
            except OSError:
                return
            if not key:
                return
            self.events.put(("key", key))

    def restore(self) -> None:
        if self.saved_mode is not None:
            import termios

            try:
                termios.tcsetattr(self.stream.fileno(), termios.TCSADRAIN, self.saved_mode)
            except (termios.error, OSError, ValueError):
                pass


def _fingerprint(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


class Watcher:
    """The state of one `grader watch` session; every method is callable from tests."""

    def __init__(self, ws: workspace.Workspace, exercise: Exercise, console: Console, *,
                 worker=None, clear: bool = True, speed: bool = True):
        self.ws, self.exercise, self.console, self.worker = ws, exercise, console, worker
        self.catalog = catalog_module.load()
        self.clear, self.speed = clear, speed
        self.result = None
        self.last_fingerprint: str | None = None
        self.deleted = False
        self.notes: list[Text] = []  # shown under the report until the next run (hints, messages)
        self.latencies: list[float] = []  # seconds from the file's save to the report on screen
        self.runs = 0
        self.finished_interview: dict | None = None

    @property
    def path(self) -> Path:
        return self.ws.exercises / self.exercise.filename

    def _solution(self, exercise: Exercise) -> Path | None:
        path = self.ws.solutions / exercise.filename
        return path if path.is_file() else None

    def warm(self) -> None:
        if self.worker is not None:
            self.worker.warm(self.exercise, self._solution(self.exercise))

    # ---------------------------------------------------------------- events

    def on_change(self, changed: str | None = None) -> bool:
        """A file event: re-check if it is this exercise's file and its content changed. True if checked."""
        if changed is not None and Path(changed).name != self.exercise.filename:
            return False
        fingerprint = _fingerprint(self.path)
        if fingerprint is None:
            if not self.deleted:
                self.deleted = True
                self.last_fingerprint = None
                self.render()
            return False
        if fingerprint == self.last_fingerprint and not self.deleted:
            return False  # saved without a change (or an editor's second write)
        self.check(after_save=True)
        return True

    def on_key(self, key: str) -> bool:
        """A key press; False means quit."""
        if key in ("q", "\x04"):
            return False
        if key == "h":
            self.show_hint()
        elif key == "n":
            self.next_exercise()
        elif key == "r":
            self.check()
        elif key in ("?", "\n", " "):
            self.render()
        return True

    # ---------------------------------------------------------------- actions

    def check(self, *, after_save: bool = False) -> None:
        """Run the checks on the file as it is now, record progress, redraw."""
        self.deleted = False
        self.notes = []
        try:
            saved_at = self.path.stat().st_mtime
        except OSError:
            self.deleted = True
            self.render()
            return
        self.last_fingerprint = _fingerprint(self.path)
        self.result = engine.execute(self.exercise, self.path, speed=self.speed, fail_fast=True, backend=self.worker)
        self.runs += 1
        self.finished_interview = interview.record_run(self.ws, self.exercise.name, self.result)
        self.render()
        if after_save:
            self.latencies.append(max(0.0, time.time() - saved_at))

    def show_hint(self) -> None:
        state = progress.load(self.ws)
        entry = state.exercise(self.exercise.name)
        hints = self.exercise.hints
        seen = min(entry.hints_seen, len(hints))
        if seen < len(hints):
            entry.hints_seen = seen + 1
            recorded = interview.record_hint(state, self.exercise.name)
            progress.save(self.ws, state)
            note = Text.assemble((f"Hint {seen + 1} of {len(hints)}: ", "bold"), hints[seen])
            if recorded:
                note.append(" (recorded in your mock interview)", style="dim")
        else:
            note = Text(f"No more hints. Theory: {theory.link(self.exercise.page)}", style="dim")
        self.notes.append(note)
        self.render()

    def next_exercise(self) -> None:
        """Move to the next exercise (in teaching order) that does not pass yet."""
        state = progress.load(self.ws)
        names = self.catalog.names()
        start = names.index(self.exercise.name)
        order = self.catalog.exercises[start + 1:] + self.catalog.exercises[:start]
        following = next((e for e in order if not state.is_passing(e.name)), None)
        if following is None:
            self.notes.append(Text("Every other exercise passes already. Well done!", style="bold green"))
            self.render()
            return
        self.exercise = following
        self.result, self.last_fingerprint, self.deleted = None, None, False
        self.warm()
        self.check()

    # ---------------------------------------------------------------- drawing

    def render(self) -> None:
        from .report import render

        console = self.console
        if self.clear and console.is_terminal:
            console.clear()
        else:
            console.print(Rule(style="dim"))
        label = workspace.display_path(self.path)
        state = progress.load(self.ws)
        session = interview.active_on(state, self.exercise.name)
        if self.deleted:
            console.print(Text.assemble((self.exercise.name, "bold"), f" — {self.exercise.title}"))
            console.print(Text.assemble(
                (f"{label} is gone", "bold red"), " (deleted, renamed or moved). Save it again to go on, or get the "
                "stub back with ", (f"grader reset {self.exercise.name}", "bold"), "."))
        elif self.result is not None:
            hints_seen = state.exercise(self.exercise.name).hints_seen
            render(console, self.exercise, self.result, target_label=label, hints_seen=hints_seen,
                   next_exercise=None, interview=session)
        for note in self.notes:
            console.print(note)
        if self.finished_interview:
            console.print(Text("Mock interview done: " + interview.summary_line(self.finished_interview),
                               style="bold green"))
        if self.result is not None and self.result.passed and not self.deleted:
            following = self.catalog.next_after(self.exercise.name)
            prompt = Text.assemble((f"✓ {self.exercise.name} passes. ", "bold green"), "Press ", ("n", "bold"),
                                   " for the next exercise")
            if following:
                prompt.append(f" ({following.name} — {following.title})")
            prompt.append(", or keep improving it.")
            console.print(prompt)
        footer = Text.assemble(("watching ", "dim"), (label, "dim"))
        if self.result is not None and not self.deleted:
            footer.append(f" · checked at {time.strftime('%H:%M:%S')}", style="dim")
        if session:
            spent, limit = interview.elapsed(session), session.limit_s
            footer.append(" · interview ", style="dim")
            footer.append(f"{interview.clock(spent)} of {interview.clock(limit)}",
                          style="bold red" if spent > limit else "bold")
        console.print(footer)
        console.print(Text("  ".join(f"[{k}] {what}" for k, what in KEYS), style="dim"))


def watch(ws: workspace.Workspace, exercise: Exercise, console: Console, *, clear: bool = True,
          speed: bool = True, warm_worker: bool = True, stdin=None) -> int:
    """The interactive loop: returns 0 when the learner quits (q, Ctrl-C or Ctrl-D)."""
    from .worker import Worker

    events: queue.Queue = queue.Queue()
    worker = Worker() if warm_worker else None
    watcher = Watcher(ws, exercise, console, worker=worker, clear=clear, speed=speed)
    files = FileEvents(ws.exercises, events)
    keys = KeyReader(events, stdin)
    try:
        if worker is not None:
            worker.start()
            console.print(Text(f"Starting the grader for {exercise.name} (torch loads once; then every save is "
                               "checked at once) …", style="dim"))
            watcher.warm()
        files.start()
        keys.start()
        watcher.check()
        while True:
            try:
                kind, payload = events.get(timeout=1.0)
            except queue.Empty:
                continue
            if kind == "change":
                changed = {payload}
                while True:  # one check for a burst of events
                    try:
                        kind2, payload2 = events.get(timeout=0.02)
                    except queue.Empty:
                        break
                    if kind2 == "change":
                        changed.add(payload2)
                    else:
                        events.put((kind2, payload2))
                        break
                if any(Path(p).name == watcher.exercise.filename for p in changed):
                    watcher.on_change(str(watcher.path))
            elif kind == "key" and not watcher.on_key(payload):
                break
    except KeyboardInterrupt:
        pass
    finally:
        files.stop()
        keys.restore()
        if worker is not None:
            worker.close()
    console.print(Text("Stopped watching. Your progress is saved: grader list", style="dim"))
    return 0
