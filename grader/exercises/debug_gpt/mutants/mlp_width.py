"""The fixed model with one bug: the MLP's hidden width is 4 * n_head instead of 4 * n_embd (it still runs)."""
from torch import nn
from _base import fixed

EXPECTED_MISTAKE = "bug: MLP projection of the wrong width"

_m = fixed("mlp_width")
GPTConfig, GPT = _m.GPTConfig, _m.GPT


class MLP(_m.MLP):
    def __init__(self, config):
        nn.Module.__init__(self)
        d_ff = 4 * config.n_head  # the bug
        self.fc = nn.Linear(config.n_embd, d_ff)
        self.gelu = nn.GELU(approximate="tanh")
        self.proj = nn.Linear(d_ff, config.n_embd)


_m.MLP = MLP  # what the copy's Block builds
