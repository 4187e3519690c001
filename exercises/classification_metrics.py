"""ROC-AUC and average precision in NumPy, like sklearn.metrics."""
from __future__ import annotations

import numpy as np


def roc_auc(y_true: np.ndarray, y_score: np.ndarray) -> float:
    """The area under the ROC curve, as sklearn.metrics.roc_auc_score.

    AUC is the probability that a randomly drawn positive scores HIGHER than a randomly drawn
    negative, where a tie (equal scores) counts one half:

        AUC = (1 / (P * N)) * sum over positives i, negatives j of [s_i > s_j] + 0.5 * [s_i == s_j]

    with P positives and N negatives. Equivalently (Mann-Whitney U), with AVERAGE ranks r
    (rank 1 = the lowest score; tied scores all get the mean of the ranks they span):
    AUC = (sum of the positives' ranks - P (P + 1) / 2) / (P * N). It is also the trapezoid
    area under the ROC curve (FPR, TPR) taken threshold by threshold from the highest score down,
    each distinct score being ONE threshold.

    Args:
        y_true: shape (n,), labels 0/1 (an integer or bool dtype). Both classes are present.
        y_score: shape (n,), float32 or float64: higher means more likely positive. Ties occur.

    Returns:
        A Python float in [0, 1] (float(...), not a NumPy scalar or array).

    Rules:
        - Do not modify y_true or y_score.
        - NumPy only: do not import torch, sklearn or scipy.
        - The speed check times n = 100000 scores, shape (100000,), rounded to 3 decimals (many ties) against
          sklearn's roc_auc_score (limit 2x): a sort plus array operations is fast enough, a Python
          loop over the samples is not.
    """
    # TODO: average ranks of the scores (ties share the mean rank), then Mann-Whitney U / (P * N).
    raise NotImplementedError("classification_metrics: implement roc_auc in exercises/classification_metrics.py")


def average_precision(y_true: np.ndarray, y_score: np.ndarray) -> float:
    """Average precision, as sklearn.metrics.average_precision_score.

    Walk the distinct scores from the highest down; each distinct score t is one threshold
    (predict positive when score >= t). At the n-th threshold let P_n = TP / (TP + FP) (precision)
    and R_n = TP / (number of positives) (recall). Then

        AP = sum_n (R_n - R_{n-1}) * P_n,      R_0 = 0,

    a step sum (no interpolation, no trapezoid). Tied scores enter together: a threshold never
    separates two equal scores, whatever order they have in the input.

    Args:
        y_true: shape (n,), labels 0/1 (an integer or bool dtype). At least one positive.
        y_score: shape (n,), float32 or float64: higher means more likely positive. Ties occur.

    Returns:
        A Python float in [0, 1].

    Rules:
        - Do not modify y_true or y_score.
        - NumPy only: do not import torch, sklearn or scipy.
    """
    # TODO: sort by decreasing score, cumulative TP and FP, keep the last index of each tied run,
    #       then the step sum of recall increments times precision.
    raise NotImplementedError("classification_metrics: implement average_precision in exercises/classification_metrics.py")
