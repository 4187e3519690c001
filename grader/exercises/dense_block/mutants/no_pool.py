"""A transition block without its AvgPool2d."""
from _base import Base, transition

EXPECTED_MISTAKE = "transition without pooling"

DenseBlock = Base


def transition_block(input_channels, num_channels):
    return transition(input_channels, num_channels, pool=False)
