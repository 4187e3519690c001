"""Ranks the scores from the lowest up as if a low score meant positive."""
import numpy as np
import _base

EXPECTED_MISTAKE = "scores read as lower-is-positive"


def roc_auc(y_true, y_score):
    return _base.roc_auc(y_true, -y_score)


def average_precision(y_true, y_score):
    return _base.average_precision(y_true, -y_score)
