"""Correct: -t*logsigmoid(x) - (1-t)*logsigmoid(-x), with a stable log-sigmoid."""
import numpy as np


def log_sigmoid(x):
    return -(np.maximum(-x, 0) + np.log1p(np.exp(-np.abs(x))))


def binary_cross_entropy_with_logits(logits, targets):
    return (-targets * log_sigmoid(logits) - (1 - targets) * log_sigmoid(-logits)).mean()
