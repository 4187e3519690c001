"""bn2 applied to the sum, after the addition."""
from _base import Base, F, resnet18_of

EXPECTED_MISTAKE = "BatchNorm after the addition"


class Residual(Base):
    def forward(self, X):
        Y = self.conv2(F.relu(self.bn1(self.conv1(X))))
        return F.relu(self.bn2(Y + (X if self.conv3 is None else self.conv3(X))))


def resnet18(in_channels=1, num_classes=10):
    return resnet18_of(Residual, in_channels, num_classes)
