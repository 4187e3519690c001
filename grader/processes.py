"""The operating-system side of running learner code: limits, environment, process groups, output.

The one copy of each: the limits a run works under (each overridable from the environment, read
at each run so the kit's tests of hostile code can shrink them), the environment of a child,
the resource caps applied in a child before any learner code runs, the wait that kills a whole
process group at the time limit, and the tail of a run's captured output. Used by the cold child
and the warm worker alike (grader.engine, grader.worker).
"""
from __future__ import annotations

import os
import select
import signal
import time
from pathlib import Path

from .catalog import CHECKS_DIR, Exercise

# Defaults; the environment overrides them (GRADER_CHECK_TIMEOUT, GRADER_TIME_LIMIT, GRADER_MEMORY_MB,
# GRADER_OUTPUT_MB).
PER_CHECK_TIMEOUT_S = 10
MEMORY_LIMIT_MB = 4096
OUTPUT_LIMIT_MB = 64
TAIL_BYTES = 3000
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                    "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")


def _env_number(name: str, default: float) -> float:
    """A limit from the environment (tests shrink them); a bad value is ignored, not fatal."""
    try:
        value = float(os.environ.get(name, ""))
        return value if value > 0 else default
    except ValueError:
        return default


def check_timeout() -> float:
    """Seconds one check may run (pytest-timeout); GRADER_CHECK_TIMEOUT overrides."""
    return _env_number("GRADER_CHECK_TIMEOUT", PER_CHECK_TIMEOUT_S)


def time_limit(exercise: Exercise) -> float:
    """Seconds a whole run may take before the child is killed; GRADER_TIME_LIMIT overrides the catalog."""
    return _env_number("GRADER_TIME_LIMIT", exercise.time_limit)


def memory_limit_mb() -> int:
    return int(_env_number("GRADER_MEMORY_MB", MEMORY_LIMIT_MB))


def output_limit_bytes() -> int:
    return int(_env_number("GRADER_OUTPUT_MB", OUTPUT_LIMIT_MB) * 2**20)


def child_env(exercise: Exercise | None = None) -> dict[str, str]:
    """The environment of a process that runs checks: one thread per pool, no plugin autoload; for a Triton
    exercise on a machine without an NVIDIA GPU, Triton's interpreter (TRITON_INTERPRET=1, read when triton
    is imported; the plugin sets it too where torch finds no CUDA device, see grader.check.kernels)."""
    env = dict(os.environ)
    if exercise is not None and exercise.framework == "triton" and "TRITON_INTERPRET" not in env \
            and not os.path.exists("/dev/nvidiactl"):
        env["TRITON_INTERPRET"] = "1"
    env.update({v: "1" for v in THREAD_VARIABLES})
    env.update(PYTEST_DISABLE_PLUGIN_AUTOLOAD="1", PYTHONDONTWRITEBYTECODE="1",
               PYTHONHASHSEED="0", PYTHONUNBUFFERED="1")
    # The child imports `grader` from wherever this process did (a clone or an installed copy).
    root = str(CHECKS_DIR.parent.parent)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH")) if p)
    return env


def limit_process(output_bytes: int, memory_mb: int) -> None:
    """Cap this process's output files, core dumps and memory (in a child, before learner code)."""
    import resource

    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a print flood gets an error, not a kill
    resource.setrlimit(resource.RLIMIT_FSIZE, (output_bytes, output_bytes))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if not os.path.exists("/dev/nvidiactl"):  # CUDA reserves address space the cap would refuse
        limit = memory_mb * 2**20
        resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))


def limits_now():
    """A preexec_fn applying today's limits (read here, in the parent, not between fork and exec)."""
    output_bytes, memory_mb = output_limit_bytes(), memory_limit_mb()

    def apply() -> None:
        limit_process(output_bytes, memory_mb)
    return apply


def kill_group(pid: int) -> None:
    """SIGKILL the process group led by `pid`: the learner's code may have started processes too."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def wait_then_kill(pid: int, limit: float) -> tuple[int, bool]:
    """Wait for the child `pid` (the leader of its own process group) for up to `limit` seconds, then
    kill its whole group and reap it, also when the wait is interrupted (Ctrl-C). Returns (exit code,
    negative for a signal; whether it timed out)."""
    deadline = time.monotonic() + limit
    status, timed_out = None, False
    try:
        try:
            fd = os.pidfd_open(pid)
        except (AttributeError, OSError):
            fd = None
        try:
            while True:
                done, raw = os.waitpid(pid, os.WNOHANG)
                if done:
                    status = raw
                    break
                left = deadline - time.monotonic()
                if left <= 0:
                    timed_out = True
                    break
                if fd is not None:
                    select.select([fd], [], [], left)
                else:
                    time.sleep(min(left, 0.005))
        finally:
            if fd is not None:
                os.close(fd)
    finally:
        kill_group(pid)
        if status is None:
            _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), timed_out


def tail(path: Path, size: int = TAIL_BYTES) -> str:
    """The last `size` bytes of a run's captured output, as text ('' if there is none)."""
    try:
        with open(path, "rb") as f:
            f.seek(max(0, f.seek(0, 2) - size))
            return f.read().decode("utf-8", "replace")
    except OSError:
        return ""
