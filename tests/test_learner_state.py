"""The learner's state and flow (issue 13): status from what ran, the one "next exercise", interviews
that gate hints and the solution, pristine stubs, restore, tables down to 60 columns, attempts and time.

Everything is driven through the CLI (cli.main, in-process) the way a learner types it; the tests that
run checks use the quick pure-Python exercises and are marked slow with the ones that drive watch.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import CATALOG, ROOT
from grader import cli, interview, progress, workspace
from grader.results import CheckResult, Kind, Outcome, Reason, RunResult

NAMES = CATALOG.names()


@pytest.fixture
def ws(workspace, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("NO_COLOR", "1")
    return workspace


@pytest.fixture
def clock(monkeypatch):
    now = {"t": 1_700_000_000.0}
    monkeypatch.setattr(interview, "now", lambda: now["t"])
    return now


def grader(*args) -> int:
    return cli.main(list(args))


def state_of(root: Path) -> dict:
    return json.loads((root / ".grader" / "state.json").read_text())


def write_state(root: Path, exercises: dict, **rest) -> None:
    (root / ".grader" / "state.json").write_text(json.dumps({"exercises": exercises, **rest}))


def passing(*names: str) -> dict:
    return {n: {"status": "passing and fast", "last_passed": "2024-05-01 10:00"} for n in names}


def solve(root: Path, name: str) -> Path:
    mine = root / "exercises" / f"{name}.py"
    mine.write_text((ROOT / "solutions" / f"{name}.py").read_text())
    return mine


# ---------------------------------------------------------------- status from what ran

def _run(target: Path, *checks: tuple[str, Kind, Outcome, Reason | None]) -> RunResult:
    return RunResult("x", str(target), [CheckResult(n, k, o, reason=r) for n, k, o, r in checks])


CORRECT = ("matches torch [a]", Kind.CORRECTNESS, Outcome.PASSED, None)
CUDA_CASES = ("matches torch on cuda", Kind.CORRECTNESS, Outcome.SKIPPED, None)
CPU_SPEED = ("speed against torch", Kind.SPEED, Outcome.PASSED, None)
CUDA_SPEED = ("speed against torch on cuda", Kind.SPEED, Outcome.SKIPPED, None)
SPEED_OFF = ("speed against torch", Kind.SPEED, Outcome.SKIPPED, Reason.SPEED_OFF)


def test_a_skipped_cuda_speed_check_is_neither_passed_nor_failed(tmp_path):
    mine = tmp_path / "x.py"
    mine.write_text("a")
    state = progress.Progress()
    assert state.record("x", _run(mine, CORRECT, CUDA_CASES, CPU_SPEED, CUDA_SPEED)) is progress.Status.PASSING_AND_FAST
    entry = state.exercise("x")
    assert entry.speed_note == "fast on cpu; cuda not checked here"
    assert progress.status_line(entry) == "Status: passing and fast (fast on cpu; cuda not checked here)."


def test_no_speed_keeps_what_an_earlier_run_proved_for_the_same_file(tmp_path):
    mine = tmp_path / "x.py"
    mine.write_text("a")
    state = progress.Progress()
    state.record("x", _run(mine, CORRECT, CPU_SPEED))
    assert state.record("x", _run(mine, CORRECT, SPEED_OFF)) is progress.Status.PASSING_AND_FAST
    mine.write_text("b")  # another file: what was proved does not cover it
    assert state.record("x", _run(mine, CORRECT, SPEED_OFF)) is progress.Status.PASSING
    mine.write_text("a")
    assert state.record("x", _run(mine, CORRECT, SPEED_OFF)) is progress.Status.PASSING  # the proof is gone


def test_list_says_what_fast_rests_on(ws, capsys):
    write_state(ws, {"batch_norm": {"status": "passing and fast", "fast_on": "cpu", "not_checked": "cuda",
                                    "last_passed": "2024-05-01 10:00"}})
    assert grader("list") == 0
    out = capsys.readouterr().out
    assert "passing and fast*" in out and "* batch_norm: fast on cpu; cuda not checked here" in out


# ---------------------------------------------------------------- the one "next exercise"

def test_next_to_do_skips_what_passes_and_wraps_round():
    state = progress.sanitize({"exercises": passing(*NAMES[1:4])})
    assert state.next_to_do(CATALOG, after=NAMES[0]).name == NAMES[4]
    state = progress.sanitize({"exercises": passing(*NAMES[1:])})
    assert state.next_to_do(CATALOG, after=NAMES[-1]).name == NAMES[0]  # round to the start
    assert state.next_to_do(CATALOG, after=NAMES[0]).name == NAMES[0]   # itself, last
    assert progress.sanitize({"exercises": passing(*NAMES)}).next_to_do(CATALOG, after=NAMES[3]) is None


# ---------------------------------------------------------------- interviews gate whatever the past

def test_an_interview_on_a_passed_exercise_gates_and_records_the_solution_and_hints(ws, clock, capsys):
    total = len(CATALOG.get("conv2d").hints)
    write_state(ws, {"conv2d": {"status": "passing and fast", "last_passed": "2024-05-01 10:00",
                                "hints_seen": total}})
    assert grader("interview", "conv2d") == 0
    capsys.readouterr()
    assert grader("solution", "conv2d") == 1  # passed long ago, but an interview is under way
    captured = capsys.readouterr()
    assert "def conv2d" not in captured.out and "interview" in captured.err and "--force" in captured.err
    assert grader("hint", "conv2d") == 0  # hint 1 again: the interview counts from its start
    assert "Hint 1 of" in capsys.readouterr().out
    assert grader("hint", "conv2d", "--all") == 0
    assert grader("solution", "conv2d", "--force", "--plain") == 0
    assert "recorded in your mock interview" in capsys.readouterr().out
    assert grader("interview", "--stop") == 0
    (entry,) = state_of(ws)["interviews"]
    assert entry["hints"] == total and entry["solution_seen"] is True


def test_hint_and_solution_default_to_the_current_exercise(ws, clock, capsys):
    write_state(ws, {"box_iou": {"status": "failing", "last_run": "2024-05-01 10:00", "last_run_at": 1e9},
                     "nms": {"status": "failing", "last_run": "2024-04-01 10:00", "last_run_at": 9e8}})
    assert grader("hint") == 0
    captured = capsys.readouterr()
    assert "box_iou: the exercise you ran last" in captured.err and "(box_iou)" in captured.out
    assert grader("interview", "nms") == 0
    capsys.readouterr()
    assert grader("solution") == 1
    assert "interview on nms" in capsys.readouterr().err


# ---------------------------------------------------------------- restore, and saying where files went

def test_giving_up_an_interview_says_where_the_file_went_and_restore_brings_it_back(ws, clock, capsys):
    mine = ws / "exercises" / "conv2d.py"
    stub = mine.read_text()
    mine.write_text("# my passing conv2d\n")
    assert grader("interview", "conv2d") == 0
    assert "grader restore conv2d" in capsys.readouterr().out
    mine.write_text("# what I wrote in the interview\n")
    assert grader("interview", "--stop") == 0
    out = capsys.readouterr().out
    assert ".grader/backups/conv2d-" in out and "grader restore conv2d" in out
    assert grader("restore", "conv2d") == 0
    out = capsys.readouterr().out
    assert mine.read_text() == "# my passing conv2d\n"
    assert "Your current file was saved to" in out
    assert grader("restore", "conv2d", "--list") == 0
    listed = capsys.readouterr().out
    order = [line.split()[0] for line in listed.splitlines() if line.strip()[:1].isdigit()]
    assert order == ["1", "2"]
    newest, oldest = workspace.backups_of(workspace.Workspace(ws), "conv2d")
    assert newest.read_text() == "# what I wrote in the interview\n"  # newest first
    assert oldest.read_text() == "# my passing conv2d\n"
    assert grader("restore", "conv2d", "2") == 0 and "nothing to do" in capsys.readouterr().out
    assert grader("restore", "conv2d", "9") == 2
    mine.write_text(stub)
    assert grader("restore", "nms") == 1 and "No backups" in capsys.readouterr().out


# ---------------------------------------------------------------- pristine stubs

def test_the_stub_hashes_match_the_stubs():
    assert workspace.stub_manifest(NAMES, ROOT / "exercises") == workspace.STUB_HASHES.read_text(), \
        "a stub changed: record it with `grader dev stubs`"


def _kit_copy(tmp_path: Path, *, commit_edit: bool) -> Path:
    """A clone of the kit's exercises/ in git, then the learner's conv2d written over the stub."""
    kit = tmp_path / "kit"
    shutil.copytree(ROOT / "exercises", kit / "exercises")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false"]
    subprocess.run(["git", "init", "-q"], cwd=kit, check=True)
    subprocess.run([*git, "add", "-A"], cwd=kit, check=True)
    subprocess.run([*git, "commit", "-qm", "stubs"], cwd=kit, check=True)
    (kit / "exercises" / "conv2d.py").write_text((ROOT / "solutions" / "conv2d.py").read_text())
    if commit_edit:
        subprocess.run([*git, "commit", "-qam", "my work"], cwd=kit, check=True)
    return kit


def test_init_from_an_editable_kit_with_edits_gives_pristine_stubs(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(workspace, "KIT_ROOT", _kit_copy(tmp_path, commit_edit=False))
    monkeypatch.setattr(workspace, "PACKAGED_STUBS", tmp_path / "none")
    assert grader("init", str(tmp_path / "fresh")) == 0
    assert (tmp_path / "fresh" / "exercises" / "conv2d.py").read_text() == (ROOT / "exercises" / "conv2d.py").read_text()


def test_init_from_a_kit_whose_edits_were_committed_finds_the_stub_in_its_history(tmp_path, monkeypatch):
    kit = _kit_copy(tmp_path, commit_edit=True)  # HEAD holds the learner's conv2d; the commit before, the stub
    monkeypatch.setattr(workspace, "KIT_ROOT", kit)
    monkeypatch.setattr(workspace, "PACKAGED_STUBS", kit / "exercises")  # a wheel built from that tree
    assert grader("init", str(tmp_path / "fresh")) == 0
    assert (tmp_path / "fresh" / "exercises" / "conv2d.py").read_text() == (ROOT / "exercises" / "conv2d.py").read_text()


def test_init_never_hands_out_an_edited_stub(tmp_path, monkeypatch, capsys):
    kit = _kit_copy(tmp_path, commit_edit=True)
    shutil.rmtree(kit / ".git")  # no history to find the stub in
    monkeypatch.setattr(workspace, "KIT_ROOT", kit)
    monkeypatch.setattr(workspace, "PACKAGED_STUBS", kit / "exercises")  # a wheel built from that tree
    assert grader("init", str(tmp_path / "fresh")) == 1
    assert not (tmp_path / "fresh" / "exercises" / "conv2d.py").exists()
    assert "No pristine stub of conv2d" in capsys.readouterr().out
    assert (tmp_path / "fresh" / "exercises" / "max_pool2d.py").is_file()  # the untouched ones are there


# ---------------------------------------------------------------- tables down to 60 columns

@pytest.mark.parametrize("columns", ["60", "80", "120"])
def test_list_and_progress_keep_every_figure_at_any_width(columns, ws, monkeypatch, capsys):
    monkeypatch.setenv("COLUMNS", columns)
    write_state(ws, {"conv2d": {"status": "passing and fast", "last_passed": "2024-05-01 10:00", "attempts": 12,
                                "seconds_spent": 3960},
                     "binary_cross_entropy_with_logits": {"status": "failing", "attempts": 3, "seconds_spent": 300}})
    assert grader("list") == 0
    out = capsys.readouterr().out
    assert "…" not in out and max(map(len, out.splitlines())) <= int(columns)
    for name in NAMES:
        assert name in out, name  # whole, never folded
    for figure in ("12", "1h06", "05-01", "failing", "5m"):
        assert figure in out
    assert grader("progress") == 0
    out = capsys.readouterr().out
    assert "…" not in out and max(map(len, out.splitlines())) <= int(columns)
    for header in ("done", "fast", "failing", "to do", "tries", "time"):
        assert header in out
    assert "1/5" in out.replace(" ", "") or "1/" in out
    assert "1h06" in out


def test_list_difficulty_attempts_time_and_an_old_progress_file(ws, capsys):
    write_state(ws, {"conv2d": {"status": "passing", "last_passed": "2024-05-01 10:00"}})  # an older file
    assert grader("list", "--difficulty", "easy", "--json") == 0
    rows = json.loads(capsys.readouterr().out)["exercises"]
    assert rows and {r["difficulty"] for r in rows} == {"easy"}
    assert len(rows) == sum(e.difficulty == "easy" for e in CATALOG.exercises)
    assert grader("list", "--json") == 0
    conv = next(r for r in json.loads(capsys.readouterr().out)["exercises"] if r["exercise"] == "conv2d")
    assert conv["status"] == "passing" and conv["attempts"] == 0 and conv["seconds_spent"] == 0


def test_attempts_and_time_spent_between_runs(tmp_path, monkeypatch):
    mine = tmp_path / "x.py"
    mine.write_text("a")
    moments = iter([1000.0, 1100.0, 1100.0 + progress.IDLE_GAP_S + 1, 1100.0 + progress.IDLE_GAP_S + 31])
    monkeypatch.setattr(progress.time, "time", lambda: next(moments))
    state = progress.Progress()
    for _ in range(4):
        state.record("x", _run(mine, CORRECT))
    entry = state.exercise("x")
    assert entry.attempts == 4 and entry.seconds_spent == 130  # 100 s, a break, then 30 s


# ---------------------------------------------------------------- over time, in the history

def test_an_over_time_pass_shows_as_such_in_the_history(ws, capsys):
    from grader.progress import InterviewRecord

    state = progress.load(workspace.Workspace(ws))
    state.interviews.append(InterviewRecord(exercise="conv2d", difficulty="medium", started="2024-05-01 10:00",
                                            seconds=2000, limit_s=1800, result="passed", over_time=True))
    progress.save(workspace.Workspace(ws), state)
    assert grader("interview", "--history") == 0
    assert "passed over time" in capsys.readouterr().out


# ---------------------------------------------------------------- through real runs (slow)

@pytest.mark.slow
def test_after_a_pass_next_is_the_next_exercise_not_passed(ws, capsys):
    first, second, third = NAMES[5:8]  # three quick pure-Python exercises in a row
    write_state(ws, passing(second))
    solve(ws, first)
    assert grader("run", first, "--no-speed") == 0
    out = capsys.readouterr().out
    assert f"Next: grader run {third}" in out and "That was the last" not in out
    assert f"grader solution {first}" in out and "#interview-questions" in out  # what to do after a pass
    assert grader("hint") == 0  # the current exercise: the one just run
    assert f"({first})" in capsys.readouterr().out
    write_state(ws, passing(*(n for n in NAMES if n != first)))
    assert grader("run", first, "--no-speed") == 0
    assert "Every exercise passes. Well done!" in capsys.readouterr().out


@pytest.mark.slow
def test_passing_and_fast_without_a_gpu_and_no_speed_keeps_it(ws, capsys):
    import torch

    name = "batch_norm"  # a torch exercise with CUDA checks
    solve(ws, name)
    assert grader("run", name) == 0
    out = capsys.readouterr().out
    entry = state_of(ws)["exercises"][name]
    assert entry["status"] == "passing and fast"
    if not torch.cuda.is_available():
        assert "Status: passing and fast (fast on cpu; cuda not checked here)." in out
    assert grader("run", name, "--no-speed") == 0
    assert state_of(ws)["exercises"][name]["status"] == "passing and fast"
    assert grader("list") == 0
    assert "passing and fast" in capsys.readouterr().out


class Terminal:
    """`grader watch` under a pseudo-terminal (keys without Enter, the Live footer), its output collected."""

    def __init__(self, root: Path, *args: str):
        import os
        import pty
        import sys
        import threading

        master, slave = pty.openpty()
        self.master, self.output, self.started = master, b"", None
        self.process = subprocess.Popen(
            [sys.executable, "-m", "grader", "watch", *args], stdin=slave, stdout=slave, stderr=slave, cwd=root,
            env={**os.environ, "NO_COLOR": "1", "COLUMNS": "120", "LINES": "60", "GRADER_WORKSPACE": str(root),
                 "TERM": "xterm", "PYTHONPATH": str(ROOT)}, start_new_session=True)
        os.close(slave)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        import os

        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return
            if not chunk:
                return
            self.output += chunk

    @property
    def text(self) -> str:
        """What was written, without the terminal's escape sequences (colours, cursor moves)."""
        import re

        return re.sub(r"\x1b\[[0-9;?]*[a-zA-Z]", "", self.output.decode("utf-8", "replace"))

    def wait_for(self, text: str, after: int = 0, timeout: float = 180) -> int:
        """The offset of `text` in the output after offset `after`."""
        import time

        deadline = time.time() + timeout
        while time.time() < deadline:
            found = self.text.find(text, after)
            if found >= 0:
                return found
            if self.process.poll() is not None:
                break
            time.sleep(0.02)
        raise AssertionError(f"{text!r} never came:\n{self.text[-3000:]}")

    def key(self, key: str) -> None:
        import os

        os.write(self.master, key.encode())

    def quit(self) -> float:
        """Seconds from q to the exit."""
        import time

        sent = time.perf_counter()
        self.key("q")
        try:
            assert self.process.wait(timeout=30) == 0
        finally:
            if self.process.poll() is None:
                self.process.kill()
        return time.perf_counter() - sent


@pytest.mark.slow
def test_watch_keeps_the_interview_clock_ticking_and_in_view_and_quits_at_once(ws):
    import re
    import time

    name, after = NAMES[5], NAMES[6]
    before = NAMES[4]
    assert grader("interview", name, "--minutes", "15") == 0
    screen = Terminal(ws, "--no-speed")  # watch starts on the interview's exercise
    try:
        start = screen.wait_for("[q] quit")
        flat = " ".join(screen.text.replace("│", " ").split())  # the panel's lines joined
        assert "then save it: it is checked on every save" in flat  # the not-started panel: no "run … again"
        time.sleep(2.5)  # idle: the footer's clock must go on
        clocks = set(re.findall(r"interview (\d+:\d\d) of 15:00", screen.text[start:]))
        assert len(clocks) >= 2, clocks
        mark = len(screen.text)
        screen.key("n")
        screen.wait_for(f"watching exercises/{after}.py", mark)
        screen.wait_for(f"interview on {name}", mark)  # moved on: the interview stays stated, clock and all
        mark = len(screen.text)
        screen.key("p")
        screen.wait_for(f"watching exercises/{name}.py", mark)
        mark = len(screen.text)
        screen.key("p")
        screen.wait_for(f"watching exercises/{before}.py", mark)
        screen.wait_for("[q] quit", mark)
    finally:
        took = screen.quit()
    print(f"watch: q -> exit {took:.2f} s")
    assert took < 1.5  # it was 1.2-2.4 s: the worker was waited for while it tore torch down
    assert "Traceback" not in screen.text


@pytest.mark.slow
def test_q_during_the_start_up_quits_at_once(ws):
    import time

    screen = Terminal(ws, NAMES[5], "--no-speed")
    try:
        screen.wait_for("Starting the grader")
        time.sleep(0.5)
    finally:
        took = screen.quit()
    print(f"watch: q during start-up -> exit {took:.2f} s")
    assert took < 2  # it was 5-11 s: q waited for torch's import and the first check
    assert "Traceback" not in screen.text


@pytest.mark.slow
def test_q_during_a_check_quits_at_once_and_leaves_no_process_behind(ws):
    import os
    import time

    name = "conv_output_size"  # one function named like the exercise
    screen = Terminal(ws, name, "--no-speed")
    pid_file = ws / "learner.pid"
    try:
        screen.wait_for("[q] quit")
        (ws / "exercises" / f"{name}.py").write_text(
            f"import os, time\n\ndef {name}(*args, **kwargs):\n"
            f"    open({str(pid_file)!r}, 'w').write(str(os.getpid()))\n    time.sleep(60)\n")
        deadline = time.time() + 60
        while not pid_file.exists() and time.time() < deadline:
            time.sleep(0.05)
        assert pid_file.exists(), screen.text[-2000:]
        time.sleep(0.2)
    finally:
        took = screen.quit()
    print(f"watch: q during a check -> exit {took:.2f} s")
    assert took < 2  # it was 10 s: q waited for the check to time out
    stat = Path(f"/proc/{int(pid_file.read_text())}/stat")
    time.sleep(0.5)
    # The learner's process went with the worker: gone, or a zombie waiting for a reaper (a container's init may not be one).
    assert not Path("/proc").is_dir() or not stat.exists() or stat.read_text().rsplit(")", 1)[1].split()[0] == "Z"


def test_watch_footer_states_an_interview_on_another_exercise_and_when_time_is_up(ws, clock):
    from io import StringIO

    from rich.console import Console

    from grader.watch import Watcher

    assert grader("interview", NAMES[5], "--minutes", "1") == 0
    clock["t"] += 90
    screen = StringIO()
    watcher = Watcher(workspace.Workspace(ws), CATALOG.get(NAMES[6]), Console(file=screen, width=200))
    watcher.console.print(watcher._footer(progress.load(workspace.Workspace(ws))))
    assert f"interview on {NAMES[5]} 1:30 of 1:00 — time is up" in screen.getvalue()
    assert "[p] previous" in screen.getvalue()


def test_reset_in_a_clone_where_the_learner_committed_their_work(tmp_path, monkeypatch, capsys):
    upstream = _kit_copy(tmp_path, commit_edit=False)
    subprocess.run(["git", "checkout", "-q", "--", "."], cwd=upstream, check=True)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(upstream), str(clone)], check=True)
    mine = clone / "exercises" / "conv2d.py"
    mine.write_text("# my answer, committed\n")
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@t", "-c", "commit.gpgsign=false",
                    "commit", "-qam", "mine"], cwd=clone, check=True)
    monkeypatch.setattr(workspace, "KIT_ROOT", clone)  # an editable install from the learner's clone
    monkeypatch.setattr(workspace, "PACKAGED_STUBS", tmp_path / "none")
    monkeypatch.setenv("GRADER_WORKSPACE", str(clone))
    assert grader("reset", "conv2d") == 0
    assert mine.read_text() == (ROOT / "exercises" / "conv2d.py").read_text()  # from the upstream's version
