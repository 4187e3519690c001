"""Helpers for writing checks: compare the learner's output with the oracle, name the mistake.

A check builds inputs, computes the oracle in torch float64, calls the learner through
`grader.learner.call`, and hands both to `expect_close`. On a mismatch, `expect_close` tries the
exercise's known mistakes (variants of the oracle) and names the one that matches.
"""
from __future__ import annotations

import ast
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Collection, Mapping

import numpy as np
import pytest
import torch


@dataclass(frozen=True)
class Mistake:
    """A classic mistake: a short name, what it means in plain words, the theory anchor."""

    name: str
    explanation: str
    anchor: str = "classic-mistakes"


IN_PLACE = Mistake("input modified in place", "the function changed an array it was given; the caller's "
                   "data must stay as it was", "classic-mistakes")
BANNED = Mistake("calls the function it re-implements", "the point is to write it from scratch", "rules")


class CheckFailure(AssertionError):
    """A check's verdict on the learner's output, with the case and, if recognised, the mistake."""

    def __init__(self, message: str, *, case: str = "", mistake: Mistake | None = None):
        super().__init__(message)
        self.message = message
        self.case = case
        self.mistake = mistake


# Extra facts a check reports (the speed figures, the oracle used); the plugin takes them after
# each check. Kept per execution context (thread or task), not in a module-wide dict.
_notes: ContextVar[dict[str, Any] | None] = ContextVar("grader_notes", default=None)


def note(**facts: Any) -> None:
    _notes.set({**(_notes.get() or {}), **facts})


def take_notes() -> dict[str, Any]:
    facts = _notes.get() or {}
    _notes.set(None)
    return facts


def describe(**params: Any) -> str:
    """A case as the learner can reproduce it: `x (2, 3, 5, 5) float64, stride=2, padding=1`."""
    parts = []
    for key, value in params.items():
        if isinstance(value, (np.ndarray, torch.Tensor)):
            dtype = str(value.dtype).replace("torch.", "")
            parts.append(f"{key} {tuple(value.shape)} {dtype}")
        else:
            parts.append(f"{key}={value!r}")
    return ", ".join(parts)


def _kind(value: Any) -> str:
    if value is None:
        return "None (did you forget to `return` the result?)"
    if isinstance(value, torch.Tensor):
        return "a torch.Tensor"
    if isinstance(value, np.ndarray):
        return "a NumPy array"
    return f"a {type(value).__name__}"


def expect_close(
    got: Any,
    expected: torch.Tensor,
    *,
    case: str,
    dtype: np.dtype | torch.dtype,
    rtol: float,
    atol: float,
    framework: str = "numpy",
    mistakes: Mapping[Mistake, Callable[[], torch.Tensor] | list[Callable[[], torch.Tensor]]] | None = None,
    shape_hint: Callable[[tuple, tuple], Mistake | None] | None = None,
    what: str | None = None,
) -> None:
    """Fail with a precise message unless `got` matches the float64 oracle `expected`.

    `mistakes` maps each known mistake to a function (or a list of functions: ways of making the
    same mistake) computing the output that mistake would give; they are evaluated only when the
    learner's output is wrong. `what` names the output in the message ("the gradient of `x`").
    """
    try:
        _expect_close(got, expected, case=case, dtype=dtype, rtol=rtol, atol=atol, framework=framework,
                      mistakes=mistakes, shape_hint=shape_hint)
    except CheckFailure as failure:
        if what:
            failure.message = f"{what}: {failure.message}"
            failure.args = (failure.message,)
        raise


def _expect_close(got, expected, *, case, dtype, rtol, atol, framework, mistakes, shape_hint) -> None:
    wanted_type = np.ndarray if framework == "numpy" else torch.Tensor
    if not isinstance(got, wanted_type):
        raise CheckFailure(
            f"expected {_kind(np.empty(0) if framework == 'numpy' else torch.empty(0))} "
            f"but your function returned {_kind(got)}",
            case=case,
        )
    expected_shape = tuple(expected.shape)
    if tuple(got.shape) != expected_shape:
        mistake = shape_hint(tuple(got.shape), expected_shape) if shape_hint else None
        if mistake is None:
            mistake = matching_mistake(got, mistakes, rtol=rtol, atol=atol)
        raise CheckFailure(
            f"wrong output shape: got {tuple(got.shape)}, expected {expected_shape}",
            case=case,
            mistake=mistake,
        )
    if got.dtype != dtype:
        raise CheckFailure(
            f"wrong dtype: got {got.dtype}, expected {dtype} (the input's dtype)", case=case
        )
    got64 = (torch.from_numpy(np.array(got, copy=True)) if framework == "numpy" else got.detach()).to(
        device="cpu", dtype=torch.float64
    )
    expected = expected.detach().to(device="cpu", dtype=torch.float64)
    bad = ~torch.isfinite(got64) & torch.isfinite(expected)
    if bad.any():
        where = tuple(int(i) for i in bad.nonzero()[0])
        raise CheckFailure(
            f"your output contains NaN or Inf where the expected value is finite "
            f"({int(bad.sum())} elements; first at index {where}: got {got64[where].item()}, "
            f"expected {expected[where].item()})",
            case=case,
        )
    if torch.allclose(got64, expected, rtol=rtol, atol=atol, equal_nan=True):
        return  # same criterion as assert_close, without its ~1 s first-call import cost
    try:
        torch.testing.assert_close(got64, expected, rtol=rtol, atol=atol, equal_nan=True)
    except AssertionError as exc:
        mistake = matching_mistake(got64, mistakes, rtol=rtol, atol=atol)
        details = str(exc).replace("Tensor-likes are not close!", "").strip()
        raise CheckFailure(f"values differ from torch's\n{details}", case=case, mistake=mistake) from None


def _variant_outputs(mistakes):
    """(mistake, output) for each variant (a function, or a list of them) that applies to this case."""
    for mistake, variants in (mistakes or {}).items():
        for variant in variants if isinstance(variants, list) else [variants]:
            try:
                output = variant()
            except Exception:  # noqa: BLE001 - a variant that does not apply to this case
                continue
            yield mistake, output


def matching_mistake(got, mistakes, *, rtol: float, atol: float) -> Mistake | None:
    """The first mistake one of whose variants gives `got`."""
    if not mistakes:
        return None
    got64 = got if isinstance(got, torch.Tensor) else torch.from_numpy(np.asarray(got, dtype=np.float64))
    got64 = got64.detach().to("cpu", torch.float64)
    for mistake, output in _variant_outputs(mistakes):
        candidate = output.detach().to("cpu", torch.float64)
        if candidate.shape == got64.shape and torch.allclose(got64, candidate, rtol=rtol, atol=atol, equal_nan=True):
            return mistake
    return None


def a_mistake_has_shape(mistakes, shape: tuple) -> bool:
    """Whether a variant of one of `mistakes` gives an output of `shape` (a shape hint then defers to it)."""
    return any(tuple(output.shape) == shape for _, output in _variant_outputs(mistakes))


def expect_unchanged(before: Mapping[str, Any], after: Mapping[str, Any], *, case: str) -> None:
    """The learner's function must not modify its inputs in place."""
    for name, original in before.items():
        current = after[name]
        same = np.array_equal(original, current, equal_nan=True) if isinstance(original, np.ndarray) \
            else torch.equal(original, current)
        if not same:
            raise CheckFailure(
                f"your function modified its input `{name}` in place; work on a copy "
                f"(e.g. np.pad returns a new array) so the caller's data stays as it was",
                case=case,
                mistake=IN_PLACE,
            )


NO_CUDA = "no CUDA device here: CUDA checks skipped"


def skip_without_cuda(device: str = "cuda") -> None:
    """Skip the calling check, with the reason shown, when it is for CUDA and this machine has none."""
    if device == "cuda" and not torch.cuda.is_available():
        pytest.skip(NO_CUDA)


def expect_on_device(got: Any, device: torch.device, *, case: str, what: str = "your output",
                     advice: str = "create new tensors on the input's device (device=x.device, or torch.*_like)",
                     ) -> None:
    """A tensor the learner returns must be on the inputs' device (a CPU-only habit fails on CUDA).

    Anything but a tensor passes: its type is `expect_close`'s to report.
    """
    if isinstance(got, torch.Tensor) and got.device != device:
        raise CheckFailure(f"{what} is on {got.device}, the input on {device}: {advice}", case=case)


def pair(v: int | tuple[int, int]) -> tuple[int, int]:
    """An int or (h, w) argument (stride, padding, kernel size) as (h, w)."""
    return (v, v) if isinstance(v, int) else tuple(v)


def snapshot(**arrays: Any) -> dict[str, Any]:
    return {k: (v.copy() if isinstance(v, np.ndarray) else v.clone()) for k, v in arrays.items()}


def _parse(path: Path) -> ast.Module | None:
    """The learner's file as a syntax tree; None if it cannot be read or parsed."""
    try:
        return ast.parse(Path(path).read_text(encoding="utf-8"))
    except (SyntaxError, OSError, UnicodeDecodeError, ValueError):
        return None


def banned_calls(path: Path, banned: tuple[str, ...]) -> list[str]:
    """Where the learner's file imports or calls something it must not, as `line N: what`.

    A banned entry is either a module ("torch" bans importing it) or a dotted call suffix
    ("F.conv2d", "nn.functional.conv2d").
    """
    tree = _parse(path)
    if tree is None:
        return []  # the import check reports these
    found = []
    modules = {b for b in banned if "." not in b}
    calls = {b for b in banned if "." in b}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        elif isinstance(node, (ast.Attribute, ast.Name)):
            dotted = _dotted(node)
            hit = next((c for c in calls if dotted == c or dotted.endswith("." + c)), None)
            if hit:
                found.append(f"line {node.lineno}: {dotted}")
            continue
        elif isinstance(node, ast.Call) and _dotted(node.func) in {"__import__", "importlib.import_module"}:
            names = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
        else:
            continue
        for name in names:
            if name.split(".")[0] in modules:
                found.append(f"line {node.lineno}: import {name}")
    return sorted(set(found), key=lambda s: int(s.split(":")[0].split()[1]))


def _dotted(node: ast.AST) -> str:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    return ".".join(reversed(parts))


def banned_names(path: Path, match: Callable[[str], bool], *, attributes: bool = True) -> list[str]:
    """Names `match` accepts that the learner's file imports by name (`from torch.nn.functional import
    batch_norm`) or, with `attributes`, reaches as any attribute (`torch.ops.aten.batch_norm`):
    what the dotted suffixes of banned_calls do not see."""
    tree = _parse(path)
    if tree is None:
        return []  # the import check reports these
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            found += [f"line {node.lineno}: from {node.module} import {a.name}" for a in node.names if match(a.name)]
        elif attributes and isinstance(node, ast.Attribute) and match(node.attr):
            found.append(f"line {node.lineno}: {_dotted(node) or node.attr}")
    return found


def expect_no_banned_calls(path: Path, banned: tuple[str, ...], why: str, *,
                           names: Collection[str] | Callable[[str], bool] | None = None,
                           attributes: bool = True) -> None:
    """Fail on a banned import or call (see banned_calls) and, given `names` (a set, or a predicate
    on a name), on those names imported or used as attributes (see banned_names)."""
    found = banned_calls(path, banned)
    if names is not None:
        found += banned_names(path, names if callable(names) else names.__contains__, attributes=attributes)
    if found:
        raise CheckFailure(
            f"{Path(path).name} uses what this exercise asks you to write yourself ({why}):\n  "
            + "\n  ".join(found),
            mistake=BANNED,
        )


# Integer results (output sizes, receptive fields): exact, and an int rather than a float.

FLOAT_RESULT = Mistake("returned a float", "the value is right but it is a float: `/` and np.floor give floats; "
                       "use floor division `//` on ints so the result is an int", "an-int-not-a-float")


def is_integer(value: Any) -> bool:
    """A Python int or a NumPy integer; not a bool, not a float (even 55.0)."""
    return isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))


def expect_int(got: Any, expected: int, *, case: str,
               diagnose: Callable[[], Mistake | None] | None = None) -> None:
    """Fail unless `got` is an integer (int or NumPy integer) equal to `expected`.

    `diagnose` is called only when the value is wrong, and returns the mistake to name (or None).
    """
    if isinstance(got, (float, np.floating)) and got == expected:
        raise CheckFailure(f"got {got!r}, a {type(got).__name__}; expected the int {expected}",
                           case=case, mistake=FLOAT_RESULT)
    if not is_integer(got) and not isinstance(got, (float, np.floating)):
        raise CheckFailure(f"expected an int but your function returned {_kind(got)}", case=case)
    if got != expected:
        raise CheckFailure(f"got {got!r}, expected {expected}", case=case,
                           mistake=diagnose() if diagnose else None)


def expect_int_on_grid(fn: Callable[..., Any], cases: list[tuple[dict, int]], *, oracle: str, grid: str,
                       diagnose: Callable[[], Mistake | None] | None = None) -> None:
    """Call the learner's `fn(**params)` on every (params, expected) of a grid, smallest first; on a
    wrong answer, fail on the first one with how many were wrong (`oracle` names what gave
    `expected`, `grid` describes the ranges covered)."""
    from .learner import call

    wrong = []
    for params, expected in cases:
        got = call(fn, **params)
        if not (is_integer(got) and got == expected):
            wrong.append((params, got, expected))
    if wrong:
        params, got, expected = wrong[0]
        expect_int(got, expected, diagnose=diagnose,
                   case=describe(**params) + f" ({oracle} gives {expected}); wrong on {len(wrong)} of "
                   f"{len(cases)} valid combinations of {grid}")


def reproduced_mistake(learner: Callable[..., Any],
                       variants: Mapping[Mistake, Callable[..., Any] | tuple[Callable[..., Any], ...]],
                       cases: list[dict]) -> Mistake | None:
    """The first mistake whose variant gives the learner's answer on EVERY case (called with **case).

    A mistake may come with a tuple of variants (ways of writing the same mistake): any one that
    reproduces the learner's answers everywhere names it.

    Comparing over a whole set of cases rather than one names a mistake only when the learner's
    function behaves like that variant everywhere, so two mistakes that agree on one case are not
    confused. Values compare with ==, so a float 55.0 agrees with 55. None when nothing fits.
    """
    try:
        answers = [learner(**c) for c in cases]
    except (Exception, SystemExit):  # noqa: BLE001 - a learner that crashes on some case reproduces no variant
        return None
    for mistake, ways in variants.items():
        for variant in ways if isinstance(ways, tuple) else (ways,):
            try:
                if all(variant(**c) == a for c, a in zip(cases, answers)):
                    return mistake
            except Exception:  # noqa: BLE001 - a variant that does not apply to these cases
                continue
    return None


def call_without_warnings(fn: Callable[..., Any], *args: Any, case: str,
                          mistakes: Mapping[str, Mistake] | None = None, **kwargs: Any) -> Any:
    """Call a learner function (through `grader.learner.call`) and fail if NumPy warned.

    Numerically stable code must not overflow, divide by zero or make NaN along the way, even
    where the final answer happens to come out right (an `np.where` evaluates both branches).
    `mistakes` maps a fragment of the warning's text ("overflow", "divide by zero", "invalid
    value") to the mistake it reveals in this case; the first fragment found names it.
    """
    import warnings

    from .learner import call

    # Underflow to 0 (exp of a very negative number) is expected in stable code: not a problem.
    with warnings.catch_warnings(record=True) as caught, np.errstate(over="warn", divide="warn",
                                                                     invalid="warn", under="ignore"):
        warnings.simplefilter("always")
        result = call(fn, *args, **kwargs)
    problems = [w for w in caught if issubclass(w.category, RuntimeWarning)]
    if problems:
        text = str(problems[0].message)
        mistake = next((m for fragment, m in (mistakes or {}).items() if fragment in text), None)
        raise CheckFailure(
            f"your function emitted a RuntimeWarning: {text} — a numerically stable version computes "
            f"the same values without overflowing or dividing by zero on the way",
            case=case, mistake=mistake or Mistake("numerical warning", "NumPy warned while your function "
                                                  "ran: a value overflowed or was divided by zero",
                                                  "numerical-stability"),
        )
    return result
