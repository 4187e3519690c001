"""Blocks from comprehensions; the channel pairs zipped from the architecture."""
from torch import nn


def vgg_block(num_convs, in_channels, out_channels):
    widths = [in_channels] + [out_channels] * num_convs
    convs = [m for a, b in zip(widths, widths[1:]) for m in (nn.Conv2d(a, b, (3, 3), padding="same"), nn.ReLU(True))]
    return nn.Sequential(*convs, nn.MaxPool2d(2))


def vgg(conv_arch, in_channels=1, num_classes=10):
    ins = [in_channels] + [c for _, c in conv_arch[:-1]]
    features = [vgg_block(n, c_in, c_out) for (n, c_out), c_in in zip(conv_arch, ins)]
    last = conv_arch[-1][1]
    head = [nn.Flatten(1), nn.Linear(last * 7 * 7, 4096), nn.ReLU(True), nn.Dropout(),
            nn.Linear(4096, 4096), nn.ReLU(True), nn.Dropout(), nn.Linear(4096, num_classes)]
    return nn.Sequential(*features, *head)
