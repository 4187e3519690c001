"""GoogLeNet's Inception block, as the seeds' d2l notes build it."""
from __future__ import annotations

import torch
from torch import nn


class Inception(nn.Module):
    """Four parallel branches over the same input, concatenated along the channels.

    __init__(in_channels, c1, c2, c3, c4), with c2 and c3 pairs. Attributes, created in this
    order (the checks copy weights into a reference in registration order and by these names):
        self.p1_1 = Conv2d(in_channels, c1, kernel_size=1)                # branch 1: 1x1
        self.p2_1 = Conv2d(in_channels, c2[0], kernel_size=1)             # branch 2: 1x1 reduction,
        self.p2_2 = Conv2d(c2[0], c2[1], kernel_size=3, padding=1)        #           then 3x3
        self.p3_1 = Conv2d(in_channels, c3[0], kernel_size=1)             # branch 3: 1x1 reduction,
        self.p3_2 = Conv2d(c3[0], c3[1], kernel_size=5, padding=2)        #           then 5x5
        self.p4_1 = MaxPool2d(kernel_size=3, stride=1, padding=1)         # branch 4: 3x3 max pool,
        self.p4_2 = Conv2d(in_channels, c4, kernel_size=1)                #           then 1x1

    forward(x), x (N, in_channels, H, W): every convolution is followed by ReLU, the 1x1
    reductions included (the pooling is not); each branch keeps H and W. Return
    torch.cat((p1, p2, p3, p4), dim=1), in THAT order: (N, c1 + c2[1] + c3[1] + c4, H, W).
    The checks compare parameter count and shapes, the output, train and eval mode. nn layers
    are allowed; do not import torchvision or timm.
    """

    def __init__(self, in_channels: int, c1: int, c2: tuple[int, int], c3: tuple[int, int], c4: int) -> None:
        super().__init__()
        # TODO: the seven layers above, in that order.
        raise NotImplementedError("inception: implement Inception.__init__ in exercises/inception.py")

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        # TODO: the four branches with their ReLUs, concatenated on dim=1 in branch order.
        raise NotImplementedError("inception: implement Inception.forward in exercises/inception.py")
