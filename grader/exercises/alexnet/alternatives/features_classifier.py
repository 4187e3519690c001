"""torchvision's layout: a features block and a classifier block, functional dropout tied to self.training."""
import torch.nn.functional as F
from torch import nn


class AlexNet(nn.Module):
    def __init__(self, in_channels=1, num_classes=10):
        super().__init__()
        widths = [in_channels, 96, 256, 384, 384, 256]
        shapes = [(11, 4, 1), (5, 1, 2), (3, 1, 1), (3, 1, 1), (3, 1, 1)]
        self.convs = nn.ModuleList(nn.Conv2d(widths[i], widths[i + 1], k, s, p) for i, (k, s, p) in enumerate(shapes))
        self.fcs = nn.ModuleList([nn.Linear(6400, 4096), nn.Linear(4096, 4096), nn.Linear(4096, num_classes)])

    def forward(self, x):
        for i, conv in enumerate(self.convs):
            x = F.relu(conv(x))
            if i in (0, 1, 4):
                x = F.max_pool2d(x, 3, 2)
        x = x.flatten(1)
        for fc in self.fcs[:2]:
            x = F.dropout(F.relu(fc(x)), 0.5, self.training)
        return self.fcs[2](x)


def alexnet(in_channels=1, num_classes=10):
    return AlexNet(in_channels, num_classes)
