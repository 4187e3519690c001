"""DenseNet's dense block and transition block, as the seeds' d2l notes build them."""
from __future__ import annotations

import torch
from torch import nn


class DenseBlock(nn.Module):
    """num_convs convolution blocks, each one's input concatenated with its output.

    __init__(num_convs, input_channels, num_channels) registers ONE attribute,
        self.net = nn.Sequential(conv_block_0, ..., conv_block_{num_convs - 1})
    where conv_block_i = nn.Sequential(BatchNorm2d(c), ReLU, Conv2d(c, num_channels, kernel_size=3,
    padding=1)) with c = input_channels + i * num_channels: BatchNorm and ReLU BEFORE the convolution
    (the checks copy weights into a reference in registration order).

    forward(X), X of shape (N, input_channels, H, W): for each block of self.net in order,
        Y = block(X); X = torch.cat((X, Y), dim=1)
    and return X: the input and EVERY block's output, concatenated on the channel axis, of shape
    (N, input_channels + num_convs * num_channels, H, W). DenseBlock(2, 3, 10) on (4, 3, 8, 8)
    gives (4, 23, 8, 8).
    nn layers are allowed; do not import torchvision or timm.
    """

    def __init__(self, num_convs: int, input_channels: int, num_channels: int):
        super().__init__()
        # TODO: self.net, a Sequential of num_convs BN-ReLU-Conv blocks with growing input channels.
        raise NotImplementedError("dense_block: implement DenseBlock.__init__ in exercises/dense_block.py")

    def forward(self, X: torch.Tensor) -> torch.Tensor:
        # TODO: run each block and concatenate its input with its output.
        raise NotImplementedError("dense_block: implement DenseBlock.forward in exercises/dense_block.py")


def transition_block(input_channels: int, num_channels: int) -> nn.Sequential:
    """The layer between two dense blocks: fewer channels, half the height and width.

    Return nn.Sequential(BatchNorm2d(input_channels), ReLU, Conv2d(input_channels, num_channels,
    kernel_size=1), AvgPool2d(kernel_size=2, stride=2)), in that order:
    (N, input_channels, H, W) -> (N, num_channels, H // 2, W // 2).
    """
    # TODO: the four layers.
    raise NotImplementedError("dense_block: implement transition_block in exercises/dense_block.py")
