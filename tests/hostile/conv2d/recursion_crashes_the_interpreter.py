"""Lifts the recursion limit, then recurses in C (repr of a list nested 300,000 deep): the C stack
overflows and the process dies with SIGSEGV, no exception to catch."""
import sys

EXPECTED_REASON = "crash"
EXPECTED_MESSAGE = "killed by SIGSEGV"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    sys.setrecursionlimit(10**9)
    nested = []
    for _ in range(3 * 10**5):
        nested = [nested]
    return repr(nested)
