"""`grader watch`: re-check the exercise on every save, with a warm worker for instant feedback.

Two sources feed one queue: file events for the exercises/ folder (watchfiles: inotify and
friends, with polling as the fallback) and keys from the terminal (or lines from a pipe, which is
how the tests drive it); a second without events is a tick, which redraws the footer's interview
clock in place (on a terminal, through a rich Live region). The main thread takes events one at
a time, so a save during a run is simply checked after it. `q` quits at once even while a check
or the start-up runs: the key reader interrupts the main thread as Ctrl-C would. Runs go through
a grader.worker.Worker (torch stays imported, one forked child per run) and stop at the first
failed check, so a save is answered in well under a second; the worker falls back to a fresh
child process whenever it is unavailable.
"""
from __future__ import annotations

import hashlib
import os
import queue
import signal
import sys
import threading
import time
from pathlib import Path

from rich.console import Console, Group
from rich.live import Live
from rich.rule import Rule
from rich.text import Text

from . import catalog as catalog_module
from . import engine, interview, progress, theory, workspace
from .catalog import Exercise

KEYS = (("h", "hint"), ("n", "next"), ("p", "previous"), ("r", "re-run"), ("q", "quit"))
QUIT_KEYS = ("q", "\x04")  # q, Ctrl-D
POLL_INTERVAL_S = 0.2
TICK_S = 1.0


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

    def __init__(self, events: queue.Queue, stream=None, *, busy=lambda: False):
        super().__init__(daemon=True, name="grader-watch-keys")
        self.events = events
        self.stream = stream or sys.stdin
        self.saved_mode = None
        self.busy = busy  # whether the main thread is busy (a check, the start-up) rather than waiting for keys

    def _key(self, key: str) -> bool:
        """Queue a key; False once it is a quit key (nothing more is read). A quit while the main thread
        is busy interrupts it as Ctrl-C does, so that `q` never waits for a check or torch's import."""
        self.events.put(("key", key))
        if key not in QUIT_KEYS:
            return True
        if self.busy() and threading.main_thread().is_alive():
            try:
                signal.pthread_kill(threading.main_thread().ident, signal.SIGINT)
            except (OSError, ValueError):
                pass
        return False

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
                if key and not self._key(key):
                    return

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
            if not key or not self._key(key):
                return

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
        self.live: Live | None = None  # the footer, redrawn in place by tick() on a terminal
        self.clock_shown = False  # whether the footer shows an interview clock (tick() keeps it going)

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
        if key in QUIT_KEYS:
            return False
        if key == "h":
            self.show_hint()
        elif key == "n":
            self.next_exercise()
        elif key == "p":
            self.previous_exercise()
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
        seen = min(interview.hints_seen(state, self.exercise.name), len(hints))
        if seen < len(hints):
            entry.hints_seen = max(entry.hints_seen, seen + 1)
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
        """Move to the next exercise that does not pass yet (Progress.next_to_do, as every verb says)."""
        following = progress.load(self.ws).next_to_do(self.catalog, after=self.exercise.name)
        if following is None or following is self.exercise:
            text = "Every exercise passes. Well done!" if following is None else \
                "Every other exercise passes already. Well done!"
            self.notes.append(Text(text, style="bold green"))
            self.render()
            return
        self.move_to(following)

    def previous_exercise(self) -> None:
        """Move to the exercise before this one in teaching order."""
        names = self.catalog.names()
        i = names.index(self.exercise.name)
        if i == 0:
            self.notes.append(Text(f"{self.exercise.name} is the first exercise.", style="dim"))
            self.render()
            return
        self.move_to(self.catalog.exercises[i - 1])

    def move_to(self, exercise: Exercise) -> None:
        self.exercise = exercise
        self.result, self.last_fingerprint, self.deleted = None, None, False
        self.finished_interview = None
        self.warm()
        self.check()

    def tick(self) -> None:
        """A second without events: redraw the footer in place while it shows an interview clock."""
        if self.live is None:
            return
        state = progress.load(self.ws)
        if state.interview is None and not self.clock_shown:
            return
        self.live.update(self._footer(state), refresh=True)

    def stop_live(self) -> None:
        live, self.live = self.live, None
        if live is not None:
            live.stop()

    # ---------------------------------------------------------------- drawing

    def render(self) -> None:
        from .report import render

        console = self.console
        self.stop_live()
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
            hints_seen = interview.hints_seen(state, self.exercise.name)
            render(console, self.exercise, self.result, target_label=label, hints_seen=hints_seen,
                   next_exercise=None, interview=session, in_watch=True)
        for note in self.notes:
            console.print(note)
        if self.finished_interview:
            console.print(Text("Mock interview done: " + interview.summary_line(self.finished_interview),
                               style="bold green"))
            went = interview.where_it_went(self.ws, self.finished_interview)
            if went:
                console.print(Text(went))
        if self.result is not None and self.result.passed and not self.deleted:
            following = state.next_to_do(self.catalog, after=self.exercise.name)
            prompt = Text.assemble((f"✓ {self.exercise.name} passes. ", "bold green"))
            if following is None:
                prompt.append("Every exercise passes. Well done!", style="bold green")
            elif following is not self.exercise:
                prompt.append_text(Text.assemble("Press ", ("n", "bold"), " for the next exercise not passed yet "
                                                 f"({following.name} — {following.title}), or keep improving it."))
            console.print(prompt)
        footer = self._footer(state)
        if console.is_terminal:
            self.live = Live(footer, console=console, auto_refresh=False, redirect_stdout=False,
                             redirect_stderr=False)
            self.live.start(refresh=True)
        else:
            console.print(footer)

    def _footer(self, state: progress.Progress) -> Group:
        """The two last lines: what is watched, when it was checked, the interview clock; the keys."""
        label = workspace.display_path(self.path)
        footer = Text.assemble(("watching ", "dim"), (label, "dim"))
        if self.result is not None and not self.deleted:
            footer.append(f" · checked at {time.strftime('%H:%M:%S')}", style="dim")
        session = interview.active(state)
        self.clock_shown = session is not None
        if session:
            spent, limit = interview.elapsed(session), session.limit_s
            where = "" if session.exercise == self.exercise.name else f" on {session.exercise}"
            footer.append(f" · interview{where} ", style="dim")
            footer.append(f"{interview.clock(spent)} of {interview.clock(limit)}",
                          style="bold red" if spent > limit else "bold")
            if spent > limit:
                footer.append(" — time is up (keep going, or grader interview --stop)", style="bold red")
        keys = Text("  ".join(f"[{k}] {what}" for k, what in KEYS), style="dim")
        return Group(footer, keys)


def watch(ws: workspace.Workspace, exercise: Exercise, console: Console, *, clear: bool = True,
          speed: bool = True, warm_worker: bool = True, stdin=None) -> int:
    """The interactive loop: returns 0 when the learner quits (q, Ctrl-C or Ctrl-D)."""
    from .worker import Worker

    events: queue.Queue = queue.Queue()
    worker = Worker() if warm_worker else None
    watcher = Watcher(ws, exercise, console, worker=worker, clear=clear, speed=speed)
    files = FileEvents(ws.exercises, events)
    busy = threading.Event()
    busy.set()  # the start-up: q interrupts it
    keys = KeyReader(events, stdin, busy=busy.is_set)
    quitting = threading.Event()

    def interrupt(signum, frame):  # Ctrl-C, or q while busy; once quitting, the clean-up runs undisturbed
        if not quitting.is_set():
            raise KeyboardInterrupt

    try:
        previous_handler = signal.signal(signal.SIGINT, interrupt)
    except ValueError:  # not the main thread (a test): Ctrl-C stays as it is
        previous_handler = None
    try:
        if worker is not None:
            worker.start()
            console.print(Text(f"Starting the grader for {exercise.name} (torch loads once; then every save is "
                               "checked at once) …", style="dim"))
            watcher.warm()
        keys.start()
        files.start()
        watcher.check()
        while True:
            busy.clear()
            try:
                kind, payload = events.get(timeout=TICK_S)
            except queue.Empty:
                watcher.tick()
                continue
            busy.set()
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
                quitting.set()
                break
    except KeyboardInterrupt:
        pass
    finally:
        quitting.set()
        busy.clear()
        watcher.stop_live()
        files.stop()
        keys.restore()
        if worker is not None:
            worker.close()
        if previous_handler is not None:
            signal.signal(signal.SIGINT, previous_handler)
    console.print(Text("Stopped watching. Your progress is saved: grader list", style="dim"))
    return 0
