"""LeNet-5 as the seeds' d2l notes build it, for 28x28 images."""
from __future__ import annotations

from torch import nn


def lenet() -> nn.Module:
    return nn.Sequential(
        nn.Conv2d(1, 6, kernel_size=5, padding=2), nn.Sigmoid(),  # (N, 6, 28, 28)
        nn.AvgPool2d(kernel_size=2, stride=2),                    # (N, 6, 14, 14)
        nn.Conv2d(6, 16, kernel_size=5), nn.Sigmoid(),            # (N, 16, 10, 10)
        nn.AvgPool2d(kernel_size=2, stride=2),                    # (N, 16, 5, 5)
        nn.Flatten(),                                             # (N, 400)
        nn.Linear(16 * 5 * 5, 120), nn.Sigmoid(),
        nn.Linear(120, 84), nn.Sigmoid(),
        nn.Linear(84, 10))                                        # (N, 10)
