"""Lets torch autograd compute the gradients."""
import numpy as np
import torch

EXPECTED_MISTAKE = "uses a library the exercise rules out"


def two_layer_mlp(x, y, W1, b1, W2, b2):
    t = {k: torch.from_numpy(v).requires_grad_() for k, v in dict(W1=W1, b1=b1, W2=W2, b2=b2).items()}
    logits = torch.relu(torch.from_numpy(x) @ t["W1"] + t["b1"]) @ t["W2"] + t["b2"]
    loss = torch.nn.functional.cross_entropy(logits, torch.from_numpy(np.asarray(y, dtype=np.int64)))
    loss.backward()
    return loss.item(), {k: v.grad.numpy() for k, v in t.items()}
