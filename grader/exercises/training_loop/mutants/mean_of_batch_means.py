"""Averages the batch means, in both functions."""
from _base import evaluate as _evaluate, train

EXPECTED_MISTAKE = "mean of the batch means"


def train_one_epoch(model, loader, loss_fn, optimizer, device):
    return train(model, loader, loss_fn, optimizer, device, batch_mean=True)


def evaluate(model, loader, loss_fn, device):
    return _evaluate(model, loader, loss_fn, device, batch_mean=True)
