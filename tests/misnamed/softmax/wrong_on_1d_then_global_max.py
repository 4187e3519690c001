"""Global-max softmax that also gets 1-D input wrong (all zeros), something no variant explains: the first
failing check names nothing and a later one (rows far apart) names the global max. A fail-fast run must go
on to that later check instead of stopping without a name."""
import numpy as np

EXPECTED_MISTAKE = "max of the whole array subtracted"


def softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    if x.ndim == 1:
        return np.zeros_like(x)
    e = np.exp(x - x.max())
    return e / e.sum(axis=axis, keepdims=True)
