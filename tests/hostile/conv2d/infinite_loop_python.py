"""An infinite loop in Python: the per-check time-out interrupts it."""
EXPECTED_REASON = "timeout"
EXPECTED_MESSAGE = "timed out"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    while True:
        pass
