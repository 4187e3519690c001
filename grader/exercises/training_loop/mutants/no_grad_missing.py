"""Evaluates with gradients enabled."""
from _base import evaluate as _evaluate, train

EXPECTED_MISTAKE = "evaluation not under torch.no_grad()"


def train_one_epoch(model, loader, loss_fn, optimizer, device):
    return train(model, loader, loss_fn, optimizer, device)


def evaluate(model, loader, loss_fn, device):
    return _evaluate(model, loader, loss_fn, device, no_grad=False)
