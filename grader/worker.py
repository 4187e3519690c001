"""A warm worker: numpy, torch and pytest imported once, one forked grandchild per run.

`grader run` starts a fresh child per run, and ~2 s of it is importing torch. For feedback on
every save (`grader watch`) and for `grader run --all`, a `Worker` keeps one long-lived child
with the heavy modules (and each exercise's checks) already imported; every run forks a
grandchild from it. A `Worker` is a backend of grader.engine.execute: the engine plans the run
(pytest's arguments, the run's folder and files, the time limit), the worker's grandchild runs it,
and the engine collects the results exactly as for a cold run. The fork keeps what the cold path
gives: the learner's code runs in its own process (its own process group, killed whole at the time
limit), under the same memory and output caps (inherited from the worker), and reports through the
same JSON-lines file.

Protocol (JSON lines on the worker's stdin and stdout): {"op": "warm", "key", "args"} runs pytest
with `args` in the worker (trusted code: the reference solution, or only the collection) once per
`key`, so that grandchildren start warm; {"args", "output", "cwd", "time_limit", "warm"} runs pytest
with `args` in a grandchild (after the warm-up `warm` if that key is new) and is answered
{"returncode", "timed_out"} once the grandchild is gone, or {"cold": true} when forking is unsafe.
A worker that dies or stops answering is replaced; the engine then runs the plan cold.
"""
from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import engine, processes
from .catalog import Exercise

READY_TIMEOUT_S = 180  # importing torch on a loaded machine can take a while
REPLY_MARGIN_S = 15


class Worker:
    """The parent's handle on one warm worker process (not thread-safe: one run at a time)."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self._ready = False
        self.started_at = 0.0
        self._home: str | None = None

    # ---------------------------------------------------------------- lifecycle

    def start(self) -> None:
        """Start the worker in the background (returns at once; `ready` waits until it is)."""
        if self.alive:
            return
        # CUDA cannot be used in a child forked after the parent touched it: the worker never
        # initialises CUDA (its warm-up skips CUDA checks, and torch.cuda.is_available() asks NVML
        # rather than the driver), so every grandchild can.
        env = {**processes.child_env(), "PYTORCH_NVML_BASED_CUDA_CHECK": "1"}
        # `python -m` puts its working directory first on sys.path: an empty folder of its own, so that
        # no stray module (a /tmp/_base.py) can shadow what a learner's file imports.
        self._home = self._home or tempfile.mkdtemp(prefix="grader-worker-")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "grader.worker"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, env=env, cwd=self._home,
            start_new_session=True, preexec_fn=processes.limits_now(),
        )
        self._ready = False
        self.started_at = time.perf_counter()

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def close(self) -> None:
        process, self.process = self.process, None
        if process is None:
            return
        try:
            process.stdin.close()  # an idle worker ends at once at the end of its input
            process.wait(timeout=0.2)
        except (OSError, subprocess.TimeoutExpired):
            # Busy with a run (or still importing torch): SIGTERM makes it kill its grandchild and exit.
            try:
                process.terminate()
                process.wait(timeout=2)
            except (OSError, subprocess.TimeoutExpired):
                pass
        processes.kill_group(process.pid)
        process.wait()
        process.stdout.close()
        home, self._home = self._home, None
        if home:
            shutil.rmtree(home, ignore_errors=True)

    def __enter__(self) -> "Worker":
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # ---------------------------------------------------------------- runs

    def _read_reply(self, timeout: float) -> dict | None:
        deadline = time.monotonic() + timeout
        out = self.process.stdout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([out], [], [], min(left, 1.0))
            if ready:
                line = out.readline()
                if not line:
                    return None  # the worker died
                try:
                    return json.loads(line)
                except ValueError:
                    continue
            elif self.process.poll() is not None:
                return None

    def wait_ready(self) -> bool:
        if not self.alive:
            return False
        if not self._ready:
            reply = self._read_reply(READY_TIMEOUT_S)
            self._ready = bool(reply and reply.get("ready"))
            if not self._ready:
                self.close()
        return self._ready

    def warm(self, exercise: Exercise, solution: Path | None = None) -> None:
        """Ask the worker to import (and, given the reference solution, exercise) these checks now."""
        if not self.alive:
            self.start()
        self._send({"op": "warm", **_warm_up(exercise, solution)})

    def _send(self, request: dict) -> bool:
        """One request line to the worker; False (and the worker closed) if it is gone."""
        try:
            self.process.stdin.write((json.dumps(request) + "\n").encode())
            self.process.stdin.flush()
            return True
        except OSError:
            self.close()
            return False

    # ---------------------------------------------------------------- the engine's backend

    def ready(self) -> bool:
        if not self.alive:
            self.start()
        return self.wait_ready()

    def pytest_options(self) -> dict:
        return {}

    def launch(self, plan: engine.Plan) -> engine.Ending | None:
        """Run the plan in a grandchild; None if the worker failed or cannot fork now (the run goes cold)."""
        request = {"args": plan.args, "output": str(plan.output), "cwd": str(plan.folder),
                   "time_limit": plan.time_limit, "warm": _warm_up(plan.exercise)}
        if not self._send(request):
            return None
        reply = self._read_reply(plan.time_limit + REPLY_MARGIN_S)
        if reply is not None and reply.get("cold"):
            return None  # the worker cannot fork safely for this run: a fresh child will do it
        if reply is None or "returncode" not in reply:
            self.close()  # dead or stuck: the next run starts a fresh one
            return None
        return engine.Ending(reply["returncode"], reply["timed_out"], processes.tail(plan.output))


def _warm_up(exercise: Exercise, solution: Path | None = None) -> dict:
    return {"key": str(exercise.checks_path), "args": engine.warm_up_args(exercise, solution)}


# ---------------------------------------------------------------- the worker process itself

_warmed: set[str] = set()


def _warm(request: dict | None) -> None:
    """Run a warm-up (engine.warm_up_args) here, once per exercise, as pytest would (asserts rewritten)."""
    if not request or not request.get("key") or request["key"] in _warmed:
        return
    _warmed.add(request["key"])
    import pytest

    try:
        with tempfile.TemporaryDirectory(prefix="grader-warm-") as tmp:
            cwd = os.getcwd()
            os.chdir(tmp)
            try:
                pytest.main(list(request["args"]))
            finally:
                os.chdir(cwd)
    except BaseException:  # noqa: BLE001 - the grandchild's pytest will report a broken checks file
        pass


def _grandchild(request: dict, reply_fd: int) -> None:
    """Runs in the forked grandchild: never returns."""
    code = 70
    try:
        os.setpgid(0, 0)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        os.close(reply_fd)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        out = os.open(request["output"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(out, 1)
        os.dup2(out, 2)
        os.chdir(request["cwd"])
        import pytest

        code = pytest.main(request["args"])
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:  # noqa: BLE001 - the parent reports the death from the exit code
        pass
    finally:
        os._exit(int(code))


def _cuda_initialised() -> bool:
    torch = sys.modules.get("torch")
    try:
        return bool(torch is not None and torch.cuda.is_initialized())
    except Exception:  # noqa: BLE001
        return False


def main() -> None:
    # Replies go to a private copy of stdout; fds 1 and 2 go nowhere, so nothing a grandchild or
    # an import prints can corrupt the protocol.
    reply_fd = os.dup(1)
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    replies = os.fdopen(reply_fd, "w", buffering=1)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C in the terminal is the parent's to handle
    running = {"pid": None}

    def terminate(signum, frame):  # the parent is closing us mid-run (q in grader watch): no orphan left
        if running["pid"]:
            processes.kill_group(running["pid"])
        os._exit(0)

    signal.signal(signal.SIGTERM, terminate)

    import numpy  # noqa: F401
    import pytest  # noqa: F401
    import torch

    torch.set_num_threads(1)  # no intra-op pool: forking after one exists is unsafe
    from . import check, learner, plugin  # noqa: F401
    import _pytest.config  # noqa: F401

    try:  # the first failing assert_close imports and compiles ~1 s of helpers: pay it here, once
        torch.testing.assert_close(torch.zeros(2, dtype=torch.float64), torch.ones(2, dtype=torch.float64))
    except AssertionError:
        pass

    replies.write(json.dumps({"ready": True, "pid": os.getpid()}) + "\n")
    for line in sys.stdin.buffer:
        try:
            request = json.loads(line)
        except ValueError:
            continue
        if request.get("op") == "warm":
            _warm(request)
            continue
        _warm(request.get("warm"))
        if _cuda_initialised():
            replies.write(json.dumps({"cold": True}) + "\n")  # forking now would break CUDA in the child
            continue
        pid = os.fork()
        if pid == 0:
            _grandchild(request, reply_fd)
        try:
            os.setpgid(pid, pid)
        except OSError:
            pass
        running["pid"] = pid
        returncode, timed_out = processes.wait_then_kill(pid, float(request["time_limit"]))
        running["pid"] = None
        replies.write(json.dumps({"returncode": returncode, "timed_out": timed_out}) + "\n")
    # The end of input: no grandchild is left (each is waited for above). Exit at once: tearing down
    # torch and pytest takes seconds, and the parent (`q` in grader watch) waits for this exit.
    replies.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
