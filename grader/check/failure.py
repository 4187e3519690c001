"""A check's verdict (CheckFailure) and the facts a check reports beside it (notes)."""
from __future__ import annotations

from contextvars import ContextVar
from typing import Any

import numpy as np
import torch

from ..catalog import Mistake


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


def noted(key: str, default: Any = None) -> Any:
    """What the check under way has noted under `key` so far (`default` if nothing)."""
    return (_notes.get() or {}).get(key, default)


def take_notes() -> dict[str, Any]:
    facts = _notes.get() or {}
    _notes.set(None)
    return facts


def _kind(value: Any) -> str:
    if value is None:
        return "None (did you forget to `return` the result?)"
    if isinstance(value, torch.Tensor):
        return "a torch.Tensor"
    if isinstance(value, np.ndarray):
        return "a NumPy array"
    return f"a {type(value).__name__}"
