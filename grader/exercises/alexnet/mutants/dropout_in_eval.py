"""Functional dropout with its default training=True."""
import torch
from torch import nn

EXPECTED_MISTAKE = "dropout active in eval mode"

class AlexNet(nn.Module):
    def __init__(self, in_channels, num_classes):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(in_channels, 96, 11, 4, 1), nn.ReLU(), nn.MaxPool2d(3, 2), nn.Conv2d(96, 256, 5, padding=2),
            nn.ReLU(), nn.MaxPool2d(3, 2), nn.Conv2d(256, 384, 3, padding=1), nn.ReLU(),
            nn.Conv2d(384, 384, 3, padding=1), nn.ReLU(), nn.Conv2d(384, 256, 3, padding=1), nn.ReLU(),
            nn.MaxPool2d(3, 2), nn.Flatten())
        self.fc1, self.fc2, self.fc3 = nn.Linear(6400, 4096), nn.Linear(4096, 4096), nn.Linear(4096, num_classes)

    def forward(self, x):
        x = torch.nn.functional.dropout(torch.relu(self.fc1(self.features(x))), 0.5)
        x = torch.nn.functional.dropout(torch.relu(self.fc2(x)), 0.5)
        return self.fc3(x)


def alexnet(in_channels=1, num_classes=10):
    return AlexNet(in_channels, num_classes)
