"""Right answer through `from torch.nn.functional import batch_norm as bn` (a renamed import)."""
from torch.nn.functional import batch_norm as bn

EXPECTED_MISTAKE = "calls the function it re-implements"


def batch_norm(x, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-5):
    return bn(x, running_mean, running_var, weight, bias, training, momentum, eps)
