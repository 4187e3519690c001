"""Debug a small GPT: this model runs, trains and returns a loss, and it has FOUR bugs. Find and fix them.

This is a debugging exercise: nothing here raises NotImplementedError. `grader run debug_gpt` lists a
"bug: …" check for each bug still present. Read the code against the spec below; no line tells you
where the bugs are. Fix them in place, keeping every class, attribute and argument name.

The intended model (nanoGPT-style, GPT-2 pre-norm blocks):

    GPTConfig(vocab_size=65, block_size=32, n_layer=2, n_head=4, n_embd=32), a dataclass.

    GPT(config), an nn.Module with, in this order:
        wte      nn.Embedding(vocab_size, n_embd)     token embedding
        wpe      nn.Embedding(block_size, n_embd)     learned position embedding
        blocks   nn.ModuleList of n_layer Block(config)
        ln_f     nn.LayerNorm(n_embd)                 final LayerNorm
        lm_head  nn.Linear(n_embd, vocab_size, bias=False)   (not tied to wte)

    Block(config): ln1 = nn.LayerNorm(n_embd), attn = CausalSelfAttention(config),
        ln2 = nn.LayerNorm(n_embd), mlp = MLP(config); forward: x = x + attn(ln1(x)), then
        x = x + mlp(ln2(x)).

    CausalSelfAttention(config): qkv = nn.Linear(n_embd, 3 * n_embd) (q, k, v in that order along the
        last axis), proj = nn.Linear(n_embd, n_embd); n_head heads of size hs = n_embd // n_head (head
        h is channels h*hs .. (h+1)*hs - 1 of q, k and v); scores q @ k.T / sqrt(hs); CAUSAL: position t
        attends to positions <= t only (the future gets weight exactly 0); softmax over the keys; the
        heads' outputs side by side, then proj. forward(x (B, T, n_embd)) -> (B, T, n_embd).

    MLP(config): fc = nn.Linear(n_embd, 4 * n_embd), GELU (tanh approximation),
        proj = nn.Linear(4 * n_embd, n_embd).

    GPT.forward(idx, targets=None) -> (logits, loss):
        idx (B, T) int64 token ids, T <= block_size. x = wte(idx) + wpe(positions 0..T-1), then
        every block, ln_f and lm_head: logits (B, T, vocab_size).
        targets: None, or (B, T) int64 labels ALIGNED WITH idx (HF's labels = input_ids convention;
        targets = idx is the usual call). The model shifts them itself: the logits at position t
        predict the token at t + 1, so loss = F.cross_entropy(logits[:, :-1], targets[:, 1:]),
        the mean over the B * (T - 1) predicted positions (as a 0-d tensor). Without targets the
        loss is None.

    No dropout; PyTorch's default initialisation; any dtype the model is cast to (the checks run it in
    float64, in eval mode, and train it in float32).

What the checks do: one "bug: …" check per bug, each looking at the part of the model where that bug
lives (the first block's input, the first attention on its own, the parameters' shapes, the loss of
your own logits); then your logits and loss against a GPT written in the checks from F.* ops with YOUR
weights, in float64; then 60 AdamW steps on one batch of 4 x 16 tokens, after which the loss of your
logits against the next tokens must be below 0.1. There is no speed check and no banned function.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import torch
import torch.nn.functional as F
from torch import nn

# TODO: the code below runs; find and fix its four bugs (the grader names each one still present).


@dataclass
class GPTConfig:
    """The model's sizes: vocab_size tokens, contexts of at most block_size positions, n_layer blocks,
    n_head attention heads and n_embd channels (n_embd divisible by n_head). The MLP's hidden width is
    4 * n_embd and each head has n_embd // n_head channels. Keep the field names and defaults."""

    vocab_size: int = 65
    block_size: int = 32
    n_layer: int = 2
    n_head: int = 4
    n_embd: int = 32


class CausalSelfAttention(nn.Module):
    def __init__(self, config: GPTConfig):
        super().__init__()
        self.n_head = config.n_head
        self.qkv = nn.Linear(config.n_embd, 3 * config.n_embd)
        self.proj = nn.Linear(config.n_embd, config.n_embd)
        T = config.block_size
        self.register_buffer("mask", torch.ones(T, T).tril().view(1, 1, T, T), persistent=False)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        B, T, C = x.shape
        q, k, v = self.qkv(x).split(C, dim=2)  # 3 x (B, T, C)
        q = q.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)  # (B, nh, T, hs)
        k = k.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)  # (B, nh, T, hs)
        v = v.view(B, T, self.n_head, C // self.n_head).transpose(1, 2)  # (B, nh, T, hs)
        att = q @ k.transpose(-2, -1) / math.sqrt(k.size(-1))  # (B, nh, T, T)
        att = att.masked_fill(self.mask[:, :, :T, :T] == 0, 0.0)
        att = att.softmax(dim=-1)
        y = att @ v  # (B, nh, T, hs)
        y = y.transpose(1, 2).contiguous().view(B, T, C)  # (B, T, C): heads side by side
        return self.proj(y)


class MLP(nn.Module):
    def __init__(self, config: GPTConfig):
        super().__init__()
        d_ff = 4 * config.n_head
        self.fc = nn.Linear(config.n_embd, d_ff)
        self.gelu = nn.GELU(approximate="tanh")
        self.proj = nn.Linear(d_ff, config.n_embd)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.proj(self.gelu(self.fc(x)))


class Block(nn.Module):
    def __init__(self, config: GPTConfig):
        super().__init__()
        self.ln1 = nn.LayerNorm(config.n_embd)
        self.attn = CausalSelfAttention(config)
        self.ln2 = nn.LayerNorm(config.n_embd)
        self.mlp = MLP(config)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x + self.attn(self.ln1(x))
        return x + self.mlp(self.ln2(x))


class GPT(nn.Module):
    """A small GPT language model: embeddings, n_layer pre-norm blocks, a final LayerNorm and a linear
    head. forward(idx, targets=None) -> (logits (B, T, vocab_size), loss or None), exactly as the
    module's docstring specifies (attribute names, shapes, the loss's shift). It runs as it is, and
    four things in this file are wrong."""

    def __init__(self, config: GPTConfig):
        super().__init__()
        self.config = config
        self.wte = nn.Embedding(config.vocab_size, config.n_embd)
        self.wpe = nn.Embedding(config.block_size, config.n_embd)
        self.blocks = nn.ModuleList(Block(config) for _ in range(config.n_layer))
        self.ln_f = nn.LayerNorm(config.n_embd)
        self.lm_head = nn.Linear(config.n_embd, config.vocab_size, bias=False)

    def forward(self, idx: torch.Tensor, targets: torch.Tensor | None = None):
        B, T = idx.shape
        pos = torch.arange(T, device=idx.device)  # (T,)
        tok_emb = self.wte(idx)  # (B, T, n_embd)
        pos_emb = self.wpe(pos)  # (T, n_embd)
        x = tok_emb
        for block in self.blocks:
            x = block(x)
        logits = self.lm_head(self.ln_f(x))  # (B, T, vocab_size)
        loss = None
        if targets is not None:
            loss = F.cross_entropy(logits.reshape(-1, logits.size(-1)), targets.reshape(-1))
        return logits, loss
