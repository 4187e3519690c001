"""The first convolution without padding (and a first Linear of 256 inputs to make it run)."""
from torch import nn

EXPECTED_MISTAKE = "padding 2 forgotten"

def lenet():
    return nn.Sequential(nn.Conv2d(1, 6, 5), nn.Sigmoid(), nn.AvgPool2d(2, 2), nn.Conv2d(6, 16, 5), nn.Sigmoid(),
                         nn.AvgPool2d(2, 2), nn.Flatten(), nn.Linear(16 * 4 * 4, 120), nn.Sigmoid(),
                         nn.Linear(120, 84), nn.Sigmoid(), nn.Linear(84, 10))
