"""The mean log-likelihood t*log(sigmoid(x)) + (1-t)*log(1 - sigmoid(x)), stable, but not negated."""
import numpy as np

EXPECTED_MISTAKE = "sign flipped"


def binary_cross_entropy_with_logits(logits, targets):
    x, t = logits, targets
    log_p = np.minimum(x, 0) - np.log1p(np.exp(-np.abs(x)))  # log(sigmoid(x))
    log_not_p = log_p - x  # log(1 - sigmoid(x))
    return (t * log_p + (1 - t) * log_not_p).mean()
