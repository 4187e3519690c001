"""Not a mutant: the correct PCA with switches for the mistakes of this folder."""
import numpy as np


def pca(X, n_components, centre=True, ddof=1, rows=True, fix_sign=True):
    X = X.astype(np.float64)
    Xc = X - X.mean(0) if centre else X
    evals, evecs = np.linalg.eigh(Xc.T @ Xc / (len(X) - ddof))
    order = np.argsort(evals)[::-1][:n_components]
    comps = evecs[:, order].T
    if fix_sign:
        big = np.argmax(np.abs(comps), axis=1)
        comps = comps * np.sign(comps[np.arange(len(comps)), big])[:, None]
    else:
        comps = -comps if comps[0, 0] > 0 else comps  # eigh's arbitrary sign, made deterministic here
    return (comps if rows else comps.T), evals[order], Xc @ comps.T
