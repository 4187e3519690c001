"""Steps, then calls backward."""
from _base import evaluate as _evaluate, train

EXPECTED_MISTAKE = "optimizer.step before backward"


def train_one_epoch(model, loader, loss_fn, optimizer, device):
    return train(model, loader, loss_fn, optimizer, device, step_first=True)


def evaluate(model, loader, loss_fn, device):
    return _evaluate(model, loader, loss_fn, device)
