"""The rules: a call into the library the exercise re-implements is caught, by any import route and at
run time; a name the learner defines is never banned; every rule is stated in the stub."""
from __future__ import annotations

import re
import textwrap

import pytest

from conftest import CATALOG, ROOT, run_checks, summary
from grader import dev
from grader.check import BANNED, BANNED_LIBRARY, rule_findings
from grader.results import Outcome


def learner_file(tmp_path, name, source, **helpers):
    """exercises/NAME.py written from `source` in a fresh folder, with helper modules beside it."""
    for module, text in helpers.items():
        (tmp_path / f"{module}.py").write_text(textwrap.dedent(text))
    path = tmp_path / f"{name}.py"
    path.write_text(textwrap.dedent(source))
    return path


def solution_renamed(name: str, to: str) -> str:
    """The reference solution's source with its function renamed: a correct body to wrap."""
    return (ROOT / "solutions" / f"{name}.py").read_text().replace(f"def {name}(", f"def {to}(")


# -- a name the learner defines is never banned ------------------------------------------------

OWN_NAMES = {
    "dropout": """
        import torch


        class Dropout:
            def __init__(self, p):
                self.dropout = p  # the module's own attribute, named like torch's function

            def __call__(self, x):
                keep = torch.rand_like(x) >= self.dropout
                return x * keep / (1 - self.dropout)


        def dropout(x, p=0.5, training=True):
            if not training or p == 0:
                return x
            if p == 1:
                return torch.zeros_like(x)
            return Dropout(p)(x)
        """,
    "scaled_dot_product_attention": solution_renamed("scaled_dot_product_attention", "_attend") + """

class Attention:
    def scaled_dot_product_attention(self, *args, **kwargs):  # a helper method named like torch's
        return _attend(*args, **kwargs)


def scaled_dot_product_attention(query, key, value, attn_mask=None, is_causal=False, scale=None):
    return Attention().scaled_dot_product_attention(query, key, value, attn_mask, is_causal, scale)
""",
    "layer_norm": solution_renamed("layer_norm", "_normalise") + """

class Norm:
    def __init__(self):
        self.layer_norm = _normalise  # an attribute named like torch's function
        self.batch_norm = None


def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
    return Norm().layer_norm(x, normalized_shape, weight, bias, eps)
""",
}


@pytest.mark.parametrize("name", list(OWN_NAMES))
def test_correct_code_naming_its_own_attribute_or_helper_like_the_banned_function_passes(tmp_path, name):
    result = run_checks(name, learner_file(tmp_path, name, OWN_NAMES[name]))
    assert result.passed, summary(result)


def test_a_local_variable_named_like_the_function_is_not_a_call(tmp_path):
    path = learner_file(tmp_path, "conv2d", """
        import numpy as np

        def conv2d(x, weight, bias=None, stride=1, padding=0):
            conv2d = np.zeros(1)  # a local variable
            return conv2d
        """)
    assert rule_findings(path, CATALOG.get("conv2d").rules) == []


# -- a banned function is caught through whatever its name is bound to -------------------------

@pytest.mark.parametrize("source, expected", [
    ("from torch.nn import functional as G\ndef dropout(x, p, training):\n    return G.dropout(x, p)\n",
     "line 3: calls torch.nn.functional.dropout (written G.dropout)"),
    ("import torch.nn.functional as F2\ndef dropout(x, p, training):\n    return F2.dropout(x, p)\n",
     "line 3: calls torch.nn.functional.dropout (written F2.dropout)"),
    ("from torch import nn\ndef dropout(x, p, training):\n    return nn.functional.dropout(x, p)\n",
     "line 3: calls torch.nn.functional.dropout (written nn.functional.dropout)"),
    ("import torch\nF = torch.nn.functional\nd = getattr(F, 'dropout')\n",
     "line 3: uses torch.nn.functional.dropout (written getattr(F, 'dropout'))"),
    ("from torch.nn.functional import dropout as drop\n",
     "line 1: imports torch.nn.functional.dropout (from torch.nn.functional import dropout as drop)"),
    ("import torch\ndef dropout(x, p, training):\n    return torch.ops.aten.native_dropout(x, p, True)[0]\n",
     "line 3: calls torch.ops.aten.native_dropout"),
])
def test_aliased_imports_of_a_banned_function_are_caught(tmp_path, source, expected):
    found = rule_findings(learner_file(tmp_path, "dropout", source), CATALOG.get("dropout").rules)
    assert expected in [str(f) for f in found]
    assert not any(f.library for f in found)


@pytest.mark.parametrize("source", [
    "from torch.nn import functional as G\nG.conv2d\n",
    "import torch.nn.functional as F2\nF2.conv2d\n",
    "import importlib\nimportlib.import_module('torch')\n",
    "__import__('torch.nn')\n",
])
def test_a_banned_library_is_caught_by_any_static_import_route(tmp_path, source):
    found = rule_findings(learner_file(tmp_path, "conv2d", source), CATALOG.get("conv2d").rules)
    assert found and all(f.library and "imports torch" in str(f) for f in found), found


def test_an_unused_import_is_reported_as_an_import_with_its_line_never_as_a_call(tmp_path):
    path = learner_file(tmp_path, "conv_output_size", """\
        import torch


        def conv_output_size(size, kernel_size, stride=1, padding=0, dilation=1):
            return (size + 2 * padding - dilation * (kernel_size - 1) - 1) // stride + 1
        """)
    result = run_checks("conv_output_size", path)
    rules = next(c for c in result.checks if c.name == "uses no torch")
    assert rules.outcome == Outcome.FAILED and rules.mistake.name == BANNED_LIBRARY.name
    assert "line 1: imports torch" in rules.message and "calls" not in rules.message
    assert [c.name for c in result.checks if c.outcome.bad] == ["uses no torch"], summary(result)


# -- library use is caught where it happens, while the learner's code runs ---------------------

SOFTMAX_THROUGH_TORCH = "    return lib.softmax(lib.from_numpy(np.asarray(x)), dim=axis).numpy()\n"


@pytest.mark.parametrize("route, source, helpers", [
    ("importlib", "import importlib\nimport numpy as np\n\ndef softmax(x, axis=-1):\n"
                  "    lib = importlib.import_module('to' + 'rch')\n" + SOFTMAX_THROUGH_TORCH, {}),
    ("__import__", "import numpy as np\n\ndef softmax(x, axis=-1):\n"
                   "    lib = __import__('to' + 'rch')\n" + SOFTMAX_THROUGH_TORCH, {}),
    ("sys.modules", "import sys\nimport numpy as np\n\ndef softmax(x, axis=-1):\n"
                    "    lib = sys.modules['to' + 'rch']\n" + SOFTMAX_THROUGH_TORCH, {}),
    ("a helper module", "import numpy as np\nfrom softmax_helper import lib\n\ndef softmax(x, axis=-1):\n"
                        + SOFTMAX_THROUGH_TORCH, {"softmax_helper": "import torch as lib\n"}),
])
def test_a_numpy_exercise_that_reaches_torch_at_run_time_fails_naming_the_rule(tmp_path, route, source, helpers):
    result = run_checks("softmax", learner_file(tmp_path, "softmax", source, **helpers))
    assert not result.passed, route
    rules = next(c for c in result.checks if c.name == "uses numpy only")
    assert rules.outcome == Outcome.FAILED and rules.mistake.name == BANNED_LIBRARY.name, summary(result)
    assert re.search(r"line \d+: called torch\.softmax at run time", rules.message), rules.message
    # ... and the check during which it happened names it too, rather than passing.
    first = result.first_problem
    assert first.mistake and first.mistake.name == BANNED_LIBRARY.name, summary(result)


def test_a_numpy_exercise_that_only_switches_a_torch_setting_computes_nothing_with_it_and_passes(tmp_path):
    """torch.set_grad_enabled goes through torch's function modes too; no tensor in or out, no finding."""
    path = learner_file(tmp_path, "softmax", solution_renamed("softmax", "_softmax") + """

import sys


def softmax(x, axis=-1):
    sys.modules["torch"].set_grad_enabled(False)  # the fence puts it back
    return _softmax(x, axis)
""")
    result = run_checks("softmax", path)
    assert result.passed, summary(result)


def test_a_torch_exercise_calling_the_banned_function_at_run_time_fails_naming_it(tmp_path):
    path = learner_file(tmp_path, "layer_norm", """
        import importlib


        def layer_norm(x, normalized_shape, weight=None, bias=None, eps=1e-5):
            fn = getattr(importlib.import_module("torch.nn." + "functional"), "layer" + "_norm")
            return fn(x, normalized_shape, weight, bias, eps)
        """)
    assert rule_findings(path, CATALOG.get("layer_norm").rules) == []  # nothing the source shows
    result = run_checks("layer_norm", path)
    rules = next(c for c in result.checks if c.name == "written from scratch")
    assert rules.mistake.name == BANNED.name, summary(result)
    assert "line 7: called torch.nn.functional.layer_norm at run time" in rules.message


def test_a_private_spelling_of_the_function_is_caught_at_run_time_by_torchs_name_for_it(tmp_path):
    path = learner_file(tmp_path, "dropout", """
        import torch

        ops = getattr(torch, "o" + "ps")


        def dropout(x, p=0.5, training=True):
            if not training or p == 0:
                return x
            return getattr(ops.aten, "native_" + "dropout")(x, p, True)[0]
        """)
    result = run_checks("dropout", path)
    assert result.first_problem.mistake.name == BANNED.name, summary(result)
    assert "native_dropout at run time" in result.first_problem.message


# -- every rule is stated in the stub -----------------------------------------------------------

@pytest.mark.parametrize("name", CATALOG.names())
def test_the_stub_states_every_rule_its_checks_enforce(name):
    assert dev.rules_docstring_problems(CATALOG.get(name)) == []


@pytest.mark.parametrize("name, sentence, missing", [
    ("conv2d", "NumPy only: do not import torch or scipy.", ["'torch'", "'scipy'"]),
    ("dropout", "Do not call F.dropout, torch.dropout or nn.Dropout, nor torch's other dropout",
     ["torch.nn.functional.dropout", "torch.dropout", "torch.nn.Dropout", "'dropout'"]),
    ("conv_output_size", "Rules: plain Python; do not import torch (the checks use it as the oracle).", ["'torch'"]),
])
def test_a_stub_that_omits_a_rule_fails_the_docstring_test(tmp_path, name, sentence, missing):
    stub = (ROOT / "exercises" / f"{name}.py").read_text()
    assert sentence in stub
    path = tmp_path / f"{name}.py"
    path.write_text(stub.replace(sentence, "Write it yourself."))
    problems = "; ".join(dev.rules_docstring_problems(CATALOG.get(name), stub=path))
    assert all(m in problems for m in missing), problems


def test_a_mention_outside_a_forbidding_clause_does_not_state_a_rule(tmp_path):
    path = tmp_path / "receptive_field.py"
    path.write_text('def receptive_field(layers):\n    """Checks: real torch layers (weights 1, no padding)."""\n')
    assert dev.rules_docstring_problems(CATALOG.get("receptive_field"), stub=path)


def test_another_banned_library_imported_at_run_time_is_caught(tmp_path):
    """A stand-in module named scipy, found first, shows the mechanism. (scikit-learn brings the real scipy,
    and the classic-ML checks import it: it is taken out of sys.modules for the test and put back after.)"""
    import sys

    real = {name: sys.modules.pop(name) for name in list(sys.modules) if name == "scipy" or name.startswith("scipy.")}
    (tmp_path / "scipy.py").write_text("def correlate(x):\n    return x\n")
    path = learner_file(tmp_path, "conv2d", solution_renamed("conv2d", "_conv2d") + """

import importlib


def conv2d(x, weight, bias=None, stride=1, padding=0):
    importlib.import_module("sci" + "py")
    return _conv2d(x, weight, bias, stride, padding)
""")
    try:
        result = run_checks("conv2d", path)
    finally:
        sys.modules.pop("scipy", None)
        sys.modules.update(real)
    assert result.first_problem.mistake.name == BANNED_LIBRARY.name, summary(result)
    assert re.search(r"line \d+: imported scipy at run time", result.first_problem.message)


@pytest.mark.parametrize("exercise", [e for e in CATALOG.exercises if e.rules.functions], ids=lambda e: e.name)
def test_every_banned_function_exists_in_its_library(exercise):
    """A misspelt entry would ban nothing, silently."""
    import importlib

    for dotted in exercise.rules.functions:
        parts = dotted.split(".")
        # The longest importable module prefix: torch exposes some submodules only once imported
        # (torch.utils.flop_counter).
        for cut in range(len(parts) - 1, 0, -1):
            try:
                obj = importlib.import_module(".".join(parts[:cut]))
                break
            except ImportError:
                continue
        for part in parts[cut:]:
            obj = getattr(obj, part, None)
        assert callable(obj), f"{exercise.name}: {dotted} is not a function of its library"


def test_the_runtime_watch_is_off_while_a_speed_check_times_the_learner(tmp_path):
    """Only the speed check's first call is fenced (a crash is a crash); the timed rounds run bare."""
    import torch
    from torch.overrides import _get_current_function_mode_stack

    from grader import learner
    from grader.check import measure

    learner.load_module(ROOT / "solutions" / "dropout.py", "dropout", ("dropout",))
    watched = []

    def timed():
        watched.append(bool(_get_current_function_mode_stack()))
        return torch.ones(64) * 2

    measure(timed, lambda: torch.ones(64) * 2, limit=100, reference_name="torch", rounds=3, budget_s=0.2,
            first_call=True)
    assert watched[0] and not any(watched[1:]), watched
