""""See it fail": for every classic mistake an exercise names, its wrong output beside the right one.

Nothing here is drawn by hand or written per exercise. For each mistake of an exercise.toml that a
mutant (grader/exercises/NAME/mutants/*.py, EXPECTED_MISTAKE) reproduces, the exercise's own checks
are run at build time on the reference solution and on the mutant, in this process, with every call
of the exercise's functions recorded. The first case in which the grader names the mistake is the
one shown, and of its calls the first whose result differs: the output (or an argument the call
changes in place, or the gradient it passes back) of the solution beside the mutant's.

What is drawn follows the value: a heat map for 2-D and larger arrays (the slice where the two
differ most), bars or a line for 1-D ones, the boxes for detection indices, a table for numbers.

`panels(name)` is the data (tests/test_site_figures.py checks it), `section(name)` the Markdown of
the page's section and `svgs()` the figures, served as assets/plots/fail-NAME-KEY.svg.
"""
from __future__ import annotations

import hashlib
import importlib
import inspect
import math
import os
import pickle
import sys
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from svgplot import DIVERGING, INK, MUTED, PALETTE, SEQUENTIAL, Figure

ROOT = Path(__file__).resolve().parent.parent.parent
RIGHT, WRONG = "#009E73", "#D55E00"  # Okabe-Ito green and vermilion: the right and the wrong output
CACHE = ROOT / "build" / "see-it-fail"  # computed panels, by exercise and a hash of their inputs
SHOWN_CELLS = 12                    # heat maps are cropped to 12 × 12 cells: enough to see the pattern


# ---------------------------------------------------------------- values

def plain(value: Any) -> Any:
    """A recorded value as NumPy float64 arrays (in lists for tuples), or a short text for anything else."""
    import torch

    if isinstance(value, torch.Tensor):
        return value.detach().cpu().to(torch.float64).numpy() if value.dtype != torch.bool \
            else value.detach().cpu().numpy().astype(np.float64)
    if isinstance(value, np.ndarray):
        return value.astype(np.float64) if value.dtype.kind in "biuf" else np.array(value.tolist(), dtype=object)
    if isinstance(value, (bool, int, float, np.number, np.bool_)):
        return np.array(float(value))
    if isinstance(value, (list, tuple)):
        items = [plain(v) for v in value]
        if items and all(isinstance(i, np.ndarray) and i.ndim == 0 for i in items):
            return np.array([float(i) for i in items])  # a list of numbers is a 1-D array
        return items
    if value is None:
        return "None"
    return type(value).__name__


def differ(a: Any, b: Any, rtol: float = 1e-6) -> bool:
    """Whether two plain values differ by more than rtol (and 1000 rtol absolutely)."""
    if isinstance(a, np.ndarray) and isinstance(b, np.ndarray):
        if a.dtype == object or b.dtype == object:
            return a.tolist() != b.tolist()
        return a.shape != b.shape or not np.allclose(a, b, rtol=rtol, atol=rtol * 1e-3, equal_nan=True)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) != len(b) or any(differ(x, y, rtol) for x, y in zip(a, b))
    return type(a) is not type(b) or (not isinstance(a, np.ndarray) and a != b)


def _copy(value: Any) -> Any:
    """A copy of an argument as it was before the call (tensors keep requires_grad)."""
    import torch

    if isinstance(value, torch.Tensor):  # requires_grad_ only where needed: an exercise may ban it (attention_backward)
        copy = value.detach().clone()
        return copy.requires_grad_() if value.requires_grad else copy
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, (list, tuple)):
        return type(value)(_copy(v) for v in value) if isinstance(value, list) else tuple(_copy(v) for v in value)
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    return value


def leaves(value: Any, path: str) -> list[tuple[str, Any, str]]:
    """(where, plain value, kind) for every array or number in a result: tuples, lists and dicts opened.
    The kind is the dtype, with ", autograd" when a tensor carries a graph."""
    import torch

    if isinstance(value, dict):
        return [leaf for k, v in value.items() for leaf in leaves(v, f"{path}[{k!r}]")]
    if isinstance(value, (list, tuple)) and not all(isinstance(v, (int, float)) for v in value):
        return [leaf for i, v in enumerate(value) for leaf in leaves(v, f"{path}[{i}]")]
    if isinstance(value, torch.Tensor):
        kind = str(value.dtype).replace("torch.", "") + (", autograd" if value.grad_fn is not None else "")
    elif isinstance(value, np.ndarray):
        kind = str(value.dtype)
    else:
        kind = type(value).__name__
    return [(path, plain(value), kind)]


@dataclass
class Call:
    """One call of an exercise's function during a check: what went in, what came out."""
    function: str
    args: dict[str, Any]                    # by parameter name, as they were before the call
    result: list = field(default_factory=list)    # leaves() of the output
    changed: list = field(default_factory=list)   # leaves() of the array arguments after the call
    gradients: Any = None                   # {argument: plain gradient} or a text; None when nothing needs one
    warnings: str = ""                      # the warnings the call raised
    error: str | None = None


def _gradients(result, args: dict[str, Any]):
    """The gradient the call passes back to each input that requires one, for a fixed upstream gradient."""
    import torch

    inputs = {k: v for k, v in args.items() if isinstance(v, torch.Tensor) and v.requires_grad}
    if not inputs:
        return None
    outputs = [r for r in (result if isinstance(result, (tuple, list)) else [result]) if isinstance(r, torch.Tensor)]
    if not outputs or not any(o.requires_grad for o in outputs):
        return "no gradient: the output is not connected to the inputs' autograd graph"
    upstream = [torch.cos(torch.arange(o.numel(), dtype=o.dtype)).reshape(o.shape) for o in outputs if o.requires_grad]
    grads = torch.autograd.grad([o for o in outputs if o.requires_grad], list(inputs.values()), upstream,
                                retain_graph=True, allow_unused=True)
    return {k: (plain(g) if g is not None else "None") for k, g in zip(inputs, grads)}


class Recorder:
    """Stands for the learner's module in a check: every call of `functions` is recorded."""

    def __init__(self, module, functions: tuple[str, ...]):
        self._module, self.calls = module, []
        for name in functions:
            setattr(self, name, self._wrap(name, getattr(module, name)))

    def __getattr__(self, name):  # anything else the check reads from the module
        return getattr(self._module, name)

    def _wrap(self, name, fn):
        import torch

        try:
            signature = inspect.signature(fn)
        except (TypeError, ValueError):
            signature = None

        def recorded(*args, **kwargs):
            try:
                bound = signature.bind(*args, **kwargs).arguments if signature else {}
            except TypeError:
                bound = {}
            if not bound:
                bound = {**{f"arg{i}": a for i, a in enumerate(args)}, **kwargs}
            call = Call(name, {k: _copy(v) for k, v in bound.items()})
            self.calls.append(call)
            # The objects passed in, to read after the call: in place means these, not a list's new items.
            passed = {k: list(v) if isinstance(v, list) else v for k, v in bound.items()}
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                try:
                    result = fn(*args, **kwargs)
                except BaseException as error:  # noqa: BLE001 - the mutant's crash is what is shown
                    call.error = f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"[:160]
                    raise
                finally:
                    call.warnings = "; ".join(sorted({f"{w.category.__name__}: {w.message}" for w in caught}))
            for w in caught:  # the check sees them as if nobody had looked
                warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
            if isinstance(result, torch.nn.Module):  # a class (MultiHeadSelfAttention): record its forward calls
                result.register_forward_hook(lambda m, inputs, output: self._forward(name, inputs, output))
            call.result = leaves(result, "output")
            call.changed = [leaf for k, v in passed.items() if isinstance(v, (np.ndarray, torch.Tensor, list, tuple))
                            for leaf in leaves(v, f"{k} after the call")]
            call.gradients = _gradients(result, bound)
            return result
        return recorded

    def _forward(self, name, inputs, output):
        call = Call(f"{name}(…)", {f"input{i}": _copy(v) for i, v in enumerate(inputs)}, leaves(output, "output"))
        call.gradients = _gradients(output, dict(zip(call.args, inputs)))
        self.calls.append(call)


# ---------------------------------------------------------------- running the checks

def _check_functions(checks) -> list[tuple[str, Any]]:
    """(case name, run(target)) for every case the check module declares, in its order."""
    from grader.check import Cases

    runs = []
    groups = getattr(checks, "CASES", None)
    for group in [g for g in (groups if isinstance(groups, list) else [groups]) if isinstance(g, Cases)]:
        cases = list(group.named.items()) + [(f"random case, seed {s}", group.random(s))
                                             for s in range(group.seeds) if group.random]
        runs += [(name, lambda target, g=group, p=params: g.check(target, p)) for name, params in cases]
    for name, fn in vars(checks).items():  # the module's own checks on the target, parametrised or not
        if not (name.startswith("test_") and callable(fn)):
            continue
        title = name.removeprefix("test_").replace("_", " ")
        others = list(inspect.signature(fn).parameters)[1:]
        if list(inspect.signature(fn).parameters)[:1] != ["target"]:
            continue
        if not others:
            runs.append((title, fn))
            continue
        marks = [m for m in getattr(fn, "pytestmark", []) if m.name == "parametrize"]
        if len(marks) != 1:
            continue
        names, values = marks[0].args[:2]
        names = [n.strip() for n in names.split(",")] if isinstance(names, str) else list(names)
        if sorted(names) != sorted(others):
            continue
        for value in values:
            values_of = dict(zip(names, value if len(names) > 1 else [value]))
            label = ", ".join(f"{k}={v!r}" for k, v in values_of.items())
            runs.append((f"{title} [{label}]", lambda target, f=fn, kw=values_of: f(target, **kw)))
    return runs


@dataclass
class Shown:
    what: str     # "output", "output[1]", "running_mean after the call", "gradient of x"
    right: Any
    wrong: Any


@dataclass
class Panel:
    exercise: str
    key: str          # the mistake's key in exercise.toml
    mistake: Any      # catalog.Mistake
    mutant: str       # the mutant file's name
    case: str         # the check's case in which the grader names the mistake
    call: str         # the call, described
    shown: Shown
    args: dict[str, Any]   # the call's arguments, plain()


def _describe(call: Call) -> str:
    from grader.check import describe

    return f"{call.function}({describe(**call.args)})"


def _difference(right: Call, wrong: Call, rtol: float) -> Shown | None:
    """What differs between two calls of the same case: the output, then the arguments the call
    changes, the gradients, the dtypes (and autograd graphs), the warnings."""
    if wrong.error or right.error:
        if (wrong.error or "") != (right.error or ""):
            return Shown("output", right.error or right.result[0][1], wrong.error or wrong.result[0][1])
        return None
    if len(right.result) != len(wrong.result):
        return Shown("output", _cell([v for _, v, _ in right.result]), _cell([v for _, v, _ in wrong.result]))
    before = {path: leaf for path, leaf, _ in leaves_of_args(right)}
    pairs = [*zip(right.result, wrong.result),
             *((r, w) for r, w in zip(right.changed, wrong.changed)
               if differ(before.get(r[0]), r[1], 0) or differ(before.get(w[0]), w[1], 0))]
    for (where, r, _), (_, w, _) in pairs:
        if differ(r, w, rtol):
            return Shown(where, r, w)
    rg, wg = right.gradients, wrong.gradients
    if isinstance(rg, dict):
        if not isinstance(wg, dict):
            first = next(iter(rg))
            return Shown(f"gradient of {first}", rg[first], wg)
        for name in rg:
            if differ(rg[name], wg.get(name, "None"), rtol):
                return Shown(f"gradient of {name}", rg[name], wg.get(name, "None"))
    for (where, _, r), (_, _, w) in zip(right.result + right.changed, wrong.result + wrong.changed):
        if r != w:
            return Shown(f"type of {where}", r, w)
    if right.warnings != wrong.warnings:
        return Shown("warnings", right.warnings or "none", wrong.warnings or "none")
    return None


def leaves_of_args(call: Call) -> list:
    return [leaf for k, v in call.args.items() for leaf in leaves(v, f"{k} after the call")]


def _load(path: Path, exercise):
    from grader.learner import load_module

    sys.path.insert(0, str(path.parent))
    sys.modules.pop("_base", None)
    try:
        return load_module(path, exercise.name, exercise.functions)
    finally:
        sys.path.remove(str(path.parent))
        sys.modules.pop("_base", None)


def _run(run, module, functions) -> tuple[list[Call], BaseException | None]:
    recorder = Recorder(module, functions)
    try:
        run(recorder)
    except BaseException as error:  # noqa: BLE001 - a failing check is what we are looking for
        if isinstance(error, KeyboardInterrupt):
            raise
        return recorder.calls, error
    return recorder.calls, None


def _inputs_digest(name: str) -> str:
    """A hash of everything a panel depends on: this file's computing part, the exercise's folder, its solution, the
    check API and the learner fence, and the versions of torch and NumPy."""
    from importlib.metadata import version

    files = [ROOT / "solutions" / f"{name}.py", *sorted((ROOT / "grader" / "exercises" / name).rglob("*.py")),
             ROOT / "grader" / "exercises" / name / "exercise.toml", *sorted((ROOT / "grader" / "check").rglob("*.py")),
             ROOT / "grader" / "learner.py", ROOT / "grader" / "catalog.py"]
    digest = hashlib.sha256(f"{version('torch')} {np.__version__}".encode())
    digest.update(Path(__file__).read_text(encoding="utf-8").split(DRAWING)[0].encode())  # not the drawing code
    for path in files:
        digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:24]


@lru_cache(maxsize=None)
def panels(name: str) -> tuple[Panel, ...]:
    """One panel per mistake of `name` that a mutant reproduces, in exercise.toml's order.

    Running every mutant through the checks takes seconds per exercise, so the panels are kept in
    CACHE (build/, git-ignored), under a hash of everything they depend on: a change to the
    exercise, the solution, the checks or this file computes them again."""
    path = _cache_path(name)
    if path.exists():
        try:
            return pickle.loads(path.read_bytes())
        except Exception:  # noqa: BLE001 - a stale or broken cache entry is recomputed
            pass
    found = compute_panels(name)
    CACHE.mkdir(parents=True, exist_ok=True)
    for old in CACHE.glob(f"{name}-*.pickle"):
        old.unlink()
    path.write_bytes(pickle.dumps(found))
    return found


def compute_panels(name: str) -> tuple[Panel, ...]:
    """panels(name) without the cache."""
    import numpy as _np
    import torch

    from grader import catalog, dev

    exercise = catalog.load().get(name)
    if exercise.framework == "triton":  # as the plugin does: Triton's interpreter where there is no GPU
        from grader.check.kernels import use_interpreter_without_cuda
        use_interpreter_without_cuda()
    checks = importlib.import_module(f"grader.exercises.{name}.checks")
    runs = _check_functions(checks)
    solution = _load(ROOT / "solutions" / exercise.filename, exercise)
    mutants: dict[str, list[Path]] = {}
    for path in dev.implementations(exercise, "mutants"):
        mutants.setdefault(dev.module_constant(path, "EXPECTED_MISTAKE"), []).append(path)
    reference: dict[str, list[Call]] = {}
    found = []
    for key, mistake in exercise.mistakes.items():
        for path in mutants.get(mistake.name, []):
            panel = _first_named(exercise, key, mistake, path, runs, solution, reference, torch, _np)
            if panel:
                found.append(panel)
                break
    return tuple(found)


def _first_named(exercise, key, mistake, path, runs, solution, reference, torch, np_):
    mutant = _load(path, exercise)
    for case, run in runs:
        torch.manual_seed(0)
        np_.random.seed(0)
        wrong, error = _run(run, mutant, exercise.functions)
        named = getattr(error, "mistake", None)
        if named is None or named.name != mistake.name:
            continue
        if case not in reference:
            torch.manual_seed(0)
            np_.random.seed(0)
            reference[case] = _run(run, solution, exercise.functions)[0]
        # A visible difference first; then a small one (a clip coefficient 1 / (1 + 1e-6) off).
        for rtol in (1e-6, 1e-12):
            for right_call, wrong_call in zip(reference[case], wrong):
                if right_call.function != wrong_call.function:
                    break
                shown = _difference(right_call, wrong_call, rtol)
                if shown:
                    return Panel(exercise.name, key, mistake, path.stem, case, _describe(right_call), shown,
                                 {k: plain(v) for k, v in right_call.args.items()})
    return None


DRAWING = "# " + "-" * 64 + " drawing"  # where the computing part of this file ends


# ---------------------------------------------------------------- drawing

def _is_array(v) -> bool:
    return isinstance(v, np.ndarray) and v.dtype != object and v.ndim >= 1 and v.size > 0


def _slice(right: np.ndarray, wrong: np.ndarray):
    """The 2-D slice to show of two arrays: where they differ most (the first one if shapes differ)."""
    def leading(a, index):
        return a[index] if a.ndim > 2 else a
    if right.ndim <= 2:
        return right, wrong, ""
    lead = right.shape[:-2]
    if right.shape == wrong.shape:
        diff = np.nan_to_num(np.abs(right - wrong), nan=1e9).reshape(*lead, -1).max(-1)
        index = np.unravel_index(int(np.argmax(diff)), lead)
    else:
        index = (0,) * len(lead)
    w_index = index if wrong.ndim == right.ndim and all(i < s for i, s in zip(index, wrong.shape)) else \
        (0,) * (wrong.ndim - 2)
    return leading(right, index), leading(wrong, w_index), "[" + ", ".join(map(str, index)) + ", :, :]"


def _number(v: float) -> str:
    if not math.isfinite(v):
        return "nan" if math.isnan(v) else ("∞" if v > 0 else "−∞")
    if v == int(v) and abs(v) < 1e5:
        return str(int(v)).replace("-", "−")
    return f"{v:.2g}".replace("-", "−") if abs(v) < 0.01 or abs(v) >= 100 else f"{v:.2f}".replace("-", "−")


def _heat_pair(shown: Shown, where: str) -> str:
    right, wrong, index = _slice(shown.right, shown.wrong)
    right, wrong = (np.atleast_2d(a)[:SHOWN_CELLS, :SHOWN_CELLS] for a in (right, wrong))
    both = np.concatenate([right.ravel(), wrong.ravel()])
    finite = both[np.isfinite(both)]
    lo, hi = (float(finite.min()), float(finite.max())) if finite.size else (0.0, 1.0)
    signed = lo < 0 < hi
    if signed:
        lo, hi = -max(-lo, hi), max(-lo, hi)
    cmap = DIVERGING if signed else SEQUENTIAL
    cell = min(26.0, 250.0 / max(right.shape + wrong.shape))
    slot = max(max(right.shape[1], wrong.shape[1]) * cell, 150.0)  # room for each panel's title
    width, height = 2 * slot + 90, max(right.shape[0], wrong.shape[0]) * cell + 100
    fig = Figure(int(width), int(height), description=f"{where}: right and wrong {shown.what}")
    fig.text(width / 2, 22, f"{shown.what}{index}", anchor="middle", size=13.5, weight="600")
    x = 30.0
    for label, colour, a, full in (("right", RIGHT, right, shown.right), ("wrong", WRONG, wrong, shown.wrong)):
        rows, cols = a.shape
        left = x + (slot - cols * cell) / 2
        fig.text(x + slot / 2, 50, f"{label}, shape {tuple(full.shape)}", anchor="middle", size=12, color=colour,
                 weight="600")
        ax = fig.axes((left, 62, cols * cell, rows * cell), (0, cols), (rows, 0), frame=False)
        ax.heat(np.nan_to_num(a, nan=lo, posinf=hi, neginf=lo), cmap=cmap, vmin=lo, vmax=hi, gap=1,
                annotate=(lambda v: _number(v)) if cell >= 18 else None,
                masked=~np.isfinite(a), masked_colour="#bbbbbb")
        fig.extra.append(f'<rect x="{left - 3:.1f}" y="59" width="{cols * cell + 6:.1f}" height="{rows * cell + 6:.1f}" '
                         f'fill="none" stroke="{colour}" stroke-width="2.5" rx="3"/>')
        x += slot + 30
    fig.text(30, height - 10, "grey: not a number (NaN or ±∞)" if not np.isfinite(both).all() else
             f"one colour scale for both: {_number(lo)} to {_number(hi)}", size=11, color=MUTED)
    return fig.render()


def _bars(shown: Shown, where: str) -> str:
    right, wrong = shown.right.ravel(), shown.wrong.ravel()
    n = max(len(right), len(wrong))
    both = np.concatenate([right, wrong])
    finite = both[np.isfinite(both)]
    lo, hi = (min(0.0, float(finite.min())), max(0.0, float(finite.max()))) if finite.size else (0.0, 1.0)
    pad = (hi - lo) * 0.08 or 1.0
    fig = Figure(720, 300, description=f"{where}: right and wrong {shown.what}")
    ax = fig.axes((64, 40, 600, 200), (-0.5, n - 0.5), (lo - pad, hi + pad), title=f"{shown.what}: right {tuple(shown.right.shape)} "
                  f"in green, wrong {tuple(shown.wrong.shape)} in orange", xlabel="index",
                  xticks=[(i, str(i)) for i in range(0, n, max(1, math.ceil(n / 16)))])
    if n <= 40:
        width = 0.38
        for offset, values, colour, label in ((-width / 2, right, RIGHT, "right"), (width / 2, wrong, WRONG, "wrong")):
            for i, v in enumerate(values):
                if not math.isfinite(v):
                    ax.text(i + offset, hi, "nan" if math.isnan(v) else "∞", anchor="middle", size=10, color=colour)
                    continue
                y0, y1 = ax.Y(min(v, 0)), ax.Y(max(v, 0))
                ax.items.append(f'<rect x="{float(ax.X(i + offset - width / 2)):.1f}" y="{float(y1):.1f}" '
                                f'width="{float(ax.X(width) - ax.X(0)):.1f}" height="{max(float(y0 - y1), 0.8):.1f}" '
                                f'fill="{colour}"/>')
            ax.legend_entries.append((label, colour, None, "area"))
    else:
        ax.line(np.arange(len(right)), right, color=RIGHT, label="right")
        ax.line(np.arange(len(wrong)), wrong, color=WRONG, dash="6 4", label="wrong")
    ax.hline(0, color="#999", dash=None)
    if n > 40:
        ax.legend("upper right")
    return fig.render()


def _boxes(shown: Shown, boxes: np.ndarray, scores, where: str) -> str:
    """Detection indices: every box drawn, the kept ones coloured and numbered in the order returned."""
    lo, hi = boxes[:, :2].min(0), boxes[:, 2:].max(0)
    span = max(float((hi - lo).max()), 1e-9)
    size = 250
    fig = Figure(2 * size + 110, size + 96, description=f"{where}: boxes kept, right and wrong")
    for k, (label, colour, kept) in enumerate((("right", RIGHT, shown.right), ("wrong", WRONG, shown.wrong))):
        x0, y0 = 24 + k * (size + 60), 46
        scale = (size - 20) / span
        fig.text(x0 + size / 2, 30, f"{label}: keeps {', '.join(_number(i) for i in kept.ravel()) or 'nothing'}",
                 anchor="middle", size=12.5, weight="600", color=INK)
        fig.extra.append(f'<rect x="{x0}" y="{y0}" width="{size}" height="{size}" fill="none" stroke="{colour}" '
                         f'stroke-width="2.5" rx="4"/>')
        order = {int(i): r for r, i in enumerate(kept.ravel()) if float(i).is_integer()}
        for i, (a, b, c, d) in enumerate(boxes):
            px, py = x0 + 10 + (a - lo[0]) * scale, y0 + 10 + (b - lo[1]) * scale
            w, h = max((c - a) * scale, 1.5), max((d - b) * scale, 1.5)
            on = i in order
            stroke = PALETTE[i % 6] if on else "#aaaaaa"
            dash = "" if on else ' stroke-dasharray="4 3"'
            fig.extra.append(f'<rect x="{px:.1f}" y="{py:.1f}" width="{w:.1f}" height="{h:.1f}" fill="{stroke}" '
                             f'fill-opacity="{0.12 if on else 0.0}" stroke="{stroke}" stroke-width="{2 if on else 1}"'
                             f'{dash}/>')
        lines = []
        for i in range(len(boxes)):
            score = f", score {_number(float(scores[i]))}" if scores is not None and len(scores) > i else ""
            lines.append(f"box {i}{score}: " + (f"kept #{order[i] + 1}" if i in order else "suppressed"))
        for r, line in enumerate(lines[:8]):
            fig.text(x0 + 4, y0 + size + 18 + r * 14, line, size=10.5, color=INK if "kept" in line else MUTED)
    fig.height = size + 96 + 14 * min(len(boxes), 8)
    fig.text(24, fig.height - 10, "coloured: kept (#: the order returned); dashed grey: suppressed", size=11,
             color=MUTED)
    return fig.render()


def figure(panel: Panel) -> str | None:
    """The SVG of a panel, or None when a table says it better (numbers, texts)."""
    shown, where = panel.shown, f"{panel.exercise}, {panel.mistake.name}"
    if not (_is_array(shown.right) and _is_array(shown.wrong)):
        return None
    boxes = panel.args.get("boxes")
    if boxes is not None and shown.what == "output" and shown.right.ndim == 1 and np.ndim(boxes) == 2:
        if boxes.shape[0] and boxes.shape[1] == 4 and all(float(v).is_integer() for v in
                                                           np.concatenate([shown.right, shown.wrong])):
            scores = panel.args.get("scores")
            return _boxes(shown, boxes, scores, where)
    if shown.right.ndim >= 2 and shown.wrong.ndim >= 2:
        return _heat_pair(shown, where)
    if shown.right.ndim == 1 and shown.wrong.ndim == 1 and max(shown.right.size, shown.wrong.size) > 3:
        return _bars(shown, where)  # three numbers or fewer: a table
    return None


def _cell(value, number=_number) -> str:
    """A value in a table cell; `number` formats each number."""
    if isinstance(value, np.ndarray):
        if value.dtype == object:
            return f"`{value.tolist()!r}`"
        if value.ndim == 0:
            return number(float(value))
        flat = ", ".join(number(v) for v in value.ravel()[:8])
        return f"shape {tuple(value.shape)}: {flat}{' …' if value.size > 8 else ''}"
    if isinstance(value, list):
        return "(" + "; ".join(_cell(v, number) for v in value) + ")"
    return str(value).replace("|", "\\|")


def _precise(v: float) -> str:
    """Enough digits to tell two close numbers apart."""
    return f"{v:.10g}".replace("-", "−")


def file_name(panel: Panel) -> str:
    return f"fail-{panel.exercise}-{panel.key}.svg"


def _cache_path(name: str) -> Path:
    return CACHE / f"{name}-{_inputs_digest(name)}.pickle"


def _compute_into_cache(name: str) -> None:
    panels(name)


def precompute(names: list[str]) -> None:
    """Compute the panels missing from CACHE on every core: a first build (a fresh clone, or an installed
    kit's `grader docs`) runs ~450 mutants through their checks, minutes on one core. Spawned workers, not
    forks: the parent has torch loaded, and its thread pools do not survive a fork."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    missing = [name for name in names if not _cache_path(name).exists()]
    workers = min(len(missing), os.cpu_count() or 1)
    if workers < 2:
        return  # panels() computes the one or none left, in this process
    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        list(pool.map(_compute_into_cache, missing))


@lru_cache(maxsize=None)
def svgs() -> dict[str, str]:
    from grader import catalog

    precompute([exercise.name for exercise in catalog.load().exercises])
    out = {}
    for exercise in catalog.load().exercises:
        for panel in panels(exercise.name):
            svg = figure(panel)
            if svg:
                out[file_name(panel)] = svg
    return out


def section(name: str, plots_link: str) -> str:
    """The page's "See it fail" section (Markdown); plots_link is the page's relative path to assets/plots/."""
    found = panels(name)
    if not found:
        return ""
    out = ["## See it fail {#see-it-fail}", "",
           "Each classic mistake below was run: the grader's own checks, on the reference solution and on a "
           "wrong implementation that makes that one mistake, at the case where the grader names it. "
           "The wrong output is drawn beside the right one.", ""]
    for k, panel in enumerate(found):
        fold = "???+" if k == 0 else "???"
        out.append(f'{fold} failure "{panel.mistake.name}"')
        body = [f'<div class="see-it-fail" data-exercise="{name}" data-mistake="{panel.key}" markdown>', "",
                f"{panel.mistake.explanation[0].upper()}{panel.mistake.explanation[1:]}.",
                "", f"Case *{panel.case}*: `{panel.call}`. Shown: **{panel.shown.what}**.", ""]
        svg = figure(panel)
        if svg:
            alt = f"{name}: {panel.mistake.name}, {panel.shown.what} right and wrong".replace("[", "").replace("]", "")
            body.append(f"![{alt}]({plots_link}{file_name(panel)})")
        else:
            right, wrong = _cell(panel.shown.right), _cell(panel.shown.wrong)
            if right == wrong:  # a small difference (a factor 1 + 1e-6): show all the digits
                right, wrong = _cell(panel.shown.right, _precise), _cell(panel.shown.wrong, _precise)
            body += ["| | value |", "|---|---|", f"| right | {right} |", f"| wrong | {wrong} |"]
        body += ["", "</div>"]
        out += ["    " + line if line else "" for line in body]
        out.append("")
    return "\n".join(out) + "\n"
