"""Helpers for writing checks: compare the learner's output with the oracle, name the mistake.

A check builds inputs, computes the oracle in torch float64, calls the learner through
`grader.learner.call`, and hands both to `expect_close`. On a mismatch, `expect_close` tries the
exercise's known mistakes (variants of the oracle) and names the one that matches.
"""
from __future__ import annotations

import inspect
import warnings
from typing import Any, Callable, Mapping

import numpy as np
import torch

from ..catalog import Mistake
from ..repro import record_comparison
from .failure import CheckFailure, _kind
from .mistakes import IN_PLACE, matching_mistake


# rtol, atol per dtype; a check module's TOLERANCE overrides entries (the plugin applies it per check).
DEFAULT_TOLERANCE = {"float16": (1e-3, 1e-3), "bfloat16": (1.6e-2, 1e-2), "float32": (1e-4, 1e-4),
                     "float64": (1e-7, 1e-9)}
_tolerance = dict(DEFAULT_TOLERANCE)


def dtype_name(dtype: Any) -> str:
    """"float32" for np.float32, np.dtype("float32") and torch.float32 alike."""
    if isinstance(dtype, torch.dtype):
        return str(dtype).removeprefix("torch.")
    return np.dtype(dtype).name


def use_tolerance(overrides: Mapping[str, tuple[float, float]] | None) -> None:
    """The tolerances in force: the defaults with `overrides` (a check module's TOLERANCE) applied."""
    _tolerance.clear()
    _tolerance.update(DEFAULT_TOLERANCE, **(overrides or {}))


def tolerance(dtype: Any) -> tuple[float, float]:
    """(rtol, atol) for comparing an output of `dtype` with the float64 oracle (exact for other dtypes)."""
    return _tolerance.get(dtype_name(dtype), (0.0, 0.0))


def expect_close(
    got: Any,
    expected: torch.Tensor,
    *,
    case: str,
    dtype: np.dtype | torch.dtype,
    rtol: float | None = None,
    atol: float | None = None,
    framework: str | None = None,
    mistakes: Mapping[Mistake, Callable[[], torch.Tensor] | list[Callable[[], torch.Tensor]]] | None = None,
    shape_hint: Callable[[tuple, tuple], Mistake | None] | None = None,
    what: str | None = None,
) -> None:
    """Fail with a precise message unless `got` matches the float64 oracle `expected`.

    `mistakes` maps each known mistake to a function (or a list of functions: ways of making the
    same mistake) computing the output that mistake would give; they are evaluated only when the
    learner's output is wrong. `what` names the output in the message ("the gradient of `x`").
    Tolerances default to the module's TOLERANCE for `dtype` (see `tolerance`); the framework
    (a NumPy array or a tensor is expected) follows from `dtype`.
    """
    default_rtol, default_atol = tolerance(dtype)
    rtol = default_rtol if rtol is None else rtol
    atol = default_atol if atol is None else atol
    framework = framework or ("torch" if isinstance(dtype, torch.dtype) else "numpy")
    try:
        _expect_close(got, expected, case=case, dtype=dtype, rtol=rtol, atol=atol, framework=framework,
                      mistakes=mistakes, shape_hint=shape_hint)
    except CheckFailure as failure:
        record_comparison(got, expected)  # only while grader.repro rebuilds a failed check
        if what:
            failure.message = f"{what}: {failure.message}"
            failure.args = (failure.message,)
        raise


def _expect_close(got, expected, *, case, dtype, rtol, atol, framework, mistakes, shape_hint) -> None:
    wanted_type = np.ndarray if framework == "numpy" else torch.Tensor
    if not isinstance(got, wanted_type):
        # What the spec asks for: a single number (a 0-d oracle) is a float, not an array.
        wanted = ("a float" if framework == "numpy" else "a 0-d torch.Tensor") if expected.ndim == 0 else \
            _kind(np.empty(0) if framework == "numpy" else torch.empty(0))
        raise CheckFailure(f"expected {wanted} but your function returned {_kind(got)}", case=case)
    expected_shape = tuple(expected.shape)
    if tuple(got.shape) != expected_shape:
        # A variant that reproduces the output is evidence; a shape hint only infers from the shape.
        mistake = matching_mistake(got, mistakes, rtol=rtol, atol=atol)
        if mistake is None and shape_hint:
            mistake = shape_hint(tuple(got.shape), expected_shape)
        raise CheckFailure(
            f"wrong output shape: got {tuple(got.shape)}, expected {expected_shape}",
            case=case,
            mistake=mistake,
        )
    if got.dtype != dtype:
        raise CheckFailure(f"wrong dtype: got {dtype_name(got.dtype)}, expected {dtype_name(dtype)} "
                           f"{_dtype_reason(dtype_name(got.dtype), dtype_name(dtype))}", case=case)
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
            case=case,  # a variant that makes the same NaN (0/0 on an underflowed slice) names its mistake
            mistake=matching_mistake(got64, mistakes, rtol=rtol, atol=atol, expected=expected),
        )
    if torch.allclose(got64, expected, rtol=rtol, atol=atol, equal_nan=True):
        return  # same criterion as assert_close, without its ~1 s first-call import cost
    try:
        torch.testing.assert_close(got64, expected, rtol=rtol, atol=atol, equal_nan=True)
    except AssertionError as exc:
        mistake = matching_mistake(got64, mistakes, rtol=rtol, atol=atol, expected=expected)
        details = str(exc).replace("Tensor-likes are not close!", "").strip()
        # The oracle is torch, autograd, scikit-learn or a brute force: the check's name says which.
        raise CheckFailure(f"values differ from the expected ones\n{details}", case=case, mistake=mistake) from None


def _dtype_reason(got: str, wanted: str) -> str:
    """Why the output should have dtype `wanted` (names from dtype_name): what the spec asks, and the usual cause."""
    if wanted == "float64":  # for a float64 input or for any input, as the docstring says: not always the input's
        return "(as the docstring asks: compute and return float64)"
    if got == "float64":
        return ("(the input's dtype; a float64 array or constant, e.g. np.ones(...) or np.zeros(...) without "
                "dtype=, promoted the result)")
    return "(the input's dtype)"


def expect_unchanged(before: Mapping[str, Any], after: Mapping[str, Any], *, case: str,
                     mistake: Mistake = IN_PLACE) -> None:
    """The learner's function must not modify its inputs in place (`mistake` names it if it did)."""
    for name, original in before.items():
        current = after[name]
        numpy = isinstance(original, np.ndarray)
        same = np.array_equal(original, current, equal_nan=True) if numpy else torch.equal(original, current)
        if not same:
            advice = ("work on a copy (e.g. np.pad returns a new array)" if numpy else
                      "use out-of-place operations (x - mean, not x.sub_(mean)) or work on a clone")
            raise CheckFailure(
                f"your function modified its input `{name}` in place; {advice} so the caller's data stays as it was",
                case=case,
                mistake=mistake,
            )


def call_unchanged(fn: Callable[..., Any], *args: Any, case: str, may_change: tuple[int | str, ...] = (),
                   mistake: Mistake = IN_PLACE, warnings: Mapping[str, Mistake] | None = None, **kwargs: Any) -> Any:
    """Call the learner's `fn` (through `grader.learner.call`) and fail if it modified an array or
    tensor argument in place, except those the spec updates in place: `may_change` holds their
    positions in `args` or their keywords (positions, so that a learner's own parameter names do not matter).
    With `warnings`, the call is also one that NumPy must not warn in (see call_without_warnings)."""
    from ..learner import call

    try:  # the learner's own names for the arguments, for the message
        positional = [p.name for p in inspect.signature(fn).parameters.values()
                      if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    except (TypeError, ValueError):
        positional = []
    names = [positional[i] if i < len(positional) else f"argument {i + 1}" for i in range(len(args))]
    bound = {n: a for i, (n, a) in enumerate(zip(names, args)) if i not in may_change}
    bound |= {k: v for k, v in kwargs.items() if k not in may_change}
    arrays = {k: v for k, v in bound.items() if isinstance(v, (np.ndarray, torch.Tensor))}
    before = {k: v.copy() if isinstance(v, np.ndarray) else v.detach().clone() for k, v in arrays.items()}
    result = call(fn, *args, **kwargs) if warnings is None else \
        call_without_warnings(fn, *args, case=case, mistakes=warnings, **kwargs)
    expect_unchanged(before, arrays, case=case, mistake=mistake)
    return result


def expect_on_device(got: Any, device: torch.device, *, case: str, what: str = "your output",
                     advice: str = "create new tensors on the input's device (device=x.device, or torch.*_like)",
                     ) -> None:
    """A tensor the learner returns must be on the inputs' device (a CPU-only habit fails on CUDA).

    Anything but a tensor passes: its type is `expect_close`'s to report.
    """
    if isinstance(got, torch.Tensor) and got.device != device:
        raise CheckFailure(f"{what} is on {got.device}, the input on {device}: {advice}", case=case)


def call_without_warnings(fn: Callable[..., Any], *args: Any, case: str,
                          mistakes: Mapping[str, Mistake] | None = None, **kwargs: Any) -> Any:
    """Call a learner function (through `grader.learner.call`) and fail if NumPy warned.

    Numerically stable code must not overflow, divide by zero or make NaN along the way, even
    where the final answer happens to come out right (an `np.where` evaluates both branches).
    `mistakes` maps a fragment of the warning's text ("overflow", "divide by zero", "invalid
    value") to the mistake it reveals in this case; the first fragment found names it.
    """
    from ..learner import call

    # Underflow to 0 (exp of a very negative number) is expected in stable code: not a problem.
    with warnings.catch_warnings(record=True) as caught, np.errstate(over="warn", divide="warn",
                                                                     invalid="warn", under="ignore"):
        warnings.simplefilter("always")
        result = call(fn, *args, **kwargs)
    problems = [w for w in caught if issubclass(w.category, RuntimeWarning)]
    if problems:
        text = str(problems[0].message)
        # A warning reveals a mistake only where the check says which; otherwise no mistake is guessed.
        mistake = next((m for fragment, m in (mistakes or {}).items() if fragment in text), None)
        raise CheckFailure(
            f"your function emitted a RuntimeWarning: {text} — a numerically stable version computes "
            f"the same values without overflowing or dividing by zero on the way",
            case=case, mistake=mistake,
        )
    return result
