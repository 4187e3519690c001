"""Average precision as the trapezoid area under the precision-recall curve."""
import numpy as np

EXPECTED_MISTAKE = "AP as the trapezoid area under the PR curve"


def average_precision(y_true, y_score):
    order = np.argsort(-y_score, kind="stable")
    y = y_true[order].astype(np.float64)
    tp, fp = np.cumsum(y), np.cumsum(1 - y)
    last = np.r_[np.diff(y_score[order]) != 0, True]
    tp, fp = tp[last], fp[last]
    precision, recall = np.r_[1.0, tp / (tp + fp)], np.r_[0.0, tp / tp[-1]]
    return float(np.sum(np.diff(recall) * (precision[1:] + precision[:-1]) / 2))


def roc_auc(y_true, y_score):  # correct: the pair definition
    d = y_score[y_true == 1].astype(np.float64)[:, None] - y_score[y_true == 0].astype(np.float64)[None, :]
    return float(np.mean(d > 0) + 0.5 * np.mean(d == 0))
