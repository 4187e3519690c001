"""Never clears the gradients."""
from _base import evaluate as _evaluate, train

EXPECTED_MISTAKE = "zero_grad forgotten"


def train_one_epoch(model, loader, loss_fn, optimizer, device):
    return train(model, loader, loss_fn, optimizer, device, zero_grad=False)


def evaluate(model, loader, loss_fn, device):
    return _evaluate(model, loader, loss_fn, device)
