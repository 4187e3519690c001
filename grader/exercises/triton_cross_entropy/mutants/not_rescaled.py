"""The running max is kept, but the sum so far is not rescaled when it grows."""
from _base import cross_entropy_kernel, launch

EXPECTED_MISTAKE = "running sum not rescaled"


def cross_entropy(logits, target):
    return launch(cross_entropy_kernel, logits, target, block=256, RESCALE=False)
