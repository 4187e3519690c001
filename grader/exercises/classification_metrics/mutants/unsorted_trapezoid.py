"""ROC points at every sample's score in the input's order, then the trapezoid rule over them."""
import numpy as np
from _base import average_precision  # noqa: F401  (correct)

EXPECTED_MISTAKE = "trapezoid over unsorted thresholds"


def roc_auc(y_true, y_score):
    pos = y_true == 1
    predicted = y_score[None, :] >= y_score[:, None]  # (n thresholds, n samples)
    tpr = np.r_[0.0, (predicted & pos).sum(1) / pos.sum(), 1.0]
    fpr = np.r_[0.0, (predicted & ~pos).sum(1) / (~pos).sum(), 1.0]
    return float(np.trapz(tpr, fpr)) if hasattr(np, "trapz") else float(np.trapezoid(tpr, fpr))
