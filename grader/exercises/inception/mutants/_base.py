"""d2l's Inception layers; each mutant writes its own forward."""
import torch
import torch.nn.functional as F
from torch import nn


class Base(nn.Module):
    def __init__(self, in_channels, c1, c2, c3, c4):
        super().__init__()
        self.p1_1 = nn.Conv2d(in_channels, c1, 1)
        self.p2_1, self.p2_2 = nn.Conv2d(in_channels, c2[0], 1), nn.Conv2d(c2[0], c2[1], 3, padding=1)
        self.p3_1, self.p3_2 = nn.Conv2d(in_channels, c3[0], 1), nn.Conv2d(c3[0], c3[1], 5, padding=2)
        self.p4_1, self.p4_2 = nn.MaxPool2d(3, 1, 1), nn.Conv2d(in_channels, c4, 1)

    def branches(self, x, reduce=F.relu, out=F.relu):
        return [out(self.p1_1(x)), out(self.p2_2(reduce(self.p2_1(x)))), out(self.p3_2(reduce(self.p3_1(x)))),
                out(self.p4_2(self.p4_1(x)))]


__all__ = ["Base", "torch"]
