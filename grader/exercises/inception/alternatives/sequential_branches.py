"""Each branch as an nn.Sequential held by the named attributes (same registration order)."""
import torch
from torch import nn


class Inception(nn.Module):
    def __init__(self, in_channels, c1, c2, c3, c4):
        super().__init__()
        self.p1_1 = nn.Conv2d(in_channels, c1, kernel_size=(1, 1))
        self.p2_1 = nn.Conv2d(in_channels, c2[0], 1)
        self.p2_2 = nn.Conv2d(c2[0], c2[1], 3, padding="same")
        self.p3_1 = nn.Conv2d(in_channels, c3[0], 1)
        self.p3_2 = nn.Conv2d(c3[0], c3[1], 5, padding="same")
        self.p4_1 = nn.MaxPool2d(3, stride=1, padding=1)
        self.p4_2 = nn.Conv2d(in_channels, c4, 1)
        relu = nn.ReLU()
        self.branches = [nn.Sequential(self.p1_1, relu), nn.Sequential(self.p2_1, relu, self.p2_2, relu),
                         nn.Sequential(self.p3_1, relu, self.p3_2, relu), nn.Sequential(self.p4_1, self.p4_2, relu)]

    def forward(self, x):
        return torch.cat([branch(x) for branch in self.branches], 1)
