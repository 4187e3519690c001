"""A flatten + Linear classifier in place of global average pooling."""
from torch import nn

EXPECTED_MISTAKE = "a Linear head instead of global average pooling"


def nin_block(in_channels, out_channels, kernel_size, strides, padding):
    return nn.Sequential(nn.Conv2d(in_channels, out_channels, kernel_size, strides, padding), nn.ReLU(),
                         nn.Conv2d(out_channels, out_channels, 1), nn.ReLU(), nn.Conv2d(out_channels, out_channels, 1),
                         nn.ReLU())


def nin(in_channels=1, num_classes=10):
    return nn.Sequential(nin_block(in_channels, 96, 11, 4, 0), nn.MaxPool2d(3, 2), nin_block(96, 256, 5, 1, 2),
                         nn.MaxPool2d(3, 2), nin_block(256, 384, 3, 1, 1), nn.MaxPool2d(3, 2), nn.Dropout(0.5),
                         nin_block(384, 384, 3, 1, 1), nn.Flatten(), nn.Linear(384 * 25, num_classes))
