"""Building and describing cases: the case line of a report, (h, w) pairs, copies, CUDA skips."""
from __future__ import annotations

from typing import Any

import numpy as np
import pytest
import torch

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
