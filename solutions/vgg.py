"""VGG from repeated blocks, as the seeds' d2l notes build it."""
from __future__ import annotations

from torch import nn


def vgg_block(num_convs: int, in_channels: int, out_channels: int) -> nn.Sequential:
    layers = []
    for _ in range(num_convs):
        layers += [nn.Conv2d(in_channels, out_channels, kernel_size=3, padding=1), nn.ReLU()]
        in_channels = out_channels
    layers.append(nn.MaxPool2d(kernel_size=2, stride=2))  # (N, C, H, W) -> (N, C, H // 2, W // 2)
    return nn.Sequential(*layers)


def vgg(conv_arch, in_channels: int = 1, num_classes: int = 10) -> nn.Module:
    blocks = []
    for num_convs, out_channels in conv_arch:
        blocks.append(vgg_block(num_convs, in_channels, out_channels))
        in_channels = out_channels
    return nn.Sequential(
        *blocks, nn.Flatten(),                                   # (N, C * 7 * 7)
        nn.Linear(in_channels * 7 * 7, 4096), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(4096, 4096), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(4096, num_classes))
