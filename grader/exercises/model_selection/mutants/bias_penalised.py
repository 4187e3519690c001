"""Ridge with the constant column penalised too."""
from _base import k_fold_indices, polynomial_features, select_with  # noqa: F401

EXPECTED_MISTAKE = "constant column penalised"


def select_degree(x, y, degrees, k, l2=0.0):
    return select_with(x, y, degrees, k, l2, k_fold_indices, lambda tr, te: tr, penalise_bias=True)
