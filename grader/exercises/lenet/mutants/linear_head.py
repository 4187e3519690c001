"""The classifier's Linear layers with no activation between them."""
from torch import nn

EXPECTED_MISTAKE = "no sigmoid between the fully connected layers"


def lenet():
    return nn.Sequential(nn.Conv2d(1, 6, 5, padding=2), nn.Sigmoid(), nn.AvgPool2d(2, 2), nn.Conv2d(6, 16, 5),
                         nn.Sigmoid(), nn.AvgPool2d(2, 2), nn.Flatten(), nn.Linear(400, 120), nn.Linear(120, 84),
                         nn.Linear(84, 10))
