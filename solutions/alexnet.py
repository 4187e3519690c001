"""AlexNet in the seeds' d2l single-tower form, for 224x224 images."""
from __future__ import annotations

from torch import nn


def alexnet(in_channels: int = 1, num_classes: int = 10) -> nn.Module:
    return nn.Sequential(
        nn.Conv2d(in_channels, 96, kernel_size=11, stride=4, padding=1), nn.ReLU(),  # (N, 96, 54, 54)
        nn.MaxPool2d(kernel_size=3, stride=2),                                      # (N, 96, 26, 26)
        nn.Conv2d(96, 256, kernel_size=5, padding=2), nn.ReLU(),
        nn.MaxPool2d(kernel_size=3, stride=2),                                      # (N, 256, 12, 12)
        nn.Conv2d(256, 384, kernel_size=3, padding=1), nn.ReLU(),
        nn.Conv2d(384, 384, kernel_size=3, padding=1), nn.ReLU(),
        nn.Conv2d(384, 256, kernel_size=3, padding=1), nn.ReLU(),
        nn.MaxPool2d(kernel_size=3, stride=2),                                      # (N, 256, 5, 5)
        nn.Flatten(),                                                               # (N, 6400)
        nn.Linear(6400, 4096), nn.ReLU(), nn.Dropout(p=0.5),
        nn.Linear(4096, 4096), nn.ReLU(), nn.Dropout(p=0.5),
        nn.Linear(4096, num_classes))
