"""LeNet-5 as the seeds' d2l notes build it, for 28x28 images."""
from __future__ import annotations

from torch import nn


def lenet() -> nn.Module:
    """LeNet for inputs of shape (N, 1, 28, 28) (Fashion-MNIST), returning logits of shape (N, 10).

    Layers, in this order (the checks copy weights into a reference in registration order, so
    build them in this order, e.g. as one nn.Sequential):
        Conv2d(1, 6, kernel_size=5, padding=2)  -> (N, 6, 28, 28)
        Sigmoid
        AvgPool2d(kernel_size=2, stride=2)      -> (N, 6, 14, 14)
        Conv2d(6, 16, kernel_size=5)            -> (N, 16, 10, 10)
        Sigmoid
        AvgPool2d(kernel_size=2, stride=2)      -> (N, 16, 5, 5)
        Flatten                                 -> (N, 400)
        Linear(16 * 5 * 5, 120), Sigmoid
        Linear(120, 84), Sigmoid
        Linear(84, 10)                          -> (N, 10)
    61,706 parameters in all. The checks compare the parameter count, the shapes of the
    parameters in order, every layer's output shape, and the forward pass with your weights
    copied into a reference. nn layers are allowed (the point is the architecture); do not
    import torchvision or timm.
    """
    # TODO: return nn.Sequential(...) with the layers above.
    raise NotImplementedError("lenet: implement it in exercises/lenet.py")
