"""d2l's DenseBlock and transition block, with a switch per mistake (each mutant turns one on)."""
from __future__ import annotations

import torch
from torch import nn


def conv_block(c_in: int, c: int, conv_first: bool = False) -> nn.Sequential:
    if conv_first:  # the post-activation order
        return nn.Sequential(nn.Conv2d(c_in, c, kernel_size=3, padding=1), nn.BatchNorm2d(c), nn.ReLU())
    return nn.Sequential(nn.BatchNorm2d(c_in), nn.ReLU(), nn.Conv2d(c_in, c, kernel_size=3, padding=1))


class Base(nn.Module):
    conv_first = only_last = False

    def __init__(self, num_convs: int, input_channels: int, num_channels: int):
        super().__init__()
        self.net = nn.Sequential(*(conv_block(num_channels * i + input_channels, num_channels, self.conv_first)
                                   for i in range(num_convs)))

    def forward(self, X: torch.Tensor) -> torch.Tensor:
        features = X
        for blk in self.net:
            Y = blk(features)
            features = torch.cat((features, Y), dim=1)
        return torch.cat((X, Y), dim=1) if self.only_last else features


def transition(input_channels: int, num_channels: int, pool: bool = True) -> nn.Sequential:
    return nn.Sequential(nn.BatchNorm2d(input_channels), nn.ReLU(),
                         nn.Conv2d(input_channels, num_channels, kernel_size=1),
                         *([nn.AvgPool2d(kernel_size=2, stride=2)] if pool else []))
