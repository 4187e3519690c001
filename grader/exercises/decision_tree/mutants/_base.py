"""Not a mutant: a correct tree whose split rule the mutants in this folder replace."""
import numpy as np


def gini(y):
    if len(y) == 0:
        return 0.0
    p = np.unique(y, return_counts=True)[1] / len(y)
    return float(1.0 - np.sum(p * p))


def split_with(X, y, score, threshold):
    """Loop over candidates; score(parent, y_left, y_right) is maximised; threshold(a, b) is the cut."""
    best, best_score = (None, None, 0.0), -np.inf
    for f in range(X.shape[1]):
        values = np.unique(X[:, f])
        for a, b in zip(values[:-1], values[1:]):
            t = threshold(a, b)
            m = X[:, f] <= (a + b) / 2
            s, g = score(gini(y), y[m], y[~m])
            if s > best_score + 1e-12:
                best_score, best = s, (f, float(t), float(g))
    return best


def tree_with(best_split):
    def majority(y):
        labels, counts = np.unique(y, return_counts=True)
        return int(labels[np.argmax(counts)])

    def fit_tree(X, y, max_depth, min_samples_split=2, depth=0):
        if depth >= max_depth or len(y) < min_samples_split or len(np.unique(y)) == 1:
            return majority(y)
        f, t, _ = best_split(X, y)
        if f is None:
            return majority(y)
        m = X[:, f] <= t
        return (f, t, fit_tree(X[m], y[m], max_depth, min_samples_split, depth + 1),
                fit_tree(X[~m], y[~m], max_depth, min_samples_split, depth + 1))

    def predict_tree(tree, X):
        out = []
        for row in X:
            node = tree
            while isinstance(node, tuple):
                node = node[2] if row[node[0]] <= node[1] else node[3]
            out.append(node)
        return np.array(out, dtype=np.int64)

    return fit_tree, predict_tree
