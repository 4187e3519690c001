"""The 1x1 convolution of the shortcut without stride=strides."""
from _base import Base, resnet18_of

EXPECTED_MISTAKE = "shortcut without the stride"


class Residual(Base):
    shortcut_stride = False


def resnet18(in_channels=1, num_classes=10):
    return resnet18_of(Residual, in_channels, num_classes)
