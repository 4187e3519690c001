"""Normalises the logits themselves, without exp: wrong everywhere, and no known mistake gives it. The
report must say that no known mistake matches rather than guess one."""
import numpy as np

EXPECTED_MISTAKE = None


def softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    return x / np.sum(x, axis=axis, keepdims=True)
