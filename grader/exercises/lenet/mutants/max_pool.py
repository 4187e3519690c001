"""Max pooling."""
from torch import nn

EXPECTED_MISTAKE = "max instead of average pooling"

def lenet():
    return nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.Sigmoid(), nn.MaxPool2d(2, 2), nn.Conv2d(6, 16, 5),
                         nn.Sigmoid(), nn.MaxPool2d(2, 2), nn.Flatten(), nn.Linear(400, 120), nn.Sigmoid(),
                         nn.Linear(120, 84), nn.Sigmoid(), nn.Linear(84, 10))
