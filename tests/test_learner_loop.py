"""The learner's loop: list, progress, run --all, solution, interview, watch, completion, colours, help.

Most verbs run in-process through cli.main (fast); the ones whose point is a process (watch, the
completion hook, NO_COLOR on a forced terminal, a closed pipe) run `python -m grader` for real.
Nothing here needs a terminal or stdin: watch is driven through a pipe, the interview clock is
replaced. Exercise names other than conv2d are never assumed: other exercises come and go.
"""
from __future__ import annotations

import json
import os
import queue
import re
import subprocess
import sys
import threading
import time
from io import StringIO
from pathlib import Path

import pytest
from rich.console import Console

from conftest import CATALOG, ROOT
from grader import cli, interview, progress, workspace
from grader.commands import common

pytestmark = pytest.mark.slow  # the CLI, watch and interviews driven as a learner would, in child processes

SOLUTION = (ROOT / "solutions" / "conv2d.py").read_text()
STUB = (ROOT / "exercises" / "conv2d.py").read_text()


@pytest.fixture
def ws(workspace, monkeypatch):
    """The conftest workspace (a git repo of pristine stubs), wide output, no colours."""
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("NO_COLOR", "1")
    return workspace


def grader(*args) -> int:
    return cli.main(list(args))


def state_of(root: Path) -> dict:
    return json.loads((root / ".grader" / "state.json").read_text())


def write_state(root: Path, state: dict) -> None:
    (root / ".grader").mkdir(exist_ok=True)
    (root / ".grader" / "state.json").write_text(json.dumps(state))


# ---------------------------------------------------------------- help, usage, exit codes

def test_every_verb_has_help_with_an_example(capsys):
    parser = cli.build_parser()
    verbs = next(a for a in parser._actions if a.dest == "verb").choices
    assert {"list", "run", "watch", "progress", "hint", "solution", "interview", "reset", "init", "docs",
            "completion"} <= set(verbs)
    for name, sub in verbs.items():
        text = sub.format_help()
        assert "examples:" in text and f"grader {name}" in text.split("examples:")[1], name
        assert grader(name, "--help") == 0


@pytest.mark.parametrize("args", [
    ["run", "--topic", "cnn"],                     # --topic needs --all
    ["run", "--all", "--topic", "nonsense"],
    ["list", "--topic", "nonsense"],
    ["watch", "conv2dd"],
    ["interview", "--minutes", "-3"],
    ["interview", "--status", "--stop"],
    ["interview", "--history", "conv2d"],
    ["solution", "nope"],
    ["completion", "powershell"],
])
def test_usage_errors_exit_2(args, ws, capsys):
    assert grader(*args) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_verbs_that_need_a_workspace_say_how_to_make_one(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("GRADER_WORKSPACE", str(tmp_path / "nowhere"))
    assert grader("watch", "conv2d") == 2
    assert "grader init" in capsys.readouterr().err
    assert grader("list") == 0  # reading the catalog needs no workspace


# ---------------------------------------------------------------- list and progress

def test_list_shows_each_status_and_when_it_last_passed(ws, capsys):
    write_state(ws, {"exercises": {"conv2d": {"status": "passing and fast", "last_passed": "2024-05-01 10:00"}}})
    assert grader("list") == 0
    out = capsys.readouterr().out
    assert "passing and fast" in out and "2024-05-01" in out  # the date; --json has the time too
    assert grader("list", "--json") == 0
    row = next(r for r in json.loads(capsys.readouterr().out)["exercises"] if r["exercise"] == "conv2d")
    assert row["status"] == "passing and fast" and row["last_passed"] == "2024-05-01 10:00"
    assert grader("list", "--names") == 0
    assert capsys.readouterr().out.split() == CATALOG.names()


def test_list_points_at_the_first_exercise_not_passed(ws, capsys):
    assert grader("list", "--json") == 0
    rows = json.loads(capsys.readouterr().out)["exercises"]
    assert [r["exercise"] for r in rows if r["current"]] == [CATALOG.names()[0]]


def test_progress_summarises_by_topic(ws, capsys):
    write_state(ws, {"exercises": {"conv2d": {"status": "passing and fast", "last_passed": "2024-05-01 10:00"}}})
    assert grader("progress", "--json") == 0
    summary = json.loads(capsys.readouterr().out)
    cnn = next(t for t in summary["topics"] if t["topic"] == CATALOG.get("conv2d").topic)
    assert cnn["passing"] == 1 and cnn["passing_and_fast"] == 1 and cnn["failing"] == 0
    assert cnn["not_started"] == cnn["total"] - 1
    assert summary["total"] == len(CATALOG.names()) and summary["passing"] == 1
    assert sum(t["total"] for t in summary["topics"]) == summary["total"]
    assert grader("progress") == 0
    assert "Progress: 1 of" in capsys.readouterr().out


# ---------------------------------------------------------------- the progress file survives anything

CORRUPT = {
    "not json": b"{not json",
    "binary": bytes(range(256)),
    "empty": b"",
    "a list": b"[1, 2, 3]",
    "wrong types": json.dumps({"exercises": {"conv2d": "passing", "x": {"hints_seen": "many"}},
                               "interview": {"exercise": 3}, "interviews": {"a": 1}}).encode(),
    "nested wrong types": json.dumps({"exercises": {"conv2d": {"status": "bogus", "hints_seen": -4,
                                                               "last_passed": 12}}, "interviews": [1, None]}).encode(),
}


@pytest.mark.parametrize("content", CORRUPT.values(), ids=CORRUPT.keys())
def test_a_corrupt_state_file_never_stops_the_grader(content, ws, capsys):
    state_file = ws / ".grader" / "state.json"
    state_file.write_bytes(content)
    for args in (["list"], ["list", "--json"], ["progress"], ["hint", "conv2d"], ["interview", "--status"],
                 ["interview", "--history"], ["solution", "conv2d", "--force", "--plain"]):
        assert grader(*args) == 0, args
    state = state_of(ws)  # rewritten whole and well-formed by the verbs that save
    assert state["exercises"]["conv2d"]["hints_seen"] == 1
    assert "Traceback" not in capsys.readouterr().err


def test_a_missing_or_unwritable_state_never_stops_the_grader(ws, capsys):
    (ws / ".grader").rename(ws / "elsewhere")
    (ws / ".grader").mkdir()
    (ws / ".grader" / "state.json").mkdir()  # a folder where the file should be: cannot be read or replaced
    assert grader("hint", "conv2d") == 0
    assert grader("list") == 0
    assert "Hint 1 of" in capsys.readouterr().out


def test_the_state_is_written_atomically(ws, monkeypatch):
    ours = workspace.Workspace(ws)
    progress.save(ours, progress.sanitize({"exercises": {"conv2d": {"status": "passing"}}}))
    before = (ws / ".grader" / "state.json").read_text()

    def crash(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(json, "dump", crash)
    progress.save(ours, progress.Progress())  # fails half way: silently, leaving the old file
    assert (ws / ".grader" / "state.json").read_text() == before
    assert [p.name for p in (ws / ".grader").iterdir()] == ["state.json"]  # no temporary left behind


# ---------------------------------------------------------------- run --all, solution

def test_run_all_on_the_solutions_shows_a_summary_table(ws):
    done = subprocess.run([sys.executable, "-m", "grader", "run", "--all", "--solution", "--no-speed"],
                          capture_output=True, text=True, timeout=600, env={**os.environ, "COLUMNS": "200"})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Reference solutions" in done.stdout
    assert f"{len(CATALOG.names())} of {len(CATALOG.names())} passed" in done.stdout
    for name in CATALOG.names():
        assert re.search(rf"^ ?{name}\s+passed", done.stdout, re.M), name


def test_run_all_on_a_terminal_draws_a_progress_bar(ws, monkeypatch):
    screen = StringIO()
    monkeypatch.setattr(common, "console", lambda: Console(file=screen, force_terminal=True, width=120,
                                                          color_system=None))
    assert grader("run", "--all", "--solution", "--no-speed", "--topic", CATALOG.get("conv2d").topic) == 0
    drawn = screen.getvalue()
    assert "checking conv2d" in drawn and "━" in drawn  # the bar, drawn while it ran
    assert "Reference solutions" in drawn


def test_run_all_json_for_the_learners_files_records_progress(ws):
    done = subprocess.run([sys.executable, "-m", "grader", "run", "--all", "--json", "--no-speed", "--topic",
                           CATALOG.get("conv2d").topic], capture_output=True, text=True, timeout=600)
    assert done.returncode == 1  # stubs
    report = json.loads(done.stdout)
    first_of_topic = next(e.name for e in CATALOG.exercises if e.topic == CATALOG.get("conv2d").topic)
    assert report["passed"] is False and report["exercises"][0]["exercise"] == first_of_topic
    assert state_of(ws)["exercises"]["conv2d"]["status"] == "not started"


def test_solution_is_refused_before_a_pass_and_shown_after(ws, capsys):
    assert grader("solution", "conv2d") == 1
    captured = capsys.readouterr()
    assert "def conv2d" not in captured.out and "--force" in captured.err
    assert grader("solution", "conv2d", "--force") == 0
    captured = capsys.readouterr()
    assert "def conv2d" in captured.out and "recorded" in captured.out
    assert state_of(ws)["exercises"]["conv2d"]["solution_seen"]
    write_state(ws, {"exercises": {"conv2d": {"status": "passing", "last_passed": "2024-05-01 10:00"}}})
    assert grader("solution", "conv2d") == 0
    captured = capsys.readouterr()
    assert "def conv2d" in captured.out and "recorded" not in captured.out


# ---------------------------------------------------------------- mock interviews

@pytest.fixture
def clock(monkeypatch):
    """The interview clock, moved by hand."""
    now = {"t": 1_700_000_000.0}
    monkeypatch.setattr(interview, "now", lambda: now["t"])
    return now


def test_an_interview_from_start_to_pass_without_a_terminal(ws, clock, capsys):
    mine = ws / "exercises" / "conv2d.py"
    mine.write_text("# my half-finished attempt\n")
    assert grader("interview", "conv2d") == 0
    out = capsys.readouterr().out
    assert "Mock interview: conv2d" in out and "30:00" in out  # medium: 30 minutes by default
    assert mine.read_text() == STUB  # starts from the stub...
    backups = list((ws / ".grader" / "backups").glob("conv2d-*.py"))
    assert [b.read_text() for b in backups] == ["# my half-finished attempt\n"]  # ...the attempt kept

    assert grader("interview") == 1  # one at a time
    assert "under way" in capsys.readouterr().err

    clock["t"] += 65
    assert grader("hint", "conv2d") == 0
    assert "Recorded in your mock interview" in capsys.readouterr().out
    assert grader("interview", "--status", "--json") == 0
    status = json.loads(capsys.readouterr().out)
    assert status["elapsed_s"] == 65 and status["interview"]["hints"] == 1

    assert grader("run", "conv2d", "--no-speed") == 1  # the stub: hints stay hidden in the report
    out = capsys.readouterr().out
    assert "hints hidden" in out and "Stuck? grader hint" not in out

    clock["t"] += 600
    mine.write_text(SOLUTION)
    assert grader("run", "conv2d", "--no-speed") == 0
    assert "without --no-speed" in capsys.readouterr().out  # a pass without speed checks does not count
    assert grader("run", "conv2d") == 0
    assert "Mock interview done: conv2d passed in 11:05 (limit 30:00), 1 hint" in capsys.readouterr().out

    assert grader("interview", "--history", "--json") == 0
    (entry,) = json.loads(capsys.readouterr().out)["interviews"]
    assert entry["result"] == "passed" and entry["seconds"] == 665 and entry["hints"] == 1
    assert entry["over_time"] is False and entry["runs"] == 3
    assert grader("interview", "--history") == 0
    assert "11:05" in capsys.readouterr().out


def test_an_interview_picks_an_unpassed_exercise_and_can_be_given_up(ws, clock, capsys):
    assert grader("interview", "--difficulty", CATALOG.get("conv2d").difficulty, "--minutes", "1", "--seed", "3",
                  "--json") == 0
    session = json.loads(capsys.readouterr().out)["interview"]
    assert session["limit_s"] == 60 and CATALOG.get(session["exercise"]).difficulty == CATALOG.get("conv2d").difficulty
    clock["t"] += 90
    assert grader("interview", "--status") == 0
    assert "Time is up" in capsys.readouterr().out
    assert grader("interview", "--stop") == 0
    assert "gave up" in capsys.readouterr().out
    assert grader("interview", "--stop") == 1  # nothing left to stop
    history = state_of(ws)["interviews"]
    assert history[-1]["result"] == "gave up" and history[-1]["over_time"] is True


def test_interview_pick_prefers_exercises_not_passed():
    state = progress.sanitize({"exercises": {n: {"status": "passing"} for n in CATALOG.names()[1:]}})
    picks = {interview.pick(CATALOG, state, seed=s).name for s in range(20)}
    assert picks == {CATALOG.names()[0]}
    everything = progress.sanitize({"exercises": {n: {"status": "passing"} for n in CATALOG.names()}})
    assert interview.pick(CATALOG, everything, seed=0) is not None  # all passed: any will do
    assert interview.pick(CATALOG, state, topic="no-such-topic") is None


# ---------------------------------------------------------------- watch

def test_watch_shows_a_deleted_file_and_waits_for_it(ws):
    from grader.watch import Watcher

    out = StringIO()
    watcher = Watcher(workspace.Workspace(ws), CATALOG.get("conv2d"), Console(file=out, width=120), clear=True)
    (ws / "exercises" / "conv2d.py").unlink()
    assert watcher.on_change(str(ws / "exercises" / "conv2d.py")) is False
    assert "is gone" in out.getvalue() and "grader reset conv2d" in out.getvalue()
    assert watcher.on_change(str(ws / "exercises" / "other.py")) is False  # not our file: ignored
    assert watcher.on_key("q") is False


def test_watch_polling_fallback_sees_a_save(tmp_path):
    from grader.watch import FileEvents

    (tmp_path / "conv2d.py").write_text("a")
    events: queue.Queue = queue.Queue()
    files = FileEvents(tmp_path, events, polling=True)
    files.start()
    try:
        time.sleep(0.3)
        (tmp_path / "conv2d.py").write_text("bb")
        kind, path = events.get(timeout=5)
        assert kind == "change" and Path(path).name == "conv2d.py"
    finally:
        files.stop()


class WatchSession:
    """`grader watch` in a child, keys through a pipe, output read line by line with arrival times."""

    def __init__(self, root: Path, *args: str, env: dict | None = None):
        self.lines: list[tuple[float, str]] = []
        self.process = subprocess.Popen(
            [sys.executable, "-m", "grader", "watch", *args], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, cwd=root,
            env={**os.environ, "NO_COLOR": "1", "COLUMNS": "160", "GRADER_WORKSPACE": str(root),
                 "PYTHONPATH": str(ROOT), **(env or {})})  # this checkout's grader, whatever is installed
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append((time.time(), line))

    def wait_for(self, text: str, since: float, timeout: float = 180) -> float:
        deadline = time.time() + timeout
        while time.time() < deadline:
            for at, line in list(self.lines):
                if at >= since and text in line:
                    return at
            if self.process.poll() is not None:
                break
            time.sleep(0.01)
        raise AssertionError(f"{text!r} never came:\n" + "".join(line for _, line in self.lines[-60:]))

    def key(self, key: str) -> None:
        self.process.stdin.write(key + "\n")
        self.process.stdin.flush()

    def close(self) -> int:
        try:
            self.key("q")
            return self.process.wait(timeout=30)
        except (OSError, subprocess.TimeoutExpired):
            self.process.kill()
            return self.process.wait()


def test_watch_rechecks_on_save_and_answers_keys(ws):
    mine = ws / "exercises" / "conv2d.py"
    session = WatchSession(ws, "conv2d", "--no-speed")
    try:
        session.wait_for("[h] hint", 0)  # the first report, once the worker is warm
        assert any("not implemented yet" in line for _, line in session.lines)
        latencies = {}
        for label, text, marker in (("syntax error", "def conv2d(:\n", "could not be imported"),
                                    ("stub again", STUB + "\n# edited\n", "not implemented yet"),
                                    ("solution", SOLUTION, "conv2d passes")):
            time.sleep(0.3)
            saved = time.time()
            mine.write_text(text)
            latencies[label] = session.wait_for(marker, saved) - saved
            session.wait_for("[h] hint", saved)
        print("watch: save -> report", {k: f"{v:.2f} s" for k, v in latencies.items()})
        # Generous bounds for a loaded CI machine; the figures themselves are printed above.
        assert max(latencies.values()) < 15
        assert progress.load(workspace.Workspace(ws)).exercises["conv2d"].status is progress.Status.PASSING

        asked = time.time()
        session.key("h")
        session.wait_for("Hint 1 of", asked)

        gone = time.time()
        mine.unlink()
        session.wait_for("is gone", gone)
        back = time.time()
        mine.write_text(SOLUTION + "\n# back\n")
        session.wait_for("conv2d passes", back)

        moved = time.time()
        session.key("n")
        others = [n for n in CATALOG.names() if n != "conv2d"]
        if others:
            session.wait_for("[h] hint", moved)
        else:
            session.wait_for("Every other exercise passes already", moved)
    finally:
        assert session.close() == 0
    assert "Traceback" not in "".join(line for _, line in session.lines)


# ---------------------------------------------------------------- completion, colours, pipes

def run_grader(*args, env=None, **kwargs):
    return subprocess.run([sys.executable, "-m", "grader", *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, **(env or {})}, **kwargs)


def test_completion_scripts_and_exercise_names_complete(tmp_path):
    for shell in ("bash", "zsh", "fish"):
        done = run_grader("completion", shell)
        assert done.returncode == 0 and "grader" in done.stdout and len(done.stdout) > 200
    pytest.importorskip("argcomplete")
    out = tmp_path / "completions"
    line = "grader run con"
    done = run_grader(env={"_ARGCOMPLETE": "1", "COMP_LINE": line, "COMP_POINT": str(len(line)),
                           "_ARGCOMPLETE_STDOUT_FILENAME": str(out), "_ARGCOMPLETE_IFS": "\n"})
    assert done.returncode == 0, done.stderr
    assert "conv2d" in out.read_text().split()
    line = "grader wa"
    run_grader(env={"_ARGCOMPLETE": "1", "COMP_LINE": line, "COMP_POINT": str(len(line)),
                    "_ARGCOMPLETE_STDOUT_FILENAME": str(out), "_ARGCOMPLETE_IFS": "\n"})
    assert out.read_text().split() == ["watch"]


COLOUR = re.compile(r"\x1b\[[0-9;]*(3[0-9]|9[0-7]|38;)")


def test_no_color_is_respected(ws):
    write_state(ws, {"exercises": {"conv2d": {"status": "failing"}}})
    forced = {"FORCE_COLOR": "1", "TERM": "xterm-256color", "COLUMNS": "120"}
    coloured = run_grader("list", env={**forced, "NO_COLOR": ""})
    assert COLOUR.search(coloured.stdout), "the test needs colours when NO_COLOR is not set"
    env = {**os.environ, **forced, "NO_COLOR": "1"}
    plain = subprocess.run([sys.executable, "-m", "grader", "list"], capture_output=True, text=True, env=env)
    assert plain.returncode == 0 and "failing" in plain.stdout
    assert not COLOUR.search(plain.stdout)


def test_a_closed_pipe_is_not_an_error(ws):
    done = subprocess.run(f"{sys.executable} -m grader hint conv2d --all | head -c 10", shell=True,
                          capture_output=True, text=True, timeout=60)
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr
