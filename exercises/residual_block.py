"""The residual block and ResNet-18, as the seeds' d2l notes build them."""
from __future__ import annotations

import torch
from torch import nn


class Residual(nn.Module):
    """The ResNet basic block: two 3x3 convolutions with BatchNorm, plus a shortcut.

    __init__(input_channels, num_channels, use_1x1conv=False, strides=1) registers, in THIS
    order (the checks copy weights into a reference in registration order, and read them by name):
        self.conv1 = Conv2d(input_channels, num_channels, kernel_size=3, padding=1, stride=strides)
        self.conv2 = Conv2d(num_channels, num_channels, kernel_size=3, padding=1)
        self.conv3 = Conv2d(input_channels, num_channels, kernel_size=1, stride=strides)
                     if use_1x1conv, else None (the shortcut is then the identity)
        self.bn1   = BatchNorm2d(num_channels)
        self.bn2   = BatchNorm2d(num_channels)

    forward(X), X of shape (N, input_channels, H, W):
        Y = relu(bn1(conv1(X)))
        Y = bn2(conv2(Y))              # no ReLU here
        if conv3 is not None: X = conv3(X)
        return relu(Y + X)             # the ReLU comes AFTER the addition
    With strides=2 the output is (N, num_channels, ceil(H / 2), ceil(W / 2)); the 1x1 projection
    on the shortcut must then have the same stride, or Y and X do not have the same shape.
    """

    def __init__(self, input_channels: int, num_channels: int, use_1x1conv: bool = False, strides: int = 1):
        super().__init__()
        # TODO: conv1, conv2, conv3 (or None), bn1, bn2, in that order.
        raise NotImplementedError("residual_block: implement Residual.__init__ in exercises/residual_block.py")

    def forward(self, X: torch.Tensor) -> torch.Tensor:
        # TODO: the two convolutions, the shortcut, the addition, then the ReLU.
        raise NotImplementedError("residual_block: implement Residual.forward in exercises/residual_block.py")


def resnet18(in_channels: int = 1, num_classes: int = 10) -> nn.Module:
    """ResNet-18 as d2l builds it, returning logits (N, num_classes).

    Return nn.Sequential(b1, b2, b3, b4, b5, AdaptiveAvgPool2d((1, 1)), Flatten, Linear(512, num_classes)):
        b1 = Sequential(Conv2d(in_channels, 64, kernel_size=7, stride=2, padding=3), BatchNorm2d(64),
                        ReLU, MaxPool2d(kernel_size=3, stride=2, padding=1))
        b2 = Sequential(Residual(64, 64), Residual(64, 64))            # no 1x1 conv, no stride
        b3 = Sequential(Residual(64, 128, use_1x1conv=True, strides=2), Residual(128, 128))
        b4 = Sequential(Residual(128, 256, use_1x1conv=True, strides=2), Residual(256, 256))
        b5 = Sequential(Residual(256, 512, use_1x1conv=True, strides=2), Residual(512, 512))
    Any input side works (the average pooling is adaptive); a 224x224 input leaves 7x7 before it.
    With the defaults the network has 11,178,378 parameters (the checks count them on the meta
    device: nothing is allocated). The checks compare the forward pass with your weights copied
    into a reference, in eval and in train mode (BatchNorm behaves differently in each).
    nn layers are allowed; do not import torchvision or timm.
    """
    # TODO: b1, then four stages of two Residual blocks, then the head.
    raise NotImplementedError("residual_block: implement resnet18 in exercises/residual_block.py")
