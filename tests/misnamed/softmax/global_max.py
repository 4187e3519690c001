"""Softmax that subtracts the max of the whole array, not of each slice: right wherever no slice lies
far below the global max, NaN (0/0) on a slice that does (float32 logits of +-1000). Once told
"max not subtracted"."""
import numpy as np

EXPECTED_MISTAKE = "max of the whole array subtracted"


def softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    shifted = np.exp(x - np.max(x))
    return shifted / np.sum(shifted, axis=axis, keepdims=True)
