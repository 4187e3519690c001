"""Load and call the learner's code, turning whatever it does into clear, short messages.

Everything a learner's module or function raises (SyntaxError, NotImplementedError, SystemExit,
MemoryError, RecursionError, …) is converted here into one of a few exceptions that the pytest
plugin knows how to report. The traceback shown is trimmed to the learner's own file.

Learner code also runs in the same process as the checks, so every import and every call is
fenced: global settings it may change (NumPy error and print options, torch's default dtype,
grad mode and thread count, the working directory, warnings filters, environment variables,
the recursion limit, sys.stdout…) are put back afterwards, and functions of numpy, torch, the
standard library and the grader that it replaces are put back too — and reported, since a
replaced `np.allclose` could make a wrong answer look right. The random generators are left
alone on purpose (a dropout must advance them); checks draw their inputs from private,
seeded generators instead.
"""
from __future__ import annotations

import contextlib
import errno
import importlib.util
import linecache
import os
import signal
import sys
import threading
import time
import traceback
import warnings
from operator import is_not as _is_not  # bound now: the learner's code may replace these
from os import chdir as _chdir, getcwd as _getcwd
from pathlib import Path
from types import ModuleType

from .repro import record_call


class LearnerProblem(Exception):
    """Base of the problems caused by the learner's code (not by the grader). A check that can tell
    which classic mistake made it (a crash on pair-valued arguments only) sets `mistake`."""

    reason = "error"
    mistake = None


class NotImplementedYet(LearnerProblem):
    reason = "not_implemented"


class LearnerImportError(LearnerProblem):
    reason = "import_error"


class LearnerCrash(LearnerProblem):
    reason = "crash"


class Tampered(LearnerProblem):
    reason = "tampered"


class Deadline(BaseException):
    """Raised inside the learner's code when the grader stops waiting for it (see `deadline`)."""


@contextlib.contextmanager
def deadline(seconds: float, *, cpu: bool = False):
    """Interrupt the learner's code after `seconds` with Deadline (main thread, Unix): seconds of wall
    time (SIGALRM), or with `cpu` of this process's CPU time (SIGPROF), which other processes' load
    does not stretch.

    pytest-timeout's own alarm, if one is armed, is put back afterwards with the time it had left.
    Where signals are not available, the code simply runs to its end.
    """
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise Deadline()

    which, signum = (signal.ITIMER_PROF, signal.SIGPROF) if cpu else (signal.ITIMER_REAL, signal.SIGALRM)
    started = time.monotonic()
    previous = signal.signal(signum, expire)
    outer, _ = signal.setitimer(which, seconds)
    try:
        yield
    finally:
        signal.setitimer(which, 0)
        signal.signal(signum, previous)
        if outer and not cpu:
            signal.setitimer(which, max(outer - (time.monotonic() - started), 1e-3))


_target_files: set[str] = set()


def _is_learner_frame(filename: str) -> bool:
    return str(Path(filename).resolve()) in _target_files


def _is_learner_or_helper_file(filename: str) -> bool:
    """The learner's file, or a module of its own beside it (load_module makes that folder importable)."""
    if not filename:
        return False
    path = Path(filename).resolve()
    return str(path) in _target_files or any(str(path.parent) == str(Path(t).parent) for t in _target_files)


def describe_exception(exc: BaseException, *, limit: int = 3) -> str:
    """`ExcType: message` plus the last few lines of the learner's own code in the traceback."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if _is_learner_frame(f.filename)]
    lines = []
    for frame in frames[-limit:]:
        code = (frame.line or linecache.getline(frame.filename, frame.lineno)).strip()
        lines.append(f"  {Path(frame.filename).name}, line {frame.lineno}, in {frame.name}: {code}")
    if isinstance(exc, SystemExit):
        head = f"your code called sys.exit({exc.code!r}) — a function should return its result, not exit"
    elif isinstance(exc, MemoryError) or "can't allocate memory" in str(exc):
        head = "out of memory: your code tried to allocate more memory than the grader allows " \
               "(is an intermediate array much larger than it needs to be?)"
    elif isinstance(exc, RecursionError):
        head = "RecursionError: maximum recursion depth exceeded (a function that calls itself forever?)"
    elif isinstance(exc, OSError) and exc.errno == errno.EFBIG:
        head = "your code printed (or wrote) far too much output, past the grader's limit: " \
               "remove the prints inside loops"
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
    # Its folder is importable, as for `python file.py`, so a learner's own helper module works;
    # last on the path, so a file there never shadows numpy or torch.
    if str(path.parent) not in sys.path:
        sys.path.append(str(path.parent))
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # dataclasses and pickling look modules up here
    _GUARD.snapshot(exercise)  # before the learner's first line runs
    _WATCH.arm(exercise, path)
    before = _capture_settings()
    try:
        try:
            with _WATCH.watching():
                spec.loader.exec_module(module)
        finally:
            # Settings first: torch.set_default_dtype itself rebinds torch.Storage.
            _restore_settings(before)
            replaced = _GUARD.check_and_restore()
    except SyntaxError as exc:
        if exc.lineno is None:  # e.g. a NUL byte: Python points at no line
            raise LearnerImportError(f"syntax error in {path.name}: {exc.msg}") from None
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
    if replaced:
        raise LearnerImportError(f"{path.name}, while being imported, {_tamper_message(replaced)}") from None
    missing = [f for f in functions if not hasattr(module, f)]
    if missing:
        raise LearnerImportError(f"{path.name} does not define {', '.join(missing)}")
    return module


def call(fn, *args, **kwargs):
    """Call a learner function; convert anything it raises into a LearnerProblem.

    Global settings the call changed are put back; functions it replaced are put back and
    reported (see the module's docstring).
    """
    record_call(fn, args, kwargs)  # only while grader.repro rebuilds a failed check
    before = _capture_settings()
    _WATCH.recent = []
    kernels = _WATCH.kernels  # a Triton exercise: the kernels the call launches (grader.check.kernels)
    if kernels is not None:
        kernels.start()
    try:
        result = _call(fn, *args, **kwargs)
    finally:
        if kernels is not None:
            kernels.stop()
        # Settings first: torch.set_default_dtype itself rebinds torch.Storage.
        _restore_settings(before)
        replaced = _GUARD.check_and_restore()
        if _WATCH.recent:  # before anything else the call did: the rules come first
            raise _WATCH.failure(_WATCH.recent)
    if replaced:
        raise Tampered(f"your code {_tamper_message(replaced)}")
    if kernels is not None:
        for what in kernels.verdict(fn, result, _is_learner_or_helper_file):
            _WATCH._record(what, library=False, frame=None, mistake=kernels.no_kernel)
        if _WATCH.recent:
            raise _WATCH.failure(_WATCH.recent)
    _reject_disguised_arrays(result)
    return result


def _call(fn, *args, **kwargs):
    try:
        with _WATCH.watching():
            return fn(*args, **kwargs)
    except NotImplementedError as exc:
        raise NotImplementedYet(str(exc) or f"{getattr(fn, '__name__', 'function')} is not implemented yet") from None
    except Deadline:
        raise  # the grader stopped waiting: not the learner's crash
    except BaseException as exc:  # noqa: BLE001
        if type(exc).__name__ == "Failed" and "Timeout" in str(exc):
            raise  # pytest-timeout's own exception: the plugin reports it as a time-out
        # A KeyboardInterrupt here is raised by the learner's code (the child has no terminal):
        # letting it through would end the run early with later checks "not run".
        raise LearnerCrash(describe_exception(exc)) from None


# ---------------------------------------------------------------- fencing learner code

def _tamper_message(replaced: list[str]) -> str:
    shown = ", ".join(replaced[:4]) + (f" and {len(replaced) - 4} more" if len(replaced) > 4 else "")
    return (f"replaced {shown}, which the grader relies on to check your answer. The grader put the "
            "original back; do not assign to attributes of numpy, torch, the standard library or the grader.")


def _capture_settings() -> dict:
    """The process-wide settings a learner's code might change, cheap to read (a few µs)."""
    np, torch = sys.modules.get("numpy"), sys.modules.get("torch")
    try:
        cwd = _getcwd()
    except OSError:
        cwd = None
    settings = {
        "cwd": cwd, "environ": _environ_copy(), "recursion": sys.getrecursionlimit(),
        "warnings": (list(warnings.filters), warnings.showwarning),
        "streams": (sys.stdin, sys.stdout, sys.stderr), "alarm": signal.getsignal(signal.SIGALRM),
    }
    if np is not None:
        settings["numpy"] = (np.geterr(), np.geterrcall(), np.get_printoptions())
    if torch is not None:
        settings["torch"] = (torch.get_default_dtype(), torch.is_grad_enabled(), torch.get_num_threads(),
                             torch.are_deterministic_algorithms_enabled(),
                             torch.get_default_device() if hasattr(torch, "get_default_device") else None)
    return settings


def _environ_copy() -> dict:
    data = getattr(os.environ, "_data", None)  # the raw bytes mapping: 100× cheaper than dict(os.environ)
    return dict(data) if isinstance(data, dict) else {os.fsencode(k): os.fsencode(v) for k, v in os.environ.items()}


def _restore_settings(s: dict) -> None:
    def attempt(action, *args):
        try:
            action(*args)
        except Exception:  # noqa: BLE001 - put back what can be put back
            pass

    if s["cwd"] is not None:
        try:
            same = _getcwd() == s["cwd"]
        except OSError:
            same = False
        if not same:
            attempt(_chdir, s["cwd"])
    if _environ_copy() != s["environ"]:
        saved = {os.fsdecode(k): os.fsdecode(v) for k, v in s["environ"].items()}
        for key in set(os.environ) - set(saved):
            attempt(os.environ.pop, key, None)
        for key, value in saved.items():
            if os.environ.get(key) != value:
                attempt(os.environ.__setitem__, key, value)
    if sys.getrecursionlimit() != s["recursion"]:
        attempt(sys.setrecursionlimit, s["recursion"])
    filters, showwarning = s["warnings"]
    if warnings.filters != filters or warnings.showwarning is not showwarning:
        warnings.filters[:] = filters
        warnings.showwarning = showwarning
        attempt(getattr(warnings, "_filters_mutated", lambda: None))
    sys.stdin, sys.stdout, sys.stderr = s["streams"]
    if signal.getsignal(signal.SIGALRM) is not s["alarm"]:
        attempt(signal.signal, signal.SIGALRM, s["alarm"])
    np, torch = sys.modules.get("numpy"), sys.modules.get("torch")
    if np is not None and "numpy" in s:
        err, errcall, printoptions = s["numpy"]
        if np.geterr() != err:
            attempt(lambda: np.seterr(**err))
        if np.geterrcall() is not errcall:
            attempt(np.seterrcall, errcall)
        if np.get_printoptions() != printoptions:
            attempt(lambda: np.set_printoptions(**printoptions))
    if torch is not None and "torch" in s:
        dtype, grad, threads, deterministic, device = s["torch"]
        if torch.get_default_dtype() != dtype:
            attempt(torch.set_default_dtype, dtype)
        if torch.is_grad_enabled() != grad:
            attempt(torch.set_grad_enabled, grad)
        if torch.get_num_threads() != threads:
            attempt(torch.set_num_threads, threads)
        if torch.are_deterministic_algorithms_enabled() != deterministic:
            attempt(torch.use_deterministic_algorithms, deterministic)
        if device is not None and torch.get_default_device() != device:
            attempt(torch.set_default_device, None if device.type == "cpu" else device)


class _Guard:
    """Remembers the public functions of the libraries the oracles use; puts back any replaced.

    The snapshot is taken just before the learner's module is imported. Names starting with an
    underscore are skipped (libraries cache private state there; oracles use public names).
    The check after each call is a C-level `map` over ~3000 names (~0.2 ms).
    """

    MODULES = ("builtins", "math", "operator", "functools", "itertools", "time", "json", "copy",
               "numpy", "numpy.linalg", "numpy.fft", "numpy.random", "numpy.testing", "numpy.lib.stride_tricks",
               "torch", "torch.nn", "torch.nn.functional", "torch.nn.init", "torch.linalg", "torch.fft",
               "torch.autograd", "torch.testing", "torch.optim", "torch.special")
    CLASSES = (("torch", "Tensor"), ("torch.nn", "Module"), ("torch.nn", "Parameter"), ("torch.autograd", "Function"))

    def __init__(self):
        self.saved: list[tuple] | None = None  # (owner, label, namespace, keys, values, class size or None)
        self.modules: dict[str, object] = {}

    def _watched(self, exercise: str = ""):
        for name in self.MODULES:
            module = sys.modules.get(name)
            if module is not None:
                yield module, name, False
        other_checks = "grader.exercises."  # other exercises' checks: loaded only by an in-process test run
        for name, module in list(sys.modules.items()):  # the grader and this exercise's checks
            if name.startswith(other_checks) and not name.startswith(f"{other_checks}{exercise}."):
                continue
            if name == "grader" or name.startswith("grader.") or self._is_checks_module(name, module):
                yield module, name, False
        for module_name, class_name in self.CLASSES:
            cls = getattr(sys.modules.get(module_name), class_name, None)
            if isinstance(cls, type):
                yield cls, f"{module_name}.{class_name}", True

    @staticmethod
    def _is_checks_module(name: str, module) -> bool:
        from .catalog import CHECKS_DIR

        if not name.rpartition(".")[2].startswith("test_"):
            return False
        file = getattr(module, "__file__", None) or ""
        return isinstance(file, str) and file.startswith(str(CHECKS_DIR))

    def snapshot(self, exercise: str = "") -> None:
        self.saved = []
        self.modules = {name: sys.modules[name] for name in self.MODULES if name in sys.modules}
        for owner, label, is_class in self._watched(exercise):
            namespace = vars(owner)  # a module's dict, or a class's live mappingproxy
            keys = tuple(k for k in namespace if is_class or not k.startswith("_"))
            values = tuple(namespace[k] for k in keys)
            self.saved.append((owner, label, namespace, keys, values, len(namespace) if is_class else None))

    def _changed(self) -> bool:
        for _, _, namespace, keys, values, size in self.saved:
            if any(map(_is_not, map(namespace.get, keys), values)):  # a deleted name reads as None
                return True
            if size is not None and len(namespace) != size:
                return True
        return any(sys.modules.get(name) is not module for name, module in self.modules.items())

    def check_and_restore(self) -> list[str]:
        """Names replaced (or deleted, or added to a class) since the snapshot, after putting them back."""
        if self.saved is None or not self._changed():
            return []  # no learner code has run in this process yet, or nothing changed
        replaced = []
        missing = object()
        for index, (owner, label, namespace, keys, values, size) in enumerate(self.saved):
            for position, (key, value) in enumerate(zip(keys, values)):
                now = namespace.get(key, missing)
                if now is not value and _library_rewrap(owner, value, now):
                    # torch wraps some of its own functions when it lazily imports torch._dynamo
                    # (the first meta forward, the first optimizer step): not the learner's doing.
                    values = values[:position] + (now,) + values[position + 1:]
                    self.saved[index] = (owner, label, namespace, keys, values, size)
                elif now is not value:
                    replaced.append(f"{label}.{key}")
                    try:
                        setattr(owner, key, value)
                    except (AttributeError, TypeError):
                        pass
            if size is not None:
                for key in set(namespace) - set(keys):  # a new method on a class shadows the inherited one
                    replaced.append(f"{label}.{key}")
                    try:
                        delattr(owner, key)
                    except (AttributeError, TypeError):
                        pass
        for name, module in self.modules.items():  # `sys.modules["numpy"] = fake` would fool later imports
            if sys.modules.get(name) is not module:
                replaced.append(f"sys.modules[{name!r}]")
                sys.modules[name] = module
        return replaced


def _library_rewrap(owner, old, new) -> bool:
    """True when `new` wraps `old` (functools.wraps) with code of the owner's own library.

    A learner's wrapper lives in the learner's file, so it never passes; torch's lazy re-wrapping
    (torch._compile's disable-dynamo wrapper around torch.manual_seed) does."""
    root = (getattr(owner, "__module__", None) if isinstance(owner, type) else getattr(owner, "__name__", "")) or ""
    library = sys.modules.get(root.partition(".")[0])
    library_file = getattr(library, "__file__", None)
    code = getattr(new, "__code__", None)
    if not library_file or code is None:
        return False
    inner, seen = getattr(new, "__wrapped__", None), 0
    while inner is not None and inner is not old and seen < 8:
        inner, seen = getattr(inner, "__wrapped__", None), seen + 1
    library_dir = os.path.dirname(os.path.abspath(library_file)) + os.sep
    return inner is old and os.path.abspath(code.co_filename).startswith(library_dir)


_GUARD = _Guard()


def verify_untouched() -> list[str]:
    """After a check: what the learner's code replaced (put back now); the plugin reports it."""
    return _GUARD.check_and_restore()


def _reject_disguised_arrays(result) -> None:
    """An array subclass defined in the learner's file could redefine comparisons: refuse it."""
    items = result if isinstance(result, (tuple, list)) and len(result) <= 16 else (result,)
    for item in items:
        cls = type(item)
        if not cls.__module__.startswith("_learner_"):
            continue
        bases = {f"{b.__module__}.{b.__qualname__}" for b in cls.__mro__}
        if bases & {"numpy.ndarray", "torch.Tensor", "torch._C.TensorBase"}:
            raise LearnerCrash(f"your function returned an instance of {cls.__name__}, a subclass defined in "
                               "your file; return a plain array or tensor")


# ---------------------------------------------------------------- library use at run time

def runtime_findings() -> list:
    """What the learner's code reached at run time against its exercise's [rules] since it was
    loaded (grader.check.rules.Finding, in order): the rules check reports them with its own."""
    return list(_WATCH.findings)


class _Watch:
    """Library use while the learner's code runs, whatever route reached it.

    torch is already imported in the checking process, so an import hook would see nothing: a
    TorchFunctionMode, active only inside a fenced call (and the module's import), sees every torch
    function the call runs (torch.*, F.*, Tensor methods, torch.ops), once, at the outermost level.
    In a NumPy exercise (rules.modules has "torch") each one that takes or gives a tensor is a finding
    (a correct file that only flips torch's grad mode computes nothing with it); in a torch exercise the
    banned functions are, by identity (rules.functions) or by torch's name for them (rules.names).
    Calls made by the grader's own code inside the fence (a check's lambda) do not count. Other
    banned libraries (scipy, jax…) are seen by an audit hook when a fenced call imports them for
    the first time in the process (one already imported by the grader would go unseen; none is).
    Nothing is active while a speed check times the learner (it calls the function directly).
    """

    def __init__(self):
        self.rules = None
        self.target = Path("your file")
        self.findings: list = []  # since the module was loaded
        self.recent: list = []  # during the current call
        self._mode_type = None
        self._any_torch = False
        self._banned: set = set()
        self._is_banned_name = None
        self._verdicts: dict = {}  # function -> banned?, cached: the hot path is one dict lookup
        self._others: tuple[str, ...] = ()
        self._torch_dir = ""
        self._active = False
        self._absent: list[str] = []
        self._audit_installed = False
        self.kernels = None  # a Triton exercise's launch watch (grader.check.kernels.KernelWatch)

    def disarm(self) -> None:
        """After a run in this process (the kit's tests, grader dev check): the next learner call, of
        another exercise or none, is not judged by this one's rules or kernel-launch requirement."""
        self.rules, self.kernels = None, None

    def arm(self, exercise: str, path: Path) -> None:
        from . import catalog

        self.findings = []
        self.target = path
        try:
            entry = catalog.load().get(exercise)
        except catalog.CatalogError:
            entry = None
        self.rules = entry.rules if entry is not None else None
        if entry is not None and entry.framework == "triton":
            from .check.kernels import watch

            self.kernels = watch(exercise)
        else:
            self.kernels = None
        torch = sys.modules.get("torch")
        if not self.rules or torch is None:
            self._mode_type = None
            return
        from .check.rules import name_matcher

        self._any_torch = "torch" in self.rules.modules
        self._banned = {obj for obj in map(_lookup, self.rules.functions) if obj is not None}
        self._is_banned_name = name_matcher(self.rules.names + tuple(f.rpartition(".")[2] for f in self.rules.functions))
        self._verdicts = {}
        self._others = tuple(m for m in self.rules.modules if m != "torch")
        if self._others and not self._audit_installed:
            sys.addaudithook(self._audit)
            self._audit_installed = True
        self._torch_dir = os.path.dirname(torch.__file__) + os.sep
        self._mode_type = self._mode_type or _library_mode(self)
        if not (self._any_torch or self._banned or self.rules.names):
            self._mode_type = None

    def _is_banned(self, func) -> bool:
        try:
            verdict = self._verdicts.get(func)
        except TypeError:  # an unhashable callable
            return self._any_torch
        if verdict is None:
            verdict = self._any_torch or func in self._banned or self._is_banned_name(getattr(func, "__name__", ""))
            self._verdicts[func] = verdict
        return verdict

    @contextlib.contextmanager
    def watching(self):
        if self.rules is None:
            yield
            return
        self._active = True
        self._absent = [m for m in self._others if m not in sys.modules]
        try:
            if self._mode_type is None:
                yield
            else:
                with self._mode_type():
                    yield
        finally:
            self._active = False

    def _audit(self, event: str, args) -> None:
        """An audit hook (installed once, for good): a banned library other than torch that a fenced
        call imports for the first time, seen when its code runs ("exec"), with the line importing it."""
        if not self._active or event != "exec" or not self._absent:
            return
        for root in [m for m in self._absent if m in sys.modules]:
            self._absent.remove(root)
            frame = sys._getframe(1)
            while frame is not None and not (frame.f_code.co_filename in _target_files
                                             or _is_learner_frame(frame.f_code.co_filename)):
                frame = frame.f_back
            self._record(f"imported {root} at run time", library=True, frame=frame)

    def saw(self, func) -> None:
        """A banned torch function was called: by whom? (the grader's own calls do not count)"""
        frame = sys._getframe(2)
        while frame is not None and (frame.f_code.co_filename.startswith(self._torch_dir)
                                     or frame.f_code.co_filename == __file__):
            frame = frame.f_back
        if frame is None or self._is_graders(frame.f_code.co_filename):
            return
        if self.kernels is not None and frame.f_code.co_filename.startswith(self.kernels.library_dir() or "\0"):
            return  # triton's own code (the interpreter copies a launch's tensors with torch)
        self._record(f"called {_public_name(func)} at run time", library=self._any_torch, frame=frame)

    @staticmethod
    def _is_graders(filename: str) -> bool:
        from .catalog import PACKAGE_DIR

        return filename.startswith(str(PACKAGE_DIR) + os.sep) and filename not in _target_files \
            and f"{os.sep}mutants{os.sep}" not in filename and f"{os.sep}alternatives{os.sep}" not in filename

    def _record(self, what: str, *, library: bool, frame, mistake=None) -> None:
        from .check.rules import Finding

        line, where = 0, None
        first = frame
        while frame is not None:
            if frame.f_code.co_filename in _target_files or _is_learner_frame(frame.f_code.co_filename):
                line = frame.f_lineno
                break
            frame = frame.f_back
        if first is not None and first is not frame:  # reached through a helper of the learner's
            where = f"{Path(first.f_code.co_filename).name}, line {first.f_lineno}"
        finding = Finding(line, what + (f" (through {where})" if where else ""), library, mistake)
        for found in (self.findings, self.recent):
            if finding not in found and len(found) < 50:
                found.append(finding)

    def failure(self, findings):
        from .check.rules import rules_failure

        return rules_failure(self.target.name, findings, self.rules)


def _library_mode(watch: _Watch):
    """The TorchFunctionMode class of `watch` (made once torch is imported)."""
    from torch.overrides import TorchFunctionMode

    class LibraryWatch(TorchFunctionMode):
        def __torch_function__(self, func, types, args=(), kwargs=None):
            kwargs = kwargs or {}
            banned = watch._is_banned(func)
            if banned and not watch._any_torch:  # a banned function: called is enough
                watch.saw(func)
            result = func(*args, **kwargs)
            # In a NumPy exercise, torch computing: a tensor in or out (torch.set_grad_enabled is not).
            if banned and watch._any_torch and _has_tensor((result, *args, *kwargs.values())):
                watch.saw(func)
            return result

    return LibraryWatch


def _has_tensor(values) -> bool:
    tensor = sys.modules["torch"].Tensor
    return any(isinstance(v, tensor) or (isinstance(v, (list, tuple)) and any(isinstance(i, tensor) for i in v))
               for v in values)


def _lookup(dotted: str):
    """The object a dotted library path names ("torch.nn.functional.dropout"), or None."""
    module_name, _, attribute = dotted.partition(".")
    obj = sys.modules.get(module_name)
    for part in attribute.split(".") if attribute else ():
        obj = getattr(obj, part, None)
    return obj


def _public_name(func) -> str:
    """torch's public spelling of a function the mode saw: torch.nn.functional.dropout, Tensor.sum."""
    torch = sys.modules["torch"]
    for namespace in ("torch.nn.functional", "torch", "torch.linalg", "torch.fft", "torch.special", "torch._C._nn",
                      "torch._VF", "torch.nn.init"):
        module = sys.modules.get(namespace)
        name = getattr(func, "__name__", None)
        if module is not None and name and getattr(module, name, None) is func:
            return f"{namespace}.{name}"
    qualname = getattr(func, "__qualname__", "") or getattr(func, "__name__", "") or repr(func)
    owner, _, name = qualname.rpartition(".")
    if owner in ("TensorBase", "Tensor", "_TensorBase") or getattr(torch.Tensor, name, None) is func:
        return f"Tensor.{name}"
    if "pybind11" in owner or isinstance(func, getattr(torch._ops, "OpOverloadPacket", ())):
        return f"torch.ops.{getattr(func, '__module__', '') or 'aten'}.{name}".replace("torch.ops.torch.ops.", "torch.ops.")
    return f"{getattr(func, '__module__', None) or 'torch'}.{qualname}"


_WATCH = _Watch()
