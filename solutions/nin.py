"""Network in Network (NiN), as the seeds' d2l notes build it."""
from __future__ import annotations

from torch import nn


def nin_block(in_channels: int, out_channels: int, kernel_size, strides, padding) -> nn.Sequential:
    return nn.Sequential(
        nn.Conv2d(in_channels, out_channels, kernel_size, strides, padding), nn.ReLU(),
        nn.Conv2d(out_channels, out_channels, kernel_size=1), nn.ReLU(),  # a per-pixel MLP across channels
        nn.Conv2d(out_channels, out_channels, kernel_size=1), nn.ReLU())


def nin(in_channels: int = 1, num_classes: int = 10) -> nn.Module:
    return nn.Sequential(
        nin_block(in_channels, 96, kernel_size=11, strides=4, padding=0), nn.MaxPool2d(3, stride=2),  # (N, 96, 26, 26)
        nin_block(96, 256, kernel_size=5, strides=1, padding=2), nn.MaxPool2d(3, stride=2),          # (N, 256, 12, 12)
        nin_block(256, 384, kernel_size=3, strides=1, padding=1), nn.MaxPool2d(3, stride=2),         # (N, 384, 5, 5)
        nn.Dropout(0.5),
        nin_block(384, num_classes, kernel_size=3, strides=1, padding=1),                            # (N, K, 5, 5)
        nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten())                                                 # (N, K)
