"""No ReLU between and after the 1x1 convolutions."""
from torch import nn

EXPECTED_MISTAKE = "ReLU missing after the 1x1 convolutions"


def nin_block(in_channels, out_channels, kernel_size, strides, padding):
    return nn.Sequential(nn.Conv2d(in_channels, out_channels, kernel_size, strides, padding), nn.ReLU(),
                         nn.Conv2d(out_channels, out_channels, 1), nn.Conv2d(out_channels, out_channels, 1))


def nin(in_channels=1, num_classes=10):
    return nn.Sequential(nin_block(in_channels, 96, 11, 4, 0), nn.MaxPool2d(3, 2), nin_block(96, 256, 5, 1, 2),
                         nn.MaxPool2d(3, 2), nin_block(256, 384, 3, 1, 1), nn.MaxPool2d(3, 2), nn.Dropout(0.5),
                         nin_block(384, num_classes, 3, 1, 1), nn.AdaptiveAvgPool2d((1, 1)), nn.Flatten())
