"""nn.ReLU modules and torch.add; the stages from a table in a loop, the whole network as one Sequential of blocks."""
import torch
from torch import nn


class Residual(nn.Module):
    def __init__(self, input_channels, num_channels, use_1x1conv=False, strides=1):
        super().__init__()
        conv = lambda a, b, k, s=1: nn.Conv2d(a, b, (k, k), stride=(s, s), padding=k // 2)  # noqa: E731
        self.conv1 = conv(input_channels, num_channels, 3, strides)
        self.conv2 = conv(num_channels, num_channels, 3)
        self.conv3 = conv(input_channels, num_channels, 1, strides) if use_1x1conv else None
        self.bn1 = nn.BatchNorm2d(num_channels, eps=1e-5, momentum=0.1)
        self.bn2 = nn.BatchNorm2d(num_channels)
        self.relu = nn.ReLU(inplace=True)

    def forward(self, X):
        shortcut = X if self.conv3 is None else self.conv3(X)
        out = self.bn2(self.conv2(self.relu(self.bn1(self.conv1(X)))))
        return self.relu(torch.add(out, shortcut))


def resnet18(in_channels=1, num_classes=10):
    layers = [nn.Conv2d(in_channels, 64, 7, 2, 3), nn.BatchNorm2d(64), nn.ReLU(inplace=True), nn.MaxPool2d(3, 2, 1)]
    c_in = 64
    for c, stride in ((64, 1), (128, 2), (256, 2), (512, 2)):
        layers += [Residual(c_in, c, use_1x1conv=stride != 1, strides=stride), Residual(c, c)]
        c_in = c
    return nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(c_in, num_classes))
