"""Correct but slow: sums the squares element by element."""
import math

TOO_SLOW = True


def clip_grad_norm(grads, max_norm):
    squares = 0.0
    for g in grads:
        for v in g.ravel().tolist():
            squares += v * v
    total = math.sqrt(squares)
    coef = min(max_norm / (total + 1e-6), 1.0)
    for g in grads:
        g *= coef
    return total
