"""ReLU activations."""
from torch import nn

EXPECTED_MISTAKE = "ReLU instead of sigmoid"

def lenet():
    return nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.ReLU(), nn.AvgPool2d(2, 2), nn.Conv2d(6, 16, 5),
                         nn.ReLU(), nn.AvgPool2d(2, 2), nn.Flatten(), nn.Linear(400, 120), nn.ReLU(),
                         nn.Linear(120, 84), nn.ReLU(), nn.Linear(84, 10))
