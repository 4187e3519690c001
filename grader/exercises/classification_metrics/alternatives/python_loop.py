"""Correct but slow: one Python iteration per sample over the sorted scores."""
TOO_SLOW = True


def _runs(y_true, y_score):
    pairs = sorted(zip(y_score.tolist(), y_true.tolist()), key=lambda p: -p[0])
    runs, i = [], 0
    while i < len(pairs):
        j, tp, fp = i, 0, 0
        while j < len(pairs) and pairs[j][0] == pairs[i][0]:
            tp += pairs[j][1] == 1
            fp += pairs[j][1] != 1
            j += 1
        runs.append((tp, fp))
        i = j
    return runs


def roc_auc(y_true, y_score):
    runs = _runs(y_true, y_score)
    P = sum(t for t, _ in runs); N = sum(f for _, f in runs)
    area, tp_above = 0.0, 0
    for tp, fp in runs:
        area += fp * (tp_above + tp / 2)
        tp_above += tp
    return float(area / (P * N))


def average_precision(y_true, y_score):
    runs = _runs(y_true, y_score)
    P = sum(t for t, _ in runs)
    ap, tp_c, fp_c = 0.0, 0, 0
    for tp, fp in runs:
        tp_c += tp; fp_c += fp
        ap += tp / P * tp_c / (tp_c + fp_c)
    return float(ap)
