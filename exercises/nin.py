"""Network in Network (NiN), as the seeds' d2l notes build it."""
from __future__ import annotations

from torch import nn


def nin_block(in_channels: int, out_channels: int, kernel_size, strides, padding) -> nn.Sequential:
    """Conv2d(in_channels, out_channels, kernel_size, strides, padding), ReLU, then two 1x1
    convolutions Conv2d(out_channels, out_channels, kernel_size=1), each followed by ReLU.

    The 1x1 convolutions are a small MLP applied at every pixel, across channels: they keep
    the height and width. Six layers, in this order.
    """
    # TODO: return nn.Sequential(...) with the six layers.
    raise NotImplementedError("nin: implement nin_block in exercises/nin.py")


def nin(in_channels: int = 1, num_classes: int = 10) -> nn.Module:
    """NiN for inputs (N, in_channels, 224, 224), returning logits (N, num_classes):

        nin_block(in_channels, 96, kernel_size=11, strides=4, padding=0), MaxPool2d(3, stride=2)
        nin_block(96, 256, kernel_size=5, strides=1, padding=2),          MaxPool2d(3, stride=2)
        nin_block(256, 384, kernel_size=3, strides=1, padding=1),         MaxPool2d(3, stride=2)
        Dropout(0.5)
        nin_block(384, num_classes, kernel_size=3, strides=1, padding=1)  -> (N, num_classes, 5, 5)
        AdaptiveAvgPool2d((1, 1)), Flatten                                -> (N, num_classes)

    No fully connected layer: the last block makes one channel per class and global average
    pooling turns each channel into its logit. One nn.Sequential in this order (the checks copy
    weights into a reference in registration order). The checks compare parameter counts and
    shapes, every weighted layer's output shape, and the forward pass in eval and train mode
    (dropout masks after the same seed). nn layers are allowed; do not import torchvision or timm.
    """
    # TODO: the four blocks with pooling and dropout between them, then global average pooling.
    raise NotImplementedError("nin: implement nin in exercises/nin.py")
