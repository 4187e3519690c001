"""Not a mutant: the correct pieces the mutants in this folder reuse (so each differs by one mistake)."""
import numpy as np


def corners(boxes1, boxes2):
    """x1, y1, x2, y2 of boxes1 as (N, 1) columns and of boxes2 as (1, M) rows."""
    return [boxes1[:, k, None] for k in range(4)], [boxes2[None, :, k] for k in range(4)]


def safe_divide(inter, union):
    return inter / np.where(union > 0, union, 1)
