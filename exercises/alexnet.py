"""AlexNet in the seeds' d2l single-tower form, for 224x224 images."""
from __future__ import annotations

from torch import nn


def alexnet(in_channels: int = 1, num_classes: int = 10) -> nn.Module:
    """AlexNet for inputs (N, in_channels, 224, 224), returning logits (N, num_classes).

    Layers, in this order (the checks copy weights into a reference in registration order):
        Conv2d(in_channels, 96, kernel_size=11, stride=4, padding=1), ReLU  -> (N, 96, 54, 54)
        MaxPool2d(kernel_size=3, stride=2)                                 -> (N, 96, 26, 26)
        Conv2d(96, 256, kernel_size=5, padding=2), ReLU, MaxPool2d(3, 2)   -> (N, 256, 12, 12)
        Conv2d(256, 384, kernel_size=3, padding=1), ReLU
        Conv2d(384, 384, kernel_size=3, padding=1), ReLU
        Conv2d(384, 256, kernel_size=3, padding=1), ReLU, MaxPool2d(3, 2)  -> (N, 256, 5, 5)
        Flatten                                                            -> (N, 6400)
        Linear(6400, 4096), ReLU, Dropout(p=0.5)
        Linear(4096, 4096), ReLU, Dropout(p=0.5)
        Linear(4096, num_classes)
    The pooling windows overlap (3x3 with stride 2), as in the paper. Dropout is active in
    train mode only (nn.Dropout does that): in eval mode the network is deterministic.
    The checks compare the parameter count and shapes (46,764,746 for the defaults), every
    weighted layer's output shape, and the forward pass with your weights copied into a
    reference, in eval mode and in train mode (the same dropout masks after the same seed).
    nn layers are allowed; do not import torchvision or timm.
    """
    # TODO: return nn.Sequential(...) with the layers above.
    raise NotImplementedError("alexnet: implement it in exercises/alexnet.py")
