"""Reproducing a failed check in the learner's own Python: `grader run NAME --repro`.

The report prints a snippet (`snippet`, no torch needed) that calls `rebuild`:

    from grader.repro import rebuild
    case = rebuild("conv2d", "matches torch [padding 1]", "exercises/conv2d.py")
    print(case)          # your call, its inputs, torch's answer and yours, the check's verdict
    got = case.call()    # your function again, on fresh copies of the same inputs

`rebuild` runs that one check in this process, the way the grader does (its cases are seeded, so
it builds the very same inputs: a named case's values, a random case's seed and shapes), and
records on the way the last call of the learner's code on a case (the function, copies of its
arguments taken before the call) and the failing comparison's two sides (`expect_close`'s oracle and the
learner's output). Recording is off outside `rebuild`: a normal run pays nothing for it.

This works for every check without per-exercise code: the check API's two choke points
(`grader.learner.call`, `grader.check.compare.expect_close`) report to `record_call` and
`record_comparison` below.
"""
from __future__ import annotations

import copy
import inspect
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REBUILD_TIMEOUT_S = 24 * 3600
_recording = False
_calls: list[tuple[Any, tuple, dict]] = []
_comparisons: list[tuple[Any, Any]] = []


# ---------------------------------------------------------------- the snippet (in the report)

def snippet(exercise: str, check: str, target: Path | str) -> str:
    """Python a learner pastes to rebuild the failing case of `check` and call their code on it."""
    return "\n".join([
        "from grader.repro import rebuild",
        f"case = rebuild({exercise!r}, {check!r}, {str(Path(target).resolve())!r})",
        "print(case)               # your call, its inputs, torch's answer and yours",
        "got = case.call()         # your function again on fresh copies of the inputs: step into it",
        "expected = case.expected  # torch's answer (float64), None where the check compares no tensor",
    ])


def command(exercise: str, check: str) -> str:
    """The command line that reruns only this check, with the snippet."""
    return f"grader run {exercise} -k {shlex.quote(check)} --repro"


# ---------------------------------------------------------------- recording (check API hooks)

def _copy(value: Any) -> Any:
    """A copy that a later call, or the check, cannot change (tensors keep requires_grad)."""
    import numpy as np
    import torch

    if isinstance(value, torch.Tensor):
        return value.detach().clone().requires_grad_(value.requires_grad)  # a leaf, as the check's inputs are
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, (list, tuple)):
        return type(value)(_copy(v) for v in value) if type(value) in (list, tuple) else value
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, torch.nn.Module) or callable(value):
        return value  # the learner's module or a function: the object itself
    try:
        return copy.deepcopy(value)  # e.g. a NumPy Generator: its state as it was before the call
    except Exception:  # noqa: BLE001 - an object that cannot be copied is kept as it is
        return value


def _is_a_case_call(fn: Any, args: tuple, kwargs: dict) -> bool:
    """A call of the learner's code on a case: the learner's function, class or module, or a check's
    own wrapper around it (a closure calling the learner's module); not a method torch defines
    (`module.to(…)`) nor a bare `lambda: torch.autograd.grad(…)` the check runs fenced."""
    defined_in = getattr(getattr(fn, "__func__", fn), "__module__", None) or type(fn).__module__ or ""
    return bool(args or kwargs) and not defined_in.startswith(("torch", "numpy", "builtins"))


def record_call(fn: Any, args: tuple, kwargs: dict) -> None:
    """grader.learner.call, before calling `fn`: remember the call if it is one on a case."""
    if _recording and _is_a_case_call(fn, args, kwargs):
        _calls.append((fn, _copy(args), _copy(kwargs)))


def record_comparison(got: Any, expected: Any) -> None:
    """expect_close, on a mismatch: the learner's output and the oracle's."""
    if _recording:
        _comparisons.append((got, expected))


# ---------------------------------------------------------------- rebuilding (in the learner's Python)

@dataclass
class Repro:
    """A failed check, rebuilt: the learner's last call in it and the comparison that failed."""

    exercise: str
    check: str
    function: Any = None
    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    got: Any = None
    expected: Any = None
    verdict: str = ""        # what the check said ("" when it passed this time)
    case: str = ""

    @property
    def inputs(self) -> dict[str, Any]:
        """The call's arguments by the learner's own parameter names."""
        names = _parameter_names(self.function)
        out = {names[i] if i < len(names) else f"arg{i}": a for i, a in enumerate(self.args)}
        return {**out, **self.kwargs}

    def call(self) -> Any:
        """Call the learner's function again, on fresh copies of the recorded inputs."""
        if self.function is None:
            raise RuntimeError(f"{self.check!r} did not call your code: nothing to call again")
        return self.function(*_copy(self.args), **_copy(self.kwargs))

    def __str__(self) -> str:
        import numpy as np

        lines = [f"{self.exercise}, check {self.check!r}"]
        if self.case:
            lines.append(f"case: {self.case}")
        with np.printoptions(precision=4, threshold=200, edgeitems=3):
            if self.function is not None:
                positional = list(self.inputs)[:len(self.args)]
                shown = positional + [f"{k}={_spell(v, k)}" for k, v in self.kwargs.items()]
                lines.append(f"your call: {_name(self.function)}({', '.join(shown)})")
                for key, value in self.inputs.items():
                    lines.append(f"  {key} = {_show(value)}")
            else:
                lines.append("the check did not call your code")
            if self.expected is not None:
                lines.append("torch's answer (float64): " + _show(self.expected, full=True))
                lines.append("yours: " + _show(self.got, full=True))
        lines.append(("the check said: " + self.verdict) if self.verdict else "this check passes now")
        return "\n".join(lines)


def _parameter_names(fn: Any) -> list[str]:
    try:
        return [p.name for p in inspect.signature(fn).parameters.values()
                if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    except (TypeError, ValueError):
        return []


def _name(fn: Any) -> str:
    owner = getattr(fn, "__self__", None)
    if owner is not None and not inspect.ismodule(owner):
        return f"{type(owner).__name__}(…).{fn.__name__}"
    if not hasattr(fn, "__name__"):  # an instance (an nn.Module): its forward
        return f"{type(fn).__name__}(…)"
    return fn.__name__


def _spell(value: Any, name: str) -> str:
    """A keyword argument in the call's line: its value if short, else its name (shown below)."""
    text = repr(value)
    return text if len(text) <= 30 and "\n" not in text else name


def _show(value: Any, full: bool = False) -> str:
    import numpy as np
    import torch

    if isinstance(value, (np.ndarray, torch.Tensor)):
        dtype = str(value.dtype).replace("torch.", "")
        kind = "tensor" if isinstance(value, torch.Tensor) else "array"
        head = f"{kind} {tuple(value.shape)} {dtype}"
        small = value.numel() if isinstance(value, torch.Tensor) else value.size
        if full or small <= 24:
            body = str(value.detach().cpu().numpy() if isinstance(value, torch.Tensor) else value)
            return head + ("\n" if "\n" in body or full else ": ") + body
        return head
    text = repr(value)
    return text if len(text) <= 300 else text[:300] + " …"


def rebuild(exercise: str, check: str, target: Path | str | None = None) -> Repro:
    """Run the one check called `check` of `exercise` on `target` (your exercises/NAME.py by
    default) in this process, recording your last call and the failing comparison."""
    import contextlib
    import io
    import tempfile

    import pytest

    from . import catalog, engine, workspace

    found = catalog.load().get(exercise)
    if found is None:
        raise ValueError(f"no exercise called {exercise!r}")
    target = Path(target) if target is not None else workspace.find().exercises / found.filename
    if found.framework == "triton":  # before the checks import triton, as the runner's child does
        from .check.kernels import use_interpreter_without_cuda

        use_interpreter_without_cuda()
    global _recording
    _calls.clear()
    _comparisons.clear()
    with tempfile.TemporaryDirectory(prefix="grader-repro-") as tmp:
        results = Path(tmp) / "results.jsonl"
        results.touch()
        # No time limit worth the name: this is the learner's own Python, maybe under a debugger.
        args = engine.pytest_args(found, target=target.resolve(), results=results, only=check,
                                  timeout=REBUILD_TIMEOUT_S, **engine.IN_PROCESS.pytest_options())
        _recording = True
        try:
            with contextlib.redirect_stdout(io.StringIO()):  # pytest's own lines are not the learner's concern
                pytest.main(args)
        finally:
            _recording = False
        events = engine.read_events(results)
    outcome = next((e for e in events if e.get("event") == "result" and e.get("name") == check), None)
    if outcome is None:
        raise ValueError(f"{exercise} has no check called {check!r} (see grader run {exercise} --json)")
    repro = Repro(exercise, check, case=outcome.get("case") or "")
    if outcome.get("outcome") in ("failed", "error"):
        repro.verdict = outcome.get("message", "")
    if _calls:
        repro.function, repro.args, repro.kwargs = _calls[-1]
    if _comparisons and repro.verdict:
        repro.got, repro.expected = _comparisons[-1]
    return repro
