"""The PyTorch training loop: one epoch of training, and evaluation."""
from __future__ import annotations

import torch
from torch import nn


def train_one_epoch(model: nn.Module, loader, loss_fn, optimizer: torch.optim.Optimizer,
                    device: torch.device | str) -> float:
    model.train()
    total, n = 0.0, 0
    for x, y in loader:
        x, y = x.to(device), y.to(device)
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()
        total += loss.item() * len(x)  # loss is the batch mean: weight it by the batch size
        n += len(x)
    return total / n


def evaluate(model: nn.Module, loader, loss_fn, device: torch.device | str) -> tuple[float, float]:
    model.eval()
    total, correct, n = 0.0, 0, 0
    with torch.no_grad():
        for x, y in loader:
            x, y = x.to(device), y.to(device)
            logits = model(x)  # (B, K)
            total += loss_fn(logits, y).item() * len(x)
            correct += (logits.argmax(dim=1) == y).sum().item()
            n += len(x)
    return total / n, correct / n
