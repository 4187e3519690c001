"""Building and describing cases: the case line of a report, (h, w) pairs, copies, CUDA skips."""
from __future__ import annotations

from contextvars import ContextVar
from typing import Any

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


def skip_without_cuda(device: str = "cuda") -> None:
    """Skip the calling check, with the reason shown, when it is for CUDA and this machine has none."""
    if device == "cuda" and not torch.cuda.is_available():
        pytest.skip(NO_CUDA)
