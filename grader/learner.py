"""Load and call the learner's code, turning whatever it does into clear, short messages.

Everything a learner's module or function raises (SyntaxError, NotImplementedError, SystemExit,
MemoryError, RecursionError, …) is converted here into one of three exceptions that the pytest
plugin knows how to report. The traceback shown is trimmed to the learner's own file.
"""
from __future__ import annotations

import importlib.util
import linecache
import sys
import traceback
from pathlib import Path
from types import ModuleType


class LearnerProblem(Exception):
    """Base of the problems caused by the learner's code (not by the grader)."""

    reason = "error"


class NotImplementedYet(LearnerProblem):
    reason = "not_implemented"


class LearnerImportError(LearnerProblem):
    reason = "import_error"


class LearnerCrash(LearnerProblem):
    reason = "crash"


_target_files: set[str] = set()


def _is_learner_frame(filename: str) -> bool:
    return str(Path(filename).resolve()) in _target_files


def describe_exception(exc: BaseException, *, limit: int = 3) -> str:
    """`ExcType: message` plus the last few lines of the learner's own code in the traceback."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if _is_learner_frame(f.filename)]
    lines = []
    for frame in frames[-limit:]:
        code = (frame.line or linecache.getline(frame.filename, frame.lineno)).strip()
        lines.append(f"  {Path(frame.filename).name}, line {frame.lineno}, in {frame.name}: {code}")
    if isinstance(exc, SystemExit):
        head = f"your code called sys.exit({exc.code!r}) — a function should return its result, not exit"
    elif isinstance(exc, MemoryError):
        head = "out of memory: your code tried to allocate more memory than the grader allows " \
               "(is an intermediate array much larger than it needs to be?)"
    elif isinstance(exc, RecursionError):
        head = "RecursionError: maximum recursion depth exceeded (a function that calls itself forever?)"
    else:
        message = str(exc)
        if len(message) > 500:
            message = message[:500] + " …"
        head = f"{type(exc).__name__}: {message}" if message else type(exc).__name__
    return "\n".join([head, *lines])


def load_module(path: Path, exercise: str, functions: tuple[str, ...]) -> ModuleType:
    """Import the learner's file by path, under a private module name."""
    path = Path(path).resolve()
    _target_files.add(str(path))
    if not path.exists():
        raise LearnerImportError(
            f"{path} does not exist. Run `grader reset {exercise}` to get the stub back."
        )
    module_name = f"_learner_{exercise}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # dataclasses and pickling look modules up here
    try:
        spec.loader.exec_module(module)
    except SyntaxError as exc:
        pointer = " " * max((exc.offset or 1) - 1, 0) + "^"
        text = (exc.text or "").rstrip("\n")
        raise LearnerImportError(
            f"syntax error in {path.name}, line {exc.lineno}: {exc.msg}\n    {text}\n    {pointer}"
        ) from None
    except BaseException as exc:  # noqa: BLE001 - anything the module does at import is the learner's
        if isinstance(exc, NotImplementedError):
            raise NotImplementedYet(f"{path.name} raised NotImplementedError while being imported") from None
        raise LearnerImportError(
            f"{path.name} failed while being imported:\n{describe_exception(exc)}"
        ) from None
    missing = [f for f in functions if not hasattr(module, f)]
    if missing:
        raise LearnerImportError(f"{path.name} does not define {', '.join(missing)}")
    return module


def call(fn, *args, **kwargs):
    """Call a learner function; convert anything it raises into a LearnerProblem."""
    try:
        return fn(*args, **kwargs)
    except NotImplementedError as exc:
        raise NotImplementedYet(str(exc) or f"{getattr(fn, '__name__', 'function')} is not implemented yet") from None
    except BaseException as exc:  # noqa: BLE001
        if type(exc).__name__ == "Failed" and "Timeout" in str(exc):
            raise  # pytest-timeout's own exception: the plugin reports it as a time-out
        if isinstance(exc, KeyboardInterrupt):
            raise
        raise LearnerCrash(describe_exception(exc)) from None
