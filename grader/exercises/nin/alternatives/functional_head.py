"""Blocks from a loop over a table; the head is a mean over the spatial axes in forward."""
import torch.nn.functional as F
from torch import nn


def nin_block(in_channels, out_channels, kernel_size, strides, padding):
    layers = [nn.Conv2d(in_channels, out_channels, kernel_size, stride=strides, padding=padding), nn.ReLU(inplace=True)]
    for _ in range(2):
        layers += [nn.Conv2d(out_channels, out_channels, (1, 1)), nn.ReLU(inplace=True)]
    return nn.Sequential(*layers)


class NiN(nn.Module):
    def __init__(self, in_channels, num_classes):
        super().__init__()
        table = [(in_channels, 96, 11, 4, 0), (96, 256, 5, 1, 2), (256, 384, 3, 1, 1)]
        self.body = nn.ModuleList(nin_block(*row) for row in table)
        self.last = nin_block(384, num_classes, 3, 1, 1)

    def forward(self, x):
        for block in self.body:
            x = F.max_pool2d(block(x), 3, 2)
        x = self.last(F.dropout(x, 0.5, self.training))
        return x.mean(dim=(2, 3))  # global average pooling: (N, K, 5, 5) -> (N, K)


def nin(in_channels=1, num_classes=10):
    return NiN(in_channels, num_classes)
