"""No ReLU anywhere in the block."""
import torch

from torch import nn

EXPECTED_MISTAKE = "no ReLU in the branches"


class Inception(nn.Module):
    def __init__(self, in_channels, c1, c2, c3, c4):
        super().__init__()
        self.p1_1 = nn.Conv2d(in_channels, c1, 1)
        self.p2_1, self.p2_2 = nn.Conv2d(in_channels, c2[0], 1), nn.Conv2d(c2[0], c2[1], 3, padding=1)
        self.p3_1, self.p3_2 = nn.Conv2d(in_channels, c3[0], 1), nn.Conv2d(c3[0], c3[1], 5, padding=2)
        self.p4_1, self.p4_2 = nn.MaxPool2d(3, 1, 1), nn.Conv2d(in_channels, c4, 1)

    def forward(self, x):
        p1 = self.p1_1(x)
        p2 = self.p2_2(self.p2_1(x))
        p3 = self.p3_2(self.p3_1(x))
        p4 = self.p4_2(self.p4_1(x))
        return torch.cat((p1, p2, p3, p4), dim=1)
