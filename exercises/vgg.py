"""VGG from repeated blocks, as the seeds' d2l notes build it."""
from __future__ import annotations

from torch import nn


def vgg_block(num_convs: int, in_channels: int, out_channels: int) -> nn.Sequential:
    """num_convs times [Conv2d(3x3, padding=1), ReLU], then one MaxPool2d(kernel_size=2, stride=2).

    The first convolution maps in_channels to out_channels, the others out_channels to
    out_channels. The convolutions keep the height and width; the single pooling at the END of
    the block halves them: (N, in_channels, H, W) -> (N, out_channels, H // 2, W // 2).
    """
    # TODO: build the layers in a list, then return nn.Sequential(*layers).
    raise NotImplementedError("vgg: implement vgg_block in exercises/vgg.py")


def vgg(conv_arch, in_channels: int = 1, num_classes: int = 10) -> nn.Module:
    """VGG: one vgg_block per (num_convs, out_channels) pair of conv_arch, then the classifier.

    conv_arch, e.g. VGG-11's ((1, 64), (1, 128), (2, 256), (2, 512), (2, 512)). Each block's
    input channels are the previous block's output channels (in_channels for the first).
    After the blocks: Flatten, Linear(out_channels_of_last_block * 7 * 7, 4096), ReLU,
    Dropout(0.5), Linear(4096, 4096), ReLU, Dropout(0.5), Linear(4096, num_classes).
    The input side is 7 * 2**len(conv_arch) (224 for five blocks, 28 for two), so that the
    blocks leave 7x7. Return nn.Sequential(block_1, ..., block_n, Flatten, ...), in that order:
    the checks copy weights into a reference in registration order. VGG-11 with the defaults
    has 128,806,154 parameters (counted on the meta device: nothing is allocated).
    nn layers are allowed; do not import torchvision or timm.
    """
    # TODO: the blocks (carrying the channels from one to the next), then the classifier.
    raise NotImplementedError("vgg: implement vgg in exercises/vgg.py")
