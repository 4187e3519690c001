"""Ends the interpreter with os._exit(0) while being imported: no exception to catch, the process is just gone."""
import os

EXPECTED_REASON = "crash"
EXPECTED_MESSAGE = "os._exit()"

os._exit(0)
