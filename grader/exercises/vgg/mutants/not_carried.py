"""Every block starts from the input channels."""
from torch import nn

EXPECTED_MISTAKE = "channels not carried between blocks"

def vgg_block(num_convs, in_channels, out_channels):
    layers = []
    for _ in range(num_convs):
        layers += [nn.Conv2d(in_channels, out_channels, 3, padding=1), nn.ReLU()]
        in_channels = out_channels
    return nn.Sequential(*layers, nn.MaxPool2d(2, 2))


def vgg(conv_arch, in_channels=1, num_classes=10):
    blocks = [vgg_block(n, in_channels, out) for n, out in conv_arch]
    return nn.Sequential(*blocks, nn.Flatten(), nn.Linear(conv_arch[-1][1] * 49, 4096), nn.ReLU(), nn.Dropout(0.5),
                         nn.Linear(4096, 4096), nn.ReLU(), nn.Dropout(0.5), nn.Linear(4096, num_classes))
