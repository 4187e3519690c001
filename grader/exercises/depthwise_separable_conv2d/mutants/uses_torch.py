"""Right answer through torch itself: the rules check rejects it."""
import torch
import torch.nn.functional as F

EXPECTED_MISTAKE = "uses a library the exercise rules out"


def depthwise_separable_conv2d(x, depthwise_weight, pointwise_weight, stride=1, padding=0):
    X = torch.from_numpy(x)
    y = F.conv2d(X, torch.from_numpy(depthwise_weight), stride=stride, padding=padding, groups=x.shape[1])
    return F.conv2d(y, torch.from_numpy(pointwise_weight)).numpy()
