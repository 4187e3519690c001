"""Right answer, but by calling F.batch_norm itself."""
import torch.nn.functional as F

EXPECTED_MISTAKE = "calls the function it re-implements"


def batch_norm(x, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    return F.batch_norm(x, running_mean, running_var, weight, bias, training, momentum, eps)
