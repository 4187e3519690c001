"""A transition block without its AvgPool2d."""
from __future__ import annotations

import torch
from torch import nn

EXPECTED_MISTAKE = "transition without pooling"


def conv_block(input_channels: int, num_channels: int) -> nn.Sequential:
    # pre-activation order: BatchNorm, ReLU, then the convolution
    return nn.Sequential(nn.BatchNorm2d(input_channels), nn.ReLU(),
                         nn.Conv2d(input_channels, num_channels, kernel_size=3, padding=1))


class DenseBlock(nn.Module):
    def __init__(self, num_convs: int, input_channels: int, num_channels: int):
        super().__init__()
        layer = []
        for i in range(num_convs):
            layer.append(conv_block(num_channels * i + input_channels, num_channels))
        self.net = nn.Sequential(*layer)

    def forward(self, X: torch.Tensor) -> torch.Tensor:
        for blk in self.net:
            Y = blk(X)
            X = torch.cat((X, Y), dim=1)  # every block sees all the feature maps before it
        return X                          # (N, input_channels + num_convs * num_channels, H, W)


def transition_block(input_channels: int, num_channels: int) -> nn.Sequential:
    return nn.Sequential(nn.BatchNorm2d(input_channels), nn.ReLU(),
                         nn.Conv2d(input_channels, num_channels, kernel_size=1))
