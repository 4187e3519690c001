"""The features kept in a list and concatenated for each block; the layers from an OrderedDict."""
from collections import OrderedDict

import torch
from torch import nn


class DenseBlock(nn.Module):
    def __init__(self, num_convs, input_channels, num_channels):
        super().__init__()
        self.net = nn.Sequential(*[
            nn.Sequential(OrderedDict(norm=nn.BatchNorm2d(c), relu=nn.ReLU(inplace=True),
                                      conv=nn.Conv2d(c, num_channels, (3, 3), padding="same")))
            for c in range(input_channels, input_channels + num_convs * num_channels, num_channels)])

    def forward(self, X):
        features = [X]
        for layer in self.net:
            features.append(layer(torch.cat(features, 1)))
        return torch.cat(features, 1)


def transition_block(input_channels, num_channels):
    return nn.Sequential(OrderedDict(norm=nn.BatchNorm2d(input_channels), relu=nn.ReLU(inplace=True),
                                     conv=nn.Conv2d(input_channels, num_channels, 1), pool=nn.AvgPool2d(2)))
