"""Switches off the per-check alarm, then loops: the whole-run limit still kills it."""
import signal

EXPECTED_REASON = "timeout"
EXPECTED_MESSAGE = "did not finish within"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    signal.signal(signal.SIGALRM, signal.SIG_IGN)
    signal.setitimer(signal.ITIMER_REAL, 0)
    while True:
        pass
