"""Trains in whatever mode the model arrives in."""
from _base import evaluate as _evaluate, train

EXPECTED_MISTAKE = "model.train() not set"


def train_one_epoch(model, loader, loss_fn, optimizer, device):
    return train(model, loader, loss_fn, optimizer, device, train_mode=False)


def evaluate(model, loader, loss_fn, device):
    return _evaluate(model, loader, loss_fn, device)
