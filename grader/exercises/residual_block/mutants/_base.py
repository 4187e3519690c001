"""d2l's Residual and resnet18; each mutant overrides one piece (forward, or the shortcut's stride)."""
from __future__ import annotations

import torch
from torch import nn
from torch.nn import functional as F


class Base(nn.Module):
    shortcut_stride = True

    def __init__(self, input_channels: int, num_channels: int, use_1x1conv: bool = False, strides: int = 1):
        super().__init__()
        self.conv1 = nn.Conv2d(input_channels, num_channels, kernel_size=3, padding=1, stride=strides)
        self.conv2 = nn.Conv2d(num_channels, num_channels, kernel_size=3, padding=1)
        stride = strides if self.shortcut_stride else 1
        self.conv3 = nn.Conv2d(input_channels, num_channels, kernel_size=1, stride=stride) if use_1x1conv else None
        self.bn1 = nn.BatchNorm2d(num_channels)
        self.bn2 = nn.BatchNorm2d(num_channels)

    def forward(self, X: torch.Tensor) -> torch.Tensor:
        Y = self.bn2(self.conv2(F.relu(self.bn1(self.conv1(X)))))
        return F.relu(Y + (X if self.conv3 is None else self.conv3(X)))


def resnet18_of(Residual, in_channels: int = 1, num_classes: int = 10) -> nn.Module:
    def stage(c_in, c, first=False):
        return nn.Sequential(Residual(c_in, c, use_1x1conv=not first, strides=1 if first else 2), Residual(c, c))

    b1 = nn.Sequential(nn.Conv2d(in_channels, 64, kernel_size=7, stride=2, padding=3), nn.BatchNorm2d(64), nn.ReLU(),
                       nn.MaxPool2d(kernel_size=3, stride=2, padding=1))
    return nn.Sequential(b1, stage(64, 64, first=True), stage(64, 128), stage(128, 256), stage(256, 512),
                         nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten(), nn.Linear(512, num_classes))
