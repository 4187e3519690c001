"""Calls pytest.skip from inside the function: a skip the learner asks for is not a pass."""
import pytest

EXPECTED_REASON = "crash"
EXPECTED_MESSAGE = "Skipped"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    pytest.skip("nothing to see here")
