"""2x2 pooling with stride 2, and a head sized to match (256 * 6 * 6)."""
import torch
from torch import nn

EXPECTED_MISTAKE = "non-overlapping pooling"

def alexnet(in_channels=1, num_classes=10):
    return nn.Sequential(
        nn.Conv2d(in_channels, 96, 11, 4, 1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(96, 256, 5, padding=2), nn.ReLU(),
        nn.MaxPool2d(2), nn.Conv2d(256, 384, 3, padding=1), nn.ReLU(), nn.Conv2d(384, 384, 3, padding=1), nn.ReLU(),
        nn.Conv2d(384, 256, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(),
        nn.Linear(256 * 6 * 6, 4096), nn.ReLU(), nn.Dropout(0.5), nn.Linear(4096, 4096), nn.ReLU(), nn.Dropout(0.5),
        nn.Linear(4096, num_classes))
