"""Right answer, by calling F.dropout itself."""
from torch.nn import functional

EXPECTED_MISTAKE = "calls the function it re-implements"


def dropout(x, p=0.5, training=True):
    return functional.dropout(x, p, training)
