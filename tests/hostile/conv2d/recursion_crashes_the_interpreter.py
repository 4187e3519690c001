"""Lifts the recursion limit and recurses until the C stack overflows: the process dies with SIGSEGV."""
import sys

EXPECTED_REASON = "crash"
EXPECTED_MESSAGE = "killed by SIGSEGV"


def _deeper(n):
    return _deeper(n + 1) + 1


def conv2d(x, weight, bias=None, stride=1, padding=0):
    sys.setrecursionlimit(10**9)
    return _deeper(0)
