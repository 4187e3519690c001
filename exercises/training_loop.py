"""The PyTorch training loop: one epoch of training, and evaluation."""
from __future__ import annotations

import torch
from torch import nn


def train_one_epoch(model: nn.Module, loader, loss_fn, optimizer: torch.optim.Optimizer,
                    device: torch.device | str) -> float:
    """Train `model` for one pass over `loader`; return the mean loss per sample, as a Python float.

    loader yields (x, y) batches on the CPU (a torch DataLoader; the last batch may be smaller);
    loss_fn(model(x), y) returns the MEAN loss of a batch (as nn.CrossEntropyLoss() does);
    optimizer already holds model's parameters; model is already on `device`.

    For each batch, in this order:
        1. move x and y to `device`;
        2. clear the gradients left by the previous step (optimizer.zero_grad());
        3. forward: loss = loss_fn(model(x), y);
        4. backward: loss.backward();
        5. update: optimizer.step().
    Put the model in training mode first (model.train()): it may arrive in eval mode, and
    dropout and BatchNorm behave differently in the two modes.

    The result is the mean over SAMPLES: sum of (batch mean loss x batch size) / number of samples,
    not the mean of the batch means (the last batch may be smaller). Accumulate each batch's loss
    with loss.item() (a float): summing the loss tensors keeps every batch's graph alive.

    The checks run your loop and a reference loop from the same parameters, data and random
    seed (dropout draws the same masks when the calls happen in the same order) with SGD with
    momentum and with Adam, and compare the parameters after the epoch and the mean loss.
    """
    # TODO: model.train(); loop over batches: to(device), zero_grad, forward, loss, backward, step.
    raise NotImplementedError("training_loop: implement train_one_epoch in exercises/training_loop.py")


def evaluate(model: nn.Module, loader, loss_fn, device: torch.device | str) -> tuple[float, float]:
    """Evaluate `model` on `loader`: return (mean loss per sample, accuracy), both Python floats.

    Put the model in evaluation mode (model.eval(): dropout off, BatchNorm uses its running
    statistics and does not update them) and compute without building a graph (under
    torch.no_grad() or torch.inference_mode()). The model's parameters and buffers must be the
    same after the call as before.

    accuracy: the fraction of samples whose predicted class, model(x).argmax(dim=1), equals y.
    The mean loss is over samples, as in train_one_epoch.
    """
    # TODO: model.eval(); under torch.no_grad(): sum loss * batch size and the correct predictions.
    raise NotImplementedError("training_loop: implement evaluate in exercises/training_loop.py")
