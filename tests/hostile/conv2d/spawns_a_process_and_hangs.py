"""Starts a long-lived process of its own, then hangs: the whole process group is killed."""
import os
import subprocess
import time

EXPECTED_REASON = "timeout"
EXPECTED_MESSAGE = "timed out"


def conv2d(x, weight, bias=None, stride=1, padding=0):
    child = subprocess.Popen(["sleep", "600"])
    pid_file = os.environ.get("HOSTILE_PID_FILE")
    if pid_file:
        with open(pid_file, "w") as f:
            f.write(str(child.pid))
    time.sleep(3600)
