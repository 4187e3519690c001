"""Adds up the loss tensors: total += loss * len(x)."""
from _base import evaluate as _evaluate, train

EXPECTED_MISTAKE = "loss tensors accumulated"


def train_one_epoch(model, loader, loss_fn, optimizer, device):
    return train(model, loader, loss_fn, optimizer, device, keep_tensor=True)


def evaluate(model, loader, loss_fn, device):
    return _evaluate(model, loader, loss_fn, device)
