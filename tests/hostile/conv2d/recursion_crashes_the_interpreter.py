"""Lifts the recursion limit, then recurses in C (comparing two lists nested 400,000 deep): the C
stack overflows and the process dies with SIGSEGV, no exception to catch. (Comparison, not repr:
repr's cycle guard makes each level cost more than the last, slow enough to hit the time limit on a
busy machine before the stack runs out.)"""
import gc
import sys

EXPECTED_REASON = "crash"
EXPECTED_MESSAGE = "killed by SIGSEGV"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    sys.setrecursionlimit(10**9)
    gc.disable()  # building the lists stays fast on a busy machine
    left, right = [], []
    for _ in range(4 * 10**5):
        left, right = [left], [right]
    return left == right
