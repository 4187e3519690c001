"""Building and describing cases: the case line of a report, (h, w) pairs, copies, CUDA skips, and the
cases that span the arguments a docstring allows (`Arg`, `Space`)."""
from __future__ import annotations

import functools
import itertools
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Callable, Sequence

import numpy as np
import pytest
import torch

# An array or tensor of at most this many elements is shown with its values in a case's line:
# softmax's (2, 3), conv2d's 1x1x3x3 input with its 2x2 kernel, batch_norm's (2, 1) are read at a
# glance; from 4x4 up, a line of numbers no longer helps (`--repro` shows every value).
SHOWN_VALUES = 12


def describe(**params: Any) -> str:
    """A case as the learner can reproduce it: `x (2, 3, 5, 5) float64, stride=2, padding=1`;
    small arrays with their values: `x (2, 3) float64 [[0.126, -0.132, 0.64], [0.105, -0.536, 0.362]]`."""
    parts = []
    for key, value in params.items():
        if isinstance(value, (np.ndarray, torch.Tensor)):
            dtype = str(value.dtype).replace("torch.", "")
            parts.append(f"{key} {tuple(value.shape)} {dtype}{_values(value)}")
        else:
            parts.append(f"{key}={value!r}")
    _last_case.set(", ".join(parts))
    return _last_case.get()


def _values(value: np.ndarray | torch.Tensor) -> str:
    """` [[0.126, -0.132], …]` for a small array (3 significant digits), else nothing."""
    count = value.size if isinstance(value, np.ndarray) else value.numel()
    if value.ndim == 0 or not 0 < count <= SHOWN_VALUES:
        return ""
    try:
        array = value if isinstance(value, np.ndarray) else value.detach().cpu().numpy()
        return " " + _nested(np.asarray(array).tolist())
    except (TypeError, ValueError, RuntimeError):  # e.g. bfloat16, which NumPy has no type for
        return ""


def _nested(values: Any) -> str:
    if isinstance(values, list):
        return "[" + ", ".join(_nested(v) for v in values) + "]"
    return f"{values:.3g}" if isinstance(values, float) else str(values)


# The last case a check described: the `case:` line of a crash in the learner's code (the plugin
# reads it when a call raises; a check's own CheckFailure carries its case).
_last_case: ContextVar[str] = ContextVar("grader_last_case", default="")


def last_case(*, reset: bool = False) -> str:
    case = _last_case.get()
    if reset:
        _last_case.set("")
    return case


def pair(v: int | tuple[int, int]) -> tuple[int, int]:
    """An int or (h, w) argument (stride, padding, kernel size) as (h, w)."""
    return (v, v) if isinstance(v, int) else tuple(v)


def snapshot(**arrays: Any) -> dict[str, Any]:
    return {k: (v.copy() if isinstance(v, np.ndarray) else v.clone()) for k, v in arrays.items()}


NO_CUDA = "no CUDA device here: CUDA checks skipped"


def skip_without_cuda(device: str = "cuda", reason: str = NO_CUDA) -> None:
    """Skip the calling check, with the reason shown, when it is for CUDA and this machine has none."""
    if device == "cuda" and not torch.cuda.is_available():
        pytest.skip(reason)


# The argument space a docstring allows, and the cases that span it.
#
# A small generator of our own rather than a library: the named cases must be the same on every run
# (check names are the --json API, and a learner reruns a failure), must include cases a plain
# pairwise design does not promise (each pair-valued argument unequal alone, and all of them together),
# and the spaces are small enough (a few hundred combinations) for a greedy covering design.
# Hypothesis draws different examples per run and shrinks, which a grader's report cannot use;
# allpairspy gives pairs only, with no required cases, and would be one more dependency.

@dataclass(frozen=True)
class Arg:
    """One argument as the docstring allows it.

    `levels`: the values the named cases cover, each with every level of every other argument (the
    small end of each documented range among them: beta below 1e-5, p near 0, stride 1, padding 0);
    `draw(rng)`: a random value for the random cases (default: one of the levels);
    `show(value)`: its text in a case name (default: `name value`)."""

    levels: Sequence[Any]
    draw: Callable[[np.random.Generator], Any] | None = None
    show: Callable[[Any], str] | None = None


def unequal(value: Any) -> bool:
    """A pair argument whose two components differ, (1, 0) or (2, 3): where code that swaps them shows."""
    return isinstance(value, (tuple, list)) and len(value) == 2 and value[0] != value[1]


class Space:
    """The cases of an exercise's arguments: `covering()` for the named cases, `random(seed)` for the
    random ones.

    covering() is a greedy covering design over the levels: every two levels of two arguments that a
    valid case can hold together appear together in some case (so a padding (1, 0) meets stride 1,
    stride 2 and every kernel), every pair-valued argument is unequal alone in some case (the others
    ints or equal pairs) and all of them are unequal together in another. `valid(case)` states the
    docstring's constraints (padding <= kernel // 2, ...).
    random(seed) draws every argument, none left at a fixed value, until the case is valid."""

    def __init__(self, *, valid: Callable[[dict], bool] = lambda case: True,
                 label: Callable[[dict], str] | None = None, salt: int = 0, **args: Arg | Sequence[Any]):
        self.args = {k: a if isinstance(a, Arg) else Arg(tuple(a)) for k, a in args.items()}
        self.valid, self._label, self.salt = valid, label, salt

    def label(self, case: dict) -> str:
        if self._label is not None:
            return self._label(case)
        return ", ".join(a.show(case[k]) if a.show else f"{k} {case[k]!r}" for k, a in self.args.items())

    @functools.cached_property
    def _candidates(self) -> list[tuple[int, ...]]:
        """Every valid combination, as indices into the levels."""
        names = list(self.args)
        ranges = [range(len(a.levels)) for a in self.args.values()]
        return [ix for ix in itertools.product(*ranges) if self.valid(self._case(names, ix))]

    def _case(self, names, ix) -> dict:
        return {k: self.args[k].levels[i] for k, i in zip(names, ix)}

    def _required(self) -> list[Callable[[dict], bool]]:
        """The cases a pairwise design does not promise: each unequal pair alone, and all together."""
        pairs = [k for k, a in self.args.items() if any(unequal(v) for v in a.levels)]
        required = [lambda c, k=k, v=v: c[k] == v and not any(unequal(c[o]) for o in pairs if o != k)
                    for k in pairs for v in self.args[k].levels if unequal(v)]
        if len(pairs) > 1:
            required.append(lambda c: all(unequal(c[k]) for k in pairs))
        return required

    @functools.cache
    def covering(self) -> list[dict]:
        names = list(self.args)
        span = lambda ix: {(a, ix[a], b, ix[b]) for a, b in itertools.combinations(range(len(ix)), 2)}  # noqa: E731
        spans = {ix: span(ix) for ix in self._candidates}
        uncovered = set().union(*spans.values()) if spans else set()
        chosen: list[tuple[int, ...]] = []

        def take(pool):
            best = max(pool, key=lambda ix: len(spans[ix] & uncovered))  # the first of the best: deterministic
            chosen.append(best)
            uncovered.difference_update(spans[best])

        for required in self._required():
            pool = [ix for ix in self._candidates if required(self._case(names, ix))]
            if pool and not any(required(self._case(names, ix)) for ix in chosen):
                take(pool)
        while uncovered:
            take(self._candidates)
        return [self._case(names, ix) for ix in chosen]

    def named(self, prefix: str = "") -> dict[str, dict]:
        """The covering cases by name (`prefix` + label), ready for Cases(named=...)."""
        cases = {prefix + self.label(c): c for c in self.covering()}
        if len(cases) != len(self.covering()):
            raise ValueError("two covering cases have the same label: show every argument in it")
        return cases

    def random(self, seed: int) -> dict:
        rng = np.random.default_rng(10_000 + self.salt + seed)
        for _ in range(10_000):
            case = {k: (a.draw(rng) if a.draw else a.levels[int(rng.integers(len(a.levels)))])
                    for k, a in self.args.items()}
            if self.valid(case):
                return case
        raise ValueError("no valid random case: the space's valid() refuses every draw")
