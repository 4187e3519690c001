"""Ends the interpreter with os._exit(0) when called."""
import os

EXPECTED_REASON = "crash"
EXPECTED_MESSAGE = "os._exit()"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    os._exit(0)
