"""Sorts the caller's scores in place."""
import numpy as np
import _base

EXPECTED_MISTAKE = None


def roc_auc(y_true, y_score):
    out = _base.roc_auc(y_true, y_score)
    y_score.sort()
    return out


def average_precision(y_true, y_score):
    out = _base.average_precision(y_true, y_score)
    y_score.sort()
    return out
