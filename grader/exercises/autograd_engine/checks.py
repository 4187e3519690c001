"""Checks of exercises/autograd_engine.py: expression graphs built with the learner's Value and with torch.

The oracle is torch autograd in float64: the same program (leaves, then operations on earlier nodes
and numbers, reusing nodes) is run on torch scalars with retain_grad() on every node, and every node's
value and gradient is compared. The classic mistakes are reproduced by a small graph simulator written
here (it only computes wrong answers): the same program as a list of nodes with their local
derivatives, walked backwards with a switch per mistake, on the graph as written and on the graph of
micrograd's compositions (a - b = a + (-1 * b), a / b = a * b ** -1, …), since a mistake's numbers
depend on which nodes an engine builds.
"""
from __future__ import annotations

import math
import operator
import random

import numpy as np
import torch

from grader.check import CheckFailure, Cases, LearnerCrash, call, describe, expect_close, mistakes

MISTAKE = mistakes("autograd_engine")
TOL = dict(rtol=1e-9, atol=1e-12)

BINARY = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}
UNARY = {"exp": lambda a: a.exp(), "log": lambda a: a.log(), "tanh": lambda a: a.tanh(),
         "relu": lambda a: a.relu(), "neg": operator.neg}


def c(value):
    """A number in a program (a constant), told apart from a node's index."""
    return ("c", value)


def is_const(ref) -> bool:
    return isinstance(ref, tuple)


# ---------------------------------------------------------------- running a program

def evaluate(program, leaf, progress=None):
    """Every node of `program` = (leaves, steps), built with `leaf` for the leaves: a list, leaves first."""
    leaves, steps = program
    nodes = [leaf(x) for x in leaves]
    for i, (op, x, y) in enumerate(steps):
        if progress is not None:
            progress[0] = i
        arg = lambda r: r[1] if is_const(r) else nodes[r]  # noqa: E731
        if op in BINARY:
            nodes.append(BINARY[op](arg(x), arg(y)))
        elif op == "**":
            nodes.append(arg(x) ** y)
        else:
            nodes.append(UNARY[op](arg(x)))
    return nodes


def learner_run(Value, program, passes, progress):
    nodes = evaluate(program, Value, progress)
    progress[0] = "backward"
    for _ in range(passes):
        nodes[-1].backward()
    return [float(v.data) for v in nodes], [float(v.grad) for v in nodes]


def run_learner(target, program, passes=1):
    """(values, gradients) of every node with the learner's Value; a crash names the mistake it reveals."""
    progress = [None]
    try:
        return call(learner_run, target.Value, program, passes, progress)
    except LearnerCrash as crash:
        text = str(crash)
        step = program[1][progress[0]] if isinstance(progress[0], int) else None
        if text.startswith("TypeError") and step and step[0] in BINARY and is_const(step[1]):
            crash.mistake = MISTAKE.reflected_missing  # a number on the left: int.__add__ gave up, no __radd__
        elif text.startswith("RecursionError"):
            crash.mistake = MISTAKE.recursion
        raise


def torch_run(program, passes=1):
    leaf = lambda x: torch.tensor(float(x), dtype=torch.float64, requires_grad=True)  # noqa: E731
    nodes = evaluate(program, leaf)
    for v in nodes[len(program[0]):]:
        v.retain_grad()
    for _ in range(passes):
        nodes[-1].backward(retain_graph=True)
    return [v.item() for v in nodes], [0.0 if v.grad is None else v.grad.item() for v in nodes]


# ---------------------------------------------------------------- the mistakes' simulator

class Graph:
    """The program as nodes (value, [(input, local derivative)]); `held[i]` is the node of the program's node i."""

    def __init__(self, program, decompose=False, relu0=0.0, tanh_from_input=False):
        self.data, self.inputs, self.held = [], [], []
        leaves, steps = program
        for x in leaves:
            self.held.append(self.node(float(x)))
        for op, x, y in steps:
            self.held.append(self.step(op, x, y, decompose, relu0, tanh_from_input))

    def node(self, value, inputs=()):
        self.data.append(value)
        self.inputs.append(list(inputs))
        return len(self.data) - 1

    def add(self, a, b):
        return self.node(self.data[a] + self.data[b], [(a, 1.0), (b, 1.0)])

    def mul(self, a, b):
        return self.node(self.data[a] * self.data[b], [(a, self.data[b]), (b, self.data[a])])

    def pow(self, a, p):
        return self.node(self.data[a] ** p, [(a, p * self.data[a] ** (p - 1))])

    def step(self, op, x, y, decompose, relu0, tanh_from_input):
        ref = lambda r: None if is_const(r) else self.held[r]  # noqa: E731
        val = lambda r: r[1] if is_const(r) else self.data[self.held[r]]  # noqa: E731
        X, Y = ref(x), (ref(y) if op in BINARY else None)
        if op in UNARY and op != "neg":
            a = self.data[X]
            value, d = {"exp": lambda: (math.exp(a), math.exp(a)), "log": lambda: (math.log(a), 1 / a),
                        "tanh": lambda: (math.tanh(a), 1 - (a * a if tanh_from_input else math.tanh(a) ** 2)),
                        "relu": lambda: (max(a, 0.0), 1.0 if a > 0 else relu0 if a == 0 else 0.0)}[op]()
            return self.node(value, [(X, d)])
        if op == "**":
            return self.pow(X, y)
        if not decompose:  # the operation as one node
            a, b = val(x), (val(y) if op in BINARY else None)
            value, da, db = {"+": lambda: (a + b, 1.0, 1.0), "-": lambda: (a - b, 1.0, -1.0),
                             "*": lambda: (a * b, b, a), "/": lambda: (a / b, 1 / b, -a / (b * b)),
                             "neg": lambda: (-a, -1.0, None)}[op]()
            return self.node(value, [(r, d) for r, d in ((X, da), (Y, db)) if r is not None])
        # micrograd's compositions; a number is wrapped in a Value (a leaf nobody sees)
        k = lambda v: self.node(float(v))  # noqa: E731
        if op == "neg":
            return self.mul(X, k(-1))
        if op in "+*":
            join = self.add if op == "+" else self.mul
            return join(X, Y) if X is not None and Y is not None else join(X if X is not None else Y, k(val(y if X is not None else x)))
        if op == "-":
            if Y is None:
                return self.add(X, k(-val(y)))  # a - c = a + (-c)
            neg = self.mul(Y, k(-1))
            return self.add(X, neg) if X is not None else self.add(neg, k(val(x)))  # c - b = (-b) + c
        if Y is None:
            return self.mul(X, k(val(y) ** -1))  # a / c = a * c ** -1
        inv = self.pow(Y, -1)
        return self.mul(X, inv) if X is not None else self.mul(inv, k(val(x)))  # c / b = b ** -1 * c

    def topo(self):
        """Depth-first postorder from the output, inputs in operand order (micrograd's build_topo)."""
        out = self.held[-1]
        order, seen, stack = [], {out}, [(out, iter(self.inputs[out]))]
        while stack:
            v, rest = stack[-1]
            for child, _ in rest:
                if child not in seen:
                    seen.add(child)
                    stack.append((child, iter(self.inputs[child])))
                    break
            else:
                stack.pop()
                order.append(v)
        return order

    def breadth_first(self):
        out = self.held[-1]
        order, seen, queue = [], {out}, [out]
        while queue:
            v = queue.pop(0)
            order.append(v)
            for child, _ in self.inputs[v]:
                if child not in seen:
                    seen.add(child)
                    queue.append(child)
        return order

    def grads(self, *, order="reverse", overwrite=False, seed=1.0, passes=1, stale=False):
        """The held nodes' gradients after `passes` backward calls, with the mistakes switched on."""
        g = [0.0] * len(self.data)
        topo = self.topo()
        visit = {"reverse": topo[::-1], "forward": topo, "breadth": self.breadth_first()}[order]
        total = [0.0] * len(self.data)
        for _ in range(passes):
            if not stale:
                g = [0.0] * len(self.data)
            g[self.held[-1]] = seed
            for v in visit:
                for child, d in self.inputs[v]:
                    g[child] = d * g[v] if overwrite else g[child] + d * g[v]
            total = g if stale else [a + b for a, b in zip(total, g)]
        return np.array([total[h] for h in self.held])


def simulated(program, *, decompose=(False, True), graph=None, **mode):
    return [lambda d=d: Graph(program, decompose=d, **(graph or {})).grads(**mode) for d in decompose]


def grad_variants(program):
    return {MISTAKE.overwrite: simulated(program, overwrite=True),
            MISTAKE.topo_order: simulated(program, order="forward") + simulated(program, order="breadth"),
            MISTAKE.no_seed: simulated(program, decompose=(False,), seed=0.0),
            MISTAKE.relu_at_zero: simulated(program, decompose=(False,), graph=dict(relu0=1.0)),
            MISTAKE.tanh_derivative: simulated(program, decompose=(False,), graph=dict(tanh_from_input=True))}


# ---------------------------------------------------------------- the checks

def show(program) -> str:
    leaves, steps = program
    name = lambda r: repr(r[1]) if is_const(r) else f"n{r}"  # noqa: E731
    lines = [f"n{i} = Value({x!r})" for i, x in enumerate(leaves)]
    for i, (op, x, y) in enumerate(steps, start=len(leaves)):
        if op in BINARY:
            lines.append(f"n{i} = {name(x)} {op} {name(y)}")
        elif op == "**":
            lines.append(f"n{i} = {name(x)} ** {y!r}")
        else:
            lines.append(f"n{i} = -{name(x)}" if op == "neg" else f"n{i} = {name(x)}.{op}()")
    if len(lines) > 14:
        lines = lines[:6] + [f"... ({len(lines) - 12} more)"] + lines[-6:]
    return "; ".join(lines) + f"; n{len(leaves) + len(steps) - 1}.backward()"


def check_program(target, program, passes=1, variants=None):
    case = describe(graph=show(program), backward_calls=passes)
    data, grads = run_learner(target, program, passes)
    e_data, e_grads = torch_run(program, passes)
    expect_close(np.array(data), torch.tensor(e_data, dtype=torch.float64), case=case, dtype=np.float64,
                 what="the values (.data of n0, n1, ...)", **TOL)
    expect_close(np.array(grads), torch.tensor(e_grads, dtype=torch.float64), case=case, dtype=np.float64,
                 what="the gradients (.grad of n0, n1, ...)",
                 mistakes=grad_variants(program) if variants is None else variants, **TOL)


def diamond():
    # c is used by d and by e: two paths of different lengths to f.
    return ([0.7, -1.2], [("*", 0, 1), ("+", 2, 0), ("tanh", 2, None), ("*", 3, 4)])


PROGRAMS = {
    "smallest: a leaf alone": ([3.0], []),
    "x * x: a node used twice in one operation": ([1.5], [("*", 0, 0)]),
    "x + x + x": ([-0.8], [("+", 0, 0), ("+", 1, 0)]),
    "a diamond: a node used by two others": diamond(),
    "numbers on both sides": ([1.3], [("+", c(2), 0), ("*", c(3), 1), ("-", c(1), 2), ("/", c(2), 3),
                                      ("/", 4, c(4)), ("-", 5, c(0.5)), ("*", 6, c(-2)), ("+", 7, c(1)),
                                      ("*", 8, 0)]),
    "every operation once": ([0.9, -0.6], [("exp", 0, None), ("log", 2, None), ("tanh", 1, None),
                                           ("relu", 0, None), ("**", 0, 3), ("**", 2, 0.5), ("**", 1, -2),
                                           ("neg", 1, None), ("/", 0, 1), ("-", 5, 6), ("+", 11, 10),
                                           ("*", 12, 7), ("+", 13, 8), ("+", 14, 9), ("*", 15, 3),
                                           ("+", 16, 4)]),
    "relu at 0 and below": ([0.0, -1.0, 2.0], [("relu", 0, None), ("relu", 1, None), ("relu", 2, None),
                                               ("+", 3, 4), ("+", 6, 5), ("*", 7, 2)]),
    "relu of x - x (exactly 0)": ([1.25], [("-", 0, 0), ("relu", 1, None), ("+", 2, 0)]),
    "a tanh neuron: tanh(w1 x1 + w2 x2 + b)": ([2.0, 0.0, -3.0, 1.0, 6.8813735870195432],
                                               [("*", 0, 2), ("*", 1, 3), ("+", 5, 6), ("+", 7, 4),
                                                ("tanh", 8, None)]),
    "a leaf the output does not use": ([1.0, 2.0], [("*", 0, 0), ("+", 2, c(1))]),
}


SAFE_CONSTANTS = [2, -3, 0.5, 1.5, -0.25, 4]


def random_program(seed, n_leaves=None, n_steps=None):
    """Leaves in [-2, 2], then operations on mostly recent nodes (and any earlier one: reuse) and numbers,
    each drawn again until its value stays in its domain and below 30 in magnitude."""
    rng = random.Random(seed)
    n_leaves = n_leaves or rng.randint(1, 4)
    n_steps = n_steps or rng.randint(5, 25)
    leaves = [round(rng.uniform(-2, 2), 3) for _ in range(n_leaves)]
    values, steps = list(leaves), []
    ops = ["+", "-", "*", "/", "**", "exp", "log", "tanh", "relu", "neg"]
    while len(steps) < n_steps:
        pick = lambda: len(values) - 1 - rng.randrange(min(3, len(values))) if rng.random() < 0.6 \
            else rng.randrange(len(values))  # noqa: E731
        op = rng.choice(ops)
        x, y = pick(), None
        try:
            if op in BINARY:
                y = pick()
                if rng.random() < 0.4:
                    x, y = (c(rng.choice(SAFE_CONSTANTS)), y) if rng.random() < 0.5 else (x, c(rng.choice(SAFE_CONSTANTS)))
                a, b = (r[1] if is_const(r) else values[r] for r in (x, y))
                if op == "/" and abs(b) < 0.5:
                    continue
                value = BINARY[op](a, b)
            elif op == "**":
                y = rng.choice([2, 3, -1, 0.5, 1.5, -2])
                a = values[x]
                if (y != int(y) and a < 0.2) or (y < 0 and abs(a) < 0.5):
                    continue
                value = a ** y
            else:
                a = values[x]
                if (op == "log" and a < 0.2) or (op == "exp" and a > 3):
                    continue
                value = {"exp": math.exp, "log": math.log, "tanh": math.tanh, "relu": lambda v: max(v, 0.0),
                         "neg": operator.neg}[op](a)
        except (ValueError, ZeroDivisionError, OverflowError):
            continue
        if abs(value) > 30:
            continue
        steps.append((op, x, y))
        values.append(value)
    return leaves, steps


CASES = Cases(lambda target, program: check_program(target, program), PROGRAMS,
              lambda seed: random_program(100 + seed), seeds=6, name="gradients match torch autograd",
              random_name="random expression graph")


def test_numbers_on_the_left(target):
    # 2 + v calls int.__add__(2, v) first, which gives up; Python then tries v.__radd__(2).
    for op, symbol in ((operator.add, "+"), (operator.sub, "-"), (operator.mul, "*"), (operator.truediv, "/")):
        case = describe(expression=f"2 {symbol} Value(4.0)")
        try:
            got = call(lambda: op(2, target.Value(4.0)))
        except LearnerCrash as crash:
            if str(crash).startswith("TypeError"):
                raise CheckFailure(f"2 {symbol} Value(4.0) raised {str(crash).splitlines()[0]}: define "
                                   f"__r{op.__name__}__ (a number on the left)",
                                   case=case, mistake=MISTAKE.reflected_missing) from None
            raise
        if not hasattr(got, "data") or not math.isclose(float(got.data), op(2, 4.0), rel_tol=1e-12):
            raise CheckFailure(f"2 {symbol} Value(4.0) gave {getattr(got, 'data', got)!r}, expected {op(2, 4.0)}",
                               case=case)


def deep_chain(n_ops=5000):
    """x, then x * 1.0002, + 0.01, * 1.0002, …: n_ops nodes in a line; d out / d x = 1.0002 ** (n_ops / 2)."""
    return ([1.0], [("*", i, c(1.0002)) if i % 2 == 0 else ("+", i, c(0.01)) for i in range(n_ops)])


def test_a_chain_of_5000_operations(target):
    program = deep_chain()
    case = describe(graph=show(program))
    try:
        data, grads = run_learner(target, program)
    except LearnerCrash as crash:
        if str(crash).startswith("RecursionError"):
            raise CheckFailure("backward() on a chain of 5000 nodes raised RecursionError: the topological "
                               "order must be built without recursion (an explicit stack), since Python "
                               "stops at about 1000 nested calls", case=case, mistake=MISTAKE.recursion) from None
        raise
    e_data, e_grads = torch_run(program)
    expect_close(np.array(grads), torch.tensor(e_grads, dtype=torch.float64), case=case, dtype=np.float64,
                 what="the gradients (.grad of n0, n1, ...)", mistakes=grad_variants(program), **TOL)


def test_backward_twice_accumulates(target):
    # torch: a second backward adds the same gradients again; every .grad doubles.
    for program in (diamond(), PROGRAMS["numbers on both sides"], random_program(7, 3, 15)):
        variants = {MISTAKE.second_backward: simulated(program, passes=2, stale=True) + simulated(program)}
        check_program(target, program, passes=2, variants=variants)
