"""The site's teaching figures: the interactive ones compute what PyTorch computes and react to
their controls in a real browser, and every exercise page shows each classic mistake failing.

The maths of javascripts/figures.js (window.dlkitFigures) is run in headless Chromium on grids of
cases and compared with torch: output sizes and the cells a window reads (autograd of conv2d),
the cells a transposed convolution writes, greedy NMS's keep order, attention's softmax rows,
the input cells a conv stack sees, the elements a normalisation's statistic spans (autograd).
"""
from __future__ import annotations

import itertools
import json
import re

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from conftest import CATALOG
from test_site import _Tab, browser, server  # noqa: F401 - the fixtures, shared with the site's tests

pytestmark = pytest.mark.slow


def _nonzero_cells(grad: torch.Tensor) -> set[tuple[int, ...]]:
    return {tuple(int(v) for v in idx) for idx in torch.nonzero(grad != 0)}


@pytest.fixture(scope="module")
def figures(built_site, browser, server):  # noqa: F811 - pytest fixtures
    tab = _Tab(browser, server)
    page = tab.open("exercises/conv2d/")
    assert page.evaluate("typeof window.dlkitFigures") == "object", "figures.js is not loaded"
    yield tab, page
    tab.close()


def test_conv_window_reads_the_cells_torch_convolves(figures):
    _, page = figures
    cases = [(n, k, s, p, d) for n, k, s, p, d in itertools.product(range(3, 8), range(1, 5), range(1, 4), range(3),
                                                                    range(1, 3))]
    js = page.evaluate("""cases => cases.map(([n, k, s, p, d]) => {
        const out = dlkitFigures.convOutSize(n, k, s, p, d);
        const reads = out < 1 ? [] : [[0, 0], [out - 1, out - 1], [Math.floor(out / 2), 0]].map(([i, j]) =>
            dlkitFigures.convReads(n, k, s, p, d, i, j).filter(c => !c.pad).map(c => [c.r, c.c]));
        return {out, reads};
    })""", cases)
    checked = 0
    for (n, k, s, p, d), got in zip(cases, js):
        if n + 2 * p < d * (k - 1) + 1:
            assert got["out"] < 1, (n, k, s, p, d)
            continue
        x = torch.ones(1, 1, n, n, dtype=torch.float64, requires_grad=True)
        y = F.conv2d(x, torch.ones(1, 1, k, k, dtype=torch.float64), stride=s, padding=p, dilation=d)
        assert got["out"] == y.shape[-1], f"n={n} k={k} s={s} p={p} d={d}: figure {got['out']}, torch {y.shape[-1]}"
        out = y.shape[-1]
        for (i, j), cells in zip([(0, 0), (out - 1, out - 1), (out // 2, 0)], got["reads"]):
            (grad,) = torch.autograd.grad(y[0, 0, i, j], x, retain_graph=True)
            assert {tuple(c) for c in cells} == {c[2:] for c in _nonzero_cells(grad)}, (n, k, s, p, d, i, j)
            checked += 1
    assert checked > 300


def test_transposed_conv_scatter_writes_where_torch_does(figures):
    _, page = figures
    cases = list(itertools.product(range(1, 6), range(1, 5), range(1, 4), range(3), range(1, 3)))
    cases = [c for c in cases if (c[0] - 1) * c[2] - 2 * c[3] + c[4] * (c[1] - 1) + 1 >= 1]
    js = page.evaluate("""cases => cases.map(([n, k, s, p, d]) => ({
        out: dlkitFigures.transposeOutSize(n, k, s, p, d),
        writes: [...Array(n).keys()].map(i => dlkitFigures.transposeWrites(n, k, s, p, d, i)),
        counts: dlkitFigures.transposeCounts(n, k, s, p, d)}))""", cases)
    for (n, k, s, p, d), got in zip(cases, js):
        w = torch.ones(1, 1, k, k, dtype=torch.float64)
        full = F.conv_transpose2d(torch.ones(1, 1, n, n, dtype=torch.float64), w, stride=s, padding=p, dilation=d)
        assert got["out"] == full.shape[-1], (n, k, s, p, d)
        assert np.array_equal(np.array(got["counts"]), full[0, 0].numpy()), f"overlap counts n={n} k={k} s={s} p={p}"
        for i, j in itertools.product(range(n), repeat=2):
            one = torch.zeros(1, 1, n, n, dtype=torch.float64)
            one[0, 0, i, j] = 1
            y = F.conv_transpose2d(one, w, stride=s, padding=p, dilation=d)[0, 0]
            patch = set(itertools.product(got["writes"][i], got["writes"][j]))
            assert patch == _nonzero_cells(y), (n, k, s, p, d, i, j)


def _greedy_nms(boxes: np.ndarray, scores: np.ndarray, threshold: float) -> list[int]:
    """The definition, slow and obviously right: by decreasing score (stable), keep unless a kept box
    overlaps by more than the threshold."""
    def iou(a, b):
        w = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
        h = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
        union = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - w * h
        return w * h / union if union > 0 else 0.0
    keep = []
    for i in sorted(range(len(boxes)), key=lambda i: -scores[i]):
        if all(iou(boxes[i], boxes[j]) <= threshold for j in keep):
            keep.append(i)
    return keep


def test_nms_steps_keep_the_boxes_greedy_nms_keeps_in_its_order(figures):
    _, page = figures
    rng = np.random.default_rng(0)
    cases = []
    for seed in range(60):
        n = int(rng.integers(1, 12))
        xy = rng.uniform(0, 20, (n, 2))
        wh = rng.uniform(1, 10, (n, 2))
        scores = np.round(rng.uniform(0, 1, n), 1)  # one decimal: ties happen
        cases.append((np.concatenate([xy, xy + wh], 1).tolist(), scores.tolist(), float(rng.choice([0.0, 0.3, 0.5, 0.7]))))
    cases.append((page.evaluate("dlkitFigures.NMS_BOXES"), page.evaluate("dlkitFigures.NMS_SCORES"), 0.5))
    js = page.evaluate("cases => cases.map(([b, s, t]) => dlkitFigures.nmsSteps(b, s, t))", cases)
    for (boxes, scores, threshold), got in zip(cases, js):
        assert got["keep"] == _greedy_nms(np.array(boxes), np.array(scores), threshold), (boxes, scores, threshold)
        assert [step["kept"] for step in got["steps"]] == got["keep"]
        b = torch.tensor(boxes, dtype=torch.float64)
        for step in got["steps"]:  # the IoU shown at each step is the IoU
            for j, shown in step["ious"].items():
                a, c = b[step["kept"]], b[int(j)]
                inter = (torch.minimum(a[2:], c[2:]) - torch.maximum(a[:2], c[:2])).clamp(min=0).prod()
                union = (a[2:] - a[:2]).prod() + (c[2:] - c[:2]).prod() - inter
                assert abs(shown - float(inter / union)) < 1e-12


def test_attention_rows_are_torchs_softmax(figures):
    _, page = figures
    rng = np.random.default_rng(1)
    cases = [(rng.standard_normal((t, d)).tolist(), rng.standard_normal((t, d)).tolist(), scaled, causal)
             for t, d in [(1, 1), (3, 4), (6, 16), (5, 64)] for scaled in (True, False) for causal in (True, False)]
    js = page.evaluate("cases => cases.map(([q, k, s, c]) => dlkitFigures.attentionWeights(q, k, s, c))", cases)
    for (q, k, scaled, causal), got in zip(cases, js):
        Q, K = torch.tensor(q, dtype=torch.float64), torch.tensor(k, dtype=torch.float64)
        scores = Q @ K.T / (Q.shape[-1] ** 0.5 if scaled else 1.0)
        if causal:
            scores = scores.masked_fill(torch.ones_like(scores, dtype=torch.bool).triu(1), float("-inf"))
        assert np.allclose(got, torch.softmax(scores, -1).numpy(), rtol=1e-12, atol=1e-14), (len(q), scaled, causal)


def test_receptive_field_figure_sees_what_a_torch_conv_stack_sees(figures):
    _, page = figures
    stacks = [[(3, 1, 1)] * 3, [(3, 2, 1), (3, 1, 1)], [(2, 1, 1), (2, 1, 2), (2, 1, 4)], [(7, 2, 1), (3, 2, 1), (3, 1, 1)],
              [(5, 3, 2), (2, 2, 1), (3, 1, 3)], [(1, 1, 1)], [(4, 4, 1), (2, 1, 1)]]
    cases = []
    for layers in stacks:
        rf, jump = 1, 1
        for k, s, d in layers:
            rf, jump = rf + d * (k - 1) * jump, jump * s
        n0 = rf + 2 * jump
        cases += [(layers, n0, unit) for unit in range(3)]
    js = page.evaluate("""cases => cases.map(([layers, n0, unit]) =>
        dlkitFigures.receptiveUnits(layers.map(([k, s, d]) => ({k, s, d})), n0, unit))""", cases)
    for (layers, n0, unit), got in zip(cases, js):
        x = torch.ones(1, 1, n0, dtype=torch.float64, requires_grad=True)
        h, sizes = x, [n0]
        for k, s, d in layers:
            h = F.conv1d(h, torch.ones(1, 1, k, dtype=torch.float64), stride=s, dilation=d)
            sizes.append(h.shape[-1])
        assert got["sizes"] == sizes, layers
        (grad,) = torch.autograd.grad(h[0, 0, unit], x)
        assert got["seen"][0] == sorted(c[2] for c in _nonzero_cells(grad)), (layers, unit)


@pytest.mark.parametrize("kind", ["batch", "layer", "instance", "group"])
def test_normalisation_axes_are_the_elements_torch_averages_together(figures, kind):
    _, page = figures
    shape = (3, 4, 2, 3)
    x = torch.randn(shape, dtype=torch.float64, generator=torch.Generator().manual_seed(2), requires_grad=True)
    normalise = {"batch": lambda t: F.batch_norm(t, None, None, training=True),
                 "layer": lambda t: F.layer_norm(t, shape[1:]),
                 "instance": lambda t: F.instance_norm(t),
                 "group": lambda t: F.group_norm(t, 2)}[kind]
    y = normalise(x)
    points = [(0, 1, 0, 0), (2, 3, 1, 2), (1, 0, 1, 1)]
    js = page.evaluate("([kind, shape, points]) => points.map(at => dlkitFigures.normGroup(kind, shape, at, 2))",
                       [kind, list(shape), points])
    for at, got in zip(points, js):
        (grad,) = torch.autograd.grad(y[at], x, retain_graph=True)
        flat = {int(i) for i in torch.nonzero(grad.reshape(-1).abs() > 1e-12)}
        assert set(got) == flat, f"{kind} at {at}"


# ---------------------------------------------------------------- the figures draw and react

def _drawn(page, selector: str) -> bool:
    return page.evaluate("""sel => { const svg = document.querySelector(sel + ' svg');
        if (!svg) return false; const box = svg.getBBox();
        return svg.querySelectorAll('rect, circle, path, line').length > 1 && box.width > 0 && box.height > 0; }""",
                         selector)


def _slide(page, selector: str, value: int) -> None:
    """Move a range input as a user does: set its value, then the input event."""
    page.eval_on_selector(selector, "(el, v) => { el.value = String(v); el.dispatchEvent(new Event('input', "
                          "{bubbles: true})); }", value)


def test_each_interactive_figure_draws_and_reacts_to_its_controls(built_site, browser, server):  # noqa: F811
    tab = _Tab(browser, server)
    try:
        page = tab.open("exercises/conv2d/")
        fig = ".dl-figure[data-figure=conv-window]"
        assert _drawn(page, fig)
        _slide(page, "#cw-k", 5)
        _slide(page, "#cw-d", 2)  # span 2·4 + 1 = 9 > 6 + 2·1
        assert page.get_attribute(fig, "data-out") == "0"
        assert "does not fit" in page.inner_text(fig + " .dl-caption")
        _slide(page, "#cw-d", 1)
        assert page.get_attribute(fig, "data-out") == "4"  # ⌊(6 + 2 − 4 − 1) / 1⌋ + 1
        page.locator(f"{fig} svg rect[data-row='3'][data-col='3']").last.click()
        assert "Output (3, 3) reads 25 cells" in page.inner_text(fig + " .dl-caption")

        page = tab.open("exercises/nms/")
        fig = ".dl-figure[data-figure=nms-steps]"
        assert _drawn(page, fig)
        keep = page.evaluate("dlkitFigures.nmsSteps(dlkitFigures.NMS_BOXES, dlkitFigures.NMS_SCORES, 0.5).keep")
        for _ in keep:
            page.click(fig + " .dl-step")
        assert page.get_attribute(fig, "data-kept") == ",".join(map(str, keep))
        assert page.get_attribute(fig, "data-done") == "true"
        assert page.locator(fig + " rect.suppressed").count() == 7 - len(keep)
        page.click(fig + " .dl-reset")
        assert page.get_attribute(fig, "data-kept") == ""

        for path, causal in (("exercises/scaled_dot_product_attention/", False), ("exercises/causal_mask/", True)):
            page = tab.open(path)
            fig = ".dl-figure[data-figure=attention]"
            assert _drawn(page, fig)
            assert page.is_checked("#att-causal") == causal
            before = page.get_attribute(fig, "data-weights")
            page.click("#att-scale")
            assert page.get_attribute(fig, "data-weights") != before
            rows = np.array(json.loads(page.get_attribute(fig, "data-weights")))
            assert np.allclose(rows.sum(1), 1, atol=1e-5)

        page = tab.open("exercises/receptive_field/")
        fig = ".dl-figure[data-figure=receptive-field]"
        assert _drawn(page, fig)
        page.fill("#rf-layers", "conv 3 1\nconv 3 2\nconv 3 1 2")
        assert page.get_attribute(fig, "data-rf") == page.get_attribute("#rf-result", "data-rf") == "13"  # 1 + 2 + 2 + 2·2·2
        page.get_by_role("button", name="3 × conv 3×3").click()
        assert page.get_attribute(fig, "data-rf") == "7"

        page = tab.open("exercises/conv_transpose2d/")
        fig = ".dl-figure[data-figure=transpose-scatter]"
        assert _drawn(page, fig)
        assert page.get_attribute(fig, "data-writes") == "0,1,2|0,1,2"
        page.locator(f"{fig} svg rect[data-row='1'][data-col='2']").first.click()
        assert page.get_attribute(fig, "data-writes") == "2,3,4|4,5,6"  # input i writes 2i, 2i + 1, 2i + 2

        for path, kind, size in (("exercises/batch_norm/", "batch", 3 * 2 * 3), ("exercises/layer_norm/", "layer", 4 * 2 * 3)):
            page = tab.open(path)
            fig = ".dl-figure[data-figure=norm-axes]"
            assert _drawn(page, fig)
            assert page.input_value("#na-kind") == kind
            assert len(page.get_attribute(fig, "data-group").split(",")) == size
            page.select_option("#na-kind", "instance")
            assert len(page.get_attribute(fig, "data-group").split(",")) == 2 * 3
        assert not tab.problems, tab.problems
    finally:
        tab.close()


# ---------------------------------------------------------------- see it fail

# Mistakes named from structure or behaviour, never from a differing output: a network's parameter shapes or a
# layer's stride, the real memory a summary allocated, hooks left behind, autograd's mode during evaluation.
# A See-it-fail panel draws the first output that differs, and these mutants have none to draw.
# - BPE's decode_per_token differs only in a decoded string, which the panels do not draw yet.
# - Vector add's missing mask is named from the access itself: the checks stop the lanes outside the tensors,
#   and the lanes inside are right, so the output is too (softmax's and cross-entropy's unmasked lanes read
#   the next row: a panel). Likewise layer norm's unmasked store: the stopped lanes are the only wrong ones.
# - kv_cache_attention's qkv_whole_history is named from a forward hook's row count.
# - LoRA's a_zero, base_not_frozen and adapter_dtype are named from the adapter's state (A's values,
#   requires_grad, dtype) before any output differs; its merge mistakes from the layer merged() returns, whose
#   calls the panels do not record.
# - debug_gpt's mlp_width is named from parameter shapes, and mask_not_inf from the output of one attention
#   submodule called alone, which the panels do not record (they record calls of GPTConfig and GPT).
# - flash_attention's full_matrix is named from the sizes of the tensors the call allocates: its output is right.
# - autograd_engine's only function is the class Value: its calls return Value objects, whose gradients the
#   checks read afterwards, and the panels draw what a recorded call returns.
STRUCTURAL = {"triton_vector_add": {"no_mask"}, "triton_layer_norm": {"no_mask"},
              "vgg": {"not_carried", "block_not_carried"}, "nin": {"linear_head"},
              "residual_block": {"shortcut_no_stride"}, "dense_block": {"conv_first"},
              "model_summary": {"real_memory", "hooks_left"}, "training_loop": {"no_grad"},
              "byte_pair_encoding": {"decode_per_token"},
              "kv_cache_attention": {"qkv_whole_history"},
              "lora_linear": {"a_zero", "base_not_frozen", "adapter_dtype", "merge_modifies_base", "merge_no_scale"},
              "debug_gpt": {"mlp_width", "mask_not_inf"},
              "flash_attention": {"full_matrix"},
              "autograd_engine": {"overwrite", "topo_order", "reflected_missing", "no_seed", "relu_at_zero",
                                  "tanh_derivative", "recursion", "second_backward"}}


def test_every_exercise_page_shows_each_mistake_with_a_mutant_failing(built_site):
    import seeitfail  # site/hooks/seeitfail.py
    from grader import dev

    problems = []
    for exercise in CATALOG.exercises:
        html = (built_site / exercise.page.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
        named = {dev.module_constant(p, "EXPECTED_MISTAKE") for p in dev.implementations(exercise, "mutants")}
        wanted = [key for key, m in exercise.mistakes.items()
                  if m.name in named and key not in STRUCTURAL.get(exercise.name, ())]
        if 'id="see-it-fail"' not in html:
            if wanted:  # an exercise whose every mistake is structural has no panel, and no section
                problems.append(f"{exercise.name}: no See it fail section")
            continue
        panels = {p.key: p for p in seeitfail.panels(exercise.name)}
        shown = re.findall(r'class="see-it-fail" data-exercise="\w+" data-mistake="(\w+)"', html)
        if shown != wanted:
            problems.append(f"{exercise.name}: panels {shown}, mistakes with a mutant {wanted}")
        for key, panel in panels.items():
            right, wrong = panel.shown.right, panel.shown.wrong
            if not seeitfail.differ(right, wrong, 0):
                problems.append(f"{exercise.name}/{key}: the wrong and the right {panel.shown.what} are equal")
            image = seeitfail.file_name(panel)
            if seeitfail.figure(panel) is not None and not (built_site / "assets" / "plots" / image).is_file():
                problems.append(f"{exercise.name}/{key}: {image} was not generated")
    assert not problems, "\n".join(problems)


def test_see_it_fail_finds_the_difference_a_mutant_makes():
    """On one exercise, from scratch (no cache): the panel of the flipped kernel shows the mutant's
    output, the solution's convolution with the kernel rotated by 180 degrees."""
    import seeitfail

    panel = next(p for p in seeitfail.compute_panels("conv2d") if p.key == "flipped")
    x, w = (torch.from_numpy(panel.args[k]) for k in ("x", "weight"))
    assert np.allclose(panel.shown.right, F.conv2d(x, w).numpy())
    assert np.allclose(panel.shown.wrong, F.conv2d(x, w.flip(-2, -1)).numpy())
    assert "flipped kernel" == panel.mistake.name


# ---------------------------------------------------------------- the topic pages' numbers

def test_vae_kl_closed_form_is_torchs_kl_divergence():
    import topicfacts
    from torch.distributions import Normal, kl_divergence

    for mu, sigma in itertools.product([-2.0, 0.0, 0.7, 3.0], [0.05, 0.5, 1.0, 2.5]):
        expected = kl_divergence(Normal(torch.tensor(mu, dtype=torch.float64), torch.tensor(sigma, dtype=torch.float64)),
                                 Normal(torch.tensor(0.0, dtype=torch.float64), torch.tensor(1.0, dtype=torch.float64)))
        assert abs(topicfacts.kl_gaussian(mu, sigma) - expected.item()) < 1e-12


def test_gan_value_at_the_optimal_discriminator_is_minus_log_4_plus_twice_the_jsd():
    import topicfacts

    table = topicfacts.gan_value_table()
    rows = [line.split("|")[1:-1] for line in table.splitlines()[2:]]
    assert float(rows[0][2]) == pytest.approx(-np.log(4), abs=1e-4)  # q = p: the game's value −log 4
    for row in rows:
        assert float(row[2]) == pytest.approx(float(row[3]), abs=1e-4)
        assert 0 <= float(row[1]) <= np.log(2)  # the JSD is bounded by log 2


def test_ddpm_schedule_matches_torch_and_ends_in_noise():
    import topicfacts

    alpha_bar = topicfacts.ddpm_alpha_bar()
    betas = torch.linspace(1e-4, 0.02, 1000, dtype=torch.float64)
    assert np.allclose(alpha_bar, torch.cumprod(1 - betas, 0).numpy(), rtol=1e-12)
    assert 3e-5 < alpha_bar[-1] < 5e-5


def test_bpe_merges_are_those_of_sennrichs_reference_code():
    import topicfacts

    merges = [(a, b) for a, b, _ in topicfacts.bpe_merges(topicfacts.BPE_CORPUS, 10)]
    assert merges == [("e", "s"), ("es", "t"), ("est", "</w>"), ("l", "o"), ("lo", "w"), ("n", "e"), ("ne", "w"),
                      ("new", "est</w>"), ("low", "</w>"), ("w", "i")]


def test_top_p_set_is_the_smallest_set_reaching_p():
    import topicfacts

    rng = np.random.default_rng(6)
    for _ in range(200):
        probs = torch.softmax(torch.tensor(rng.standard_normal(12) * 2), 0).numpy()
        p = float(rng.uniform(0.05, 0.99))
        chosen = topicfacts.top_p_set(probs, p)
        ordered = np.sort(probs)[::-1]
        size = int(np.argmax(np.cumsum(ordered) >= p)) + 1  # the first prefix reaching p
        assert len(chosen) == size and np.allclose(np.sort(probs[chosen])[::-1], ordered[:size])


def test_kv_cache_bytes_are_the_bytes_of_the_cached_tensors():
    import topicfacts

    for _, layers, _, kv_heads, head_dim in topicfacts.KV_MODELS:
        cache = [torch.empty(2, 32, kv_heads, 4096, head_dim, dtype=torch.float16, device="meta") for _ in range(layers)]
        assert sum(t.numel() * t.element_size() for t in cache) == topicfacts.kv_cache_bytes(layers, kv_heads, head_dim, 4096, 32)


def test_mixtral_parameter_counts_are_those_of_its_modules():
    import topicfacts
    from torch import nn

    d, ffn, vocab, heads, kv, hd, experts = 4096, 14336, 32000, 32, 8, 128, 8
    with torch.device("meta"):
        attention = [nn.Linear(d, heads * hd, bias=False), nn.Linear(d, kv * hd, bias=False),
                     nn.Linear(d, kv * hd, bias=False), nn.Linear(heads * hd, d, bias=False)]
        expert = [nn.Linear(d, ffn, bias=False), nn.Linear(d, ffn, bias=False), nn.Linear(ffn, d, bias=False)]
        shared = attention + [nn.Linear(d, experts, bias=False), nn.RMSNorm(d), nn.RMSNorm(d)]
        outer = [nn.Embedding(vocab, d), nn.Linear(d, vocab, bias=False), nn.RMSNorm(d)]

    def count(modules):
        return sum(p.numel() for m in modules for p in m.parameters())

    total, active = topicfacts.mixtral_parameters()
    assert total == 32 * (count(shared) + experts * count(expert)) + count(outer)
    assert active == 32 * (count(shared) + 2 * count(expert)) + count(outer)
    assert round(total / 1e9, 1) == 46.7 and round(active / 1e9, 1) == 12.9  # Mistral AI's published figures


def test_unet_sizes_are_the_shapes_torch_layers_give():
    import topicfacts
    from torch import nn

    steps = topicfacts.unet_sizes()
    x = torch.empty(1, 1, 572, 572, device="meta")
    conv = nn.Conv2d(1, 1, 3, device="meta")
    sizes = [572]
    for name, _ in steps[1:]:
        if "convs" in name:
            x = conv(conv(x))
        elif "max pool" in name:
            x = nn.functional.max_pool2d(x, 2)
        else:
            x = nn.functional.conv_transpose2d(x, torch.empty(1, 1, 2, 2, device="meta"), stride=2)
        sizes.append(x.shape[-1])
    assert sizes == [s for _, s in steps] and sizes[-1] == 388  # the paper's 572 → 388


def test_zero_memory_reproduces_the_papers_example():
    import topicfacts

    figures = [topicfacts.zero_memory_gb(7.5e9, 64, stage) for stage in range(4)]
    assert [round(f, 1) for f in figures] == [120.0, 31.4, 16.6, 1.9]


def test_int8_rounding_error_is_delta_squared_over_12_and_fp16_flushes_below_half_the_smallest_subnormal():
    import topicfacts

    for line in topicfacts.quantisation_table().splitlines()[2:]:
        cells = line.split("|")[1:-1]
        assert float(cells[1]) == pytest.approx(float(cells[2]), rel=0.05)
    gen = torch.Generator().manual_seed(1)  # the table's gradients
    grads = torch.exp(torch.randn(1_000_000, generator=gen, dtype=torch.float64) * 2.5 - 18)
    flushed = float(((grads * 256).to(torch.float16) == 0).double().mean())
    assert flushed == pytest.approx(float((grads * 256 <= 2.0 ** -25).double().mean()), abs=1e-5)
    assert f"{100 * flushed:.1f}%" in topicfacts.fp16_underflow_table()


def test_pipeline_bubble_is_the_idle_share_of_a_gpipe_schedule():
    import topicfacts

    for p, m in itertools.product([2, 4, 8, 16], [1, 4, 16, 64]):
        # Simulate GPipe: a stage runs a micro-batch's forward once the previous stage has, and its
        # backward once the next stage has and all forwards are done; one time unit each.
        forward = {}
        for j in range(m):
            for i in range(p):
                forward[i, j] = max(forward.get((i - 1, j), -1), forward.get((i, j - 1), -1)) + 1
        backward, start = {}, max(forward.values()) + 1
        for j in range(m):
            for i in reversed(range(p)):
                backward[i, j] = max(backward.get((i + 1, j), start - 1), backward.get((i, j - 1), start - 1)) + 1
        makespan = max(backward.values()) + 1
        idle = 1 - 2 * m * p / (p * makespan)
        assert idle == pytest.approx((p - 1) / (m + p - 1)), (p, m)
    assert "| 4 | 75% | 43% | 16% | 4% |" in topicfacts.pipeline_bubble_table()


def test_dice_is_two_iou_over_one_plus_iou_on_random_masks():
    gen = torch.Generator().manual_seed(7)
    for _ in range(50):
        a, b = torch.rand(32, 32, generator=gen) > 0.6, torch.rand(32, 32, generator=gen) > 0.5
        inter, union = (a & b).sum().item(), (a | b).sum().item()
        iou, dice = inter / union, 2 * inter / (a.sum().item() + b.sum().item())
        assert dice == pytest.approx(2 * iou / (1 + iou), rel=1e-12)


def test_random_search_needs_59_trials_for_the_best_5_percent_and_hyperband_totals():
    import topicfacts

    assert min(n for n in range(1, 200) if 1 - 0.95 ** n >= 0.95) == 59
    assert "| total |  | 405 |" in topicfacts.hyperband_table()
