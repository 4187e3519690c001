"""The theory site as a learner sees it: every figure draws, search neither spoils the solutions
nor shows TeX, the calculators agree with PyTorch on a grid of cases, and a 400 px phone can read it.

Uses the one build of the site (tests/conftest.py's built_site) and the browser of tests/test_site.py.
Set SITE_SCREENSHOTS=/some/dir to save the screenshots these tests take.
"""
from __future__ import annotations

import ast
import itertools
import json
import os
import re
from pathlib import Path

import pytest

from conftest import CATALOG, ROOT
from test_site import _page_paths, _Tab, browser, server  # noqa: F401 - fixtures

pytestmark = pytest.mark.slow


# ---------------------------------------------------------------- search (the built index, no browser)

def _search_index(built_site: Path) -> list[dict]:
    return json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def _solution_only_lines(name: str) -> list[str]:
    """Code lines of solutions/NAME.py that the page shows only folded: not in the stub (its docstring
    and signature are), nor written out in the page's own text (a hint may show one line on purpose)."""
    solution = (ROOT / "solutions" / f"{name}.py").read_text(encoding="utf-8")
    # Any stub's line is public (the pages show every stub; debug_gpt's stub is a whole, broken GPT).
    # Squeezed: a stub aligns its lines (self.qkv  = ...), the index holds them as text.
    stub = _squeeze("\n".join(p.read_text(encoding="utf-8") for p in sorted((ROOT / "exercises").glob("*.py"))))
    # Written out on purpose: the pages' own text, and the exercises' hints and mistakes' advice (the
    # reports print them, and the See-it-fail panels show the advice beside each wrong output).
    advice = [text for e in CATALOG.exercises for text in (*e.hints, *(m.explanation for m in e.mistakes.values()))]
    shown = _squeeze("\n".join([*(p.read_text(encoding="utf-8") for p in (ROOT / "site").rglob("*.md")), *advice]))
    docstrings = set()
    for node in ast.walk(ast.parse(solution)):
        if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Module)) and ast.get_docstring(node):
            docstrings.update(line.strip() for line in ast.get_docstring(node).splitlines())
    lines = []
    for line in solution.splitlines():
        code = line.strip()
        if len(code) < 25 or code.startswith("#") or _squeeze(code) in stub or code in docstrings or _squeeze(code) in shown:
            continue
        lines.append(code)
    return lines


def test_search_index_holds_no_solution_code(built_site):
    import html

    text = _squeeze("\n".join(html.unescape(e["text"]) for e in _search_index(built_site)))
    leaks = {}
    for exercise in CATALOG.exercises:
        found = [line for line in _solution_only_lines(exercise.name) if _squeeze(line) in text]
        if found:
            leaks[exercise.name] = found[:2]
    assert not leaks, f"search indexes the folded solutions (searching shows them): {leaks}"


def test_search_index_holds_solution_lines_to_look_for():
    """The leak check above can fail: every exercise's solution has lines of its own to look for."""
    for exercise in CATALOG.exercises:
        assert _solution_only_lines(exercise.name), f"{exercise.name}: no solution-only line to look for"


TEX = re.compile(r"\\[()\[\]]|\\[a-zA-Z]{2,}|\$\$")


def test_search_previews_show_no_tex(built_site):
    docs = _search_index(built_site)
    raw = [f"{e['location']}: {TEX.search(e['text'] + e['title']).group(0)!r} in "
           f"{e['text'][max(0, TEX.search(e['text'] + e['title']).start() - 40):][:100]!r}"
           for e in docs if TEX.search(e["text"] + e["title"])]
    assert not raw, f"{len(raw)} of {len(docs)} search entries show raw TeX:\n" + "\n".join(raw[:10])
    assert any("⌊" in e["text"] for e in docs), "the maths is in the previews, written as text"


def test_search_preview_text_reads_like_the_maths():
    import figures  # site/hooks/figures.py

    assert figures.plain_text(r"so \(o = \lfloor (n + 2p - k)/s \rfloor + 1\) here") == "so o = ⌊(n + 2p - k)/s ⌋+ 1 here"
    assert figures.plain_text(r"\[ \frac{\partial L}{\partial x} \]") == "∂L/∂x"
    assert figures.plain_text(r"\(a &lt; b\)") == "a &lt; b"  # the index holds HTML: entities stay escaped


# ---------------------------------------------------------------- figures (in the browser)

# Every figure of the article: an inline <svg> must hold drawing elements with a non-empty
# bounding box (a blank one has none: Markdown closed it early), an <img> must have loaded.
FIGURES = r"""() => {
  const article = document.querySelector('article') || document.body;
  const drawing = 'path, line, rect, circle, ellipse, polygon, polyline';
  const svgs = [...article.querySelectorAll('svg')].filter(s => !s.closest('.md-icon, .headerlink, button, .md-clipboard')
      && !s.parentElement.closest('svg') && !s.closest('.katex'));
  const report = svgs.map(s => {
    const shapes = [...s.querySelectorAll(drawing)];
    const box = shapes.length ? s.getBBox() : {width: 0, height: 0};
    const seen = s.getBoundingClientRect();
    return {what: 'svg ' + (s.getAttribute('aria-label') || s.id || '').slice(0, 60), shapes: shapes.length,
            ok: shapes.length > 0 && box.width > 0 && box.height > 0 && seen.width > 0 && seen.height > 0
                && !s.querySelector('p, div')};
  });
  for (const img of article.querySelectorAll('img')) {
    report.push({what: 'img ' + img.getAttribute('src'), ok: img.complete && img.naturalWidth > 0 && img.naturalHeight > 0});
  }
  const empty = [...article.querySelectorAll('figure')].filter(f => !f.querySelector('svg, img, .calculator'));
  for (const f of empty) report.push({what: 'figure without a drawing: ' + f.textContent.trim().slice(0, 60), ok: false});
  // A <style> that escaped its SVG would be a direct child of the article's flow.
  for (const st of article.querySelectorAll('style')) if (!st.closest('svg')) report.push({what: 'stray <style>', ok: false});
  return report;
}"""


# Code (the embedded stubs and solutions) wraps inside its box rather than being cut off at the edge.
CODE_CUT = r"""() => [...document.querySelectorAll('article pre > code')]
  .filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.textContent.split('\n')[0].slice(0, 60))"""


def test_every_figure_on_every_page_draws(built_site, browser, server):
    """... and no code block on any page is cut off (checked in the same pass over the pages)."""
    tab = _Tab(browser, server)
    failures, figures, cut = [], 0, []
    shots = os.environ.get("SITE_SCREENSHOTS")
    try:
        for path in _page_paths(built_site):
            page = tab.open(path)
            report = page.evaluate(FIGURES)
            figures += len(report)
            failures += [f"{path or 'home'}: {r['what']}" for r in report if not r["ok"]]
            cut += [f"{path or 'home'}: {first}" for first in page.evaluate(CODE_CUT)]
            if shots and path.startswith("exercises/"):
                for i, figure in enumerate(page.locator("article .svg-figure").all()):
                    figure.screenshot(path=str(Path(shots) / f"figure-{path.strip('/').replace('/', '_')}-{i}.png"))
    finally:
        tab.close()
    hand_drawn = sum(len(re.findall(r"<svg\b", p.read_text(encoding="utf-8"))) for p in (ROOT / "site").rglob("*.md"))
    assert figures >= hand_drawn >= 20, f"{figures} figures seen, {hand_drawn} hand-drawn in the sources"
    assert not failures, "figures that do not draw:\n" + "\n".join(failures)
    assert not cut, "code blocks wider than their box:\n" + "\n".join(cut)


def test_a_hand_drawn_figure_keeps_its_style_to_itself():
    import figures  # site/hooks/figures.py

    markdown = "<figure markdown>\n<svg viewBox='0 0 9 9'>\n<style>text{font:9px} .c, .d{fill:red}</style>\n\n" \
               "<rect class='c' width='9' height='9'/>\n</svg>\n<figcaption>x</figcaption>\n</figure>\n"
    stashed = figures.stash(markdown, "exercises/x.md")
    assert "<svg" not in stashed and "<rect" not in stashed
    html = figures.restore(f"<figure>\n<p>{stashed.splitlines()[1]}</p>\n</figure>", "exercises/x.md")
    assert "<p>" not in html and "<rect class='c' width='9' height='9'/>" in html
    assert "#fig-exercises-x-0 text{font:9px}" in html and "#fig-exercises-x-0 .c,#fig-exercises-x-0 .d{fill:red}" in html


# ---------------------------------------------------------------- calculators against torch

def _torch_output_size(mode, n, k, s, p, d, ceil):
    import torch
    import torch.nn.functional as F

    x = torch.zeros(1, 1, n)
    try:
        if mode == "conv":
            return F.conv1d(x, torch.zeros(1, 1, k), stride=s, padding=p, dilation=d).shape[-1]
        return F.max_pool1d(x, k, stride=s, padding=p, dilation=d, ceil_mode=ceil).shape[-1]
    except RuntimeError:
        return None


def _torch_uncovered_input(mode, n, k, s, p, d, ceil):
    """Trailing input rows no window reads: after the last one a window's gradient reaches (autograd).
    Meant for windows that leave no gaps between them (kernel ≥ stride)."""
    import torch
    import torch.nn.functional as F

    x = torch.ones(1, 1, n, dtype=torch.float64, requires_grad=True)
    if mode == "conv":
        F.conv1d(x, torch.ones(1, 1, k, dtype=torch.float64), stride=s, padding=p, dilation=d).sum().backward()
    else:  # every element of a window reaches the output through an average (max would pick one)
        F.avg_pool1d(x, k, stride=s, padding=p, ceil_mode=ceil).sum().backward()
    reached = (x.grad[0, 0] != 0).nonzero()
    return n - 1 - int(reached.max()) if len(reached) else n


OUTPUT_SIZE_GRID = [
    (mode, n, k, s, p, d, ceil)
    for mode, ceil in (("conv", False), ("pool", False), ("pool", True))
    for n, k, s, p, d in itertools.product((1, 2, 3, 5, 6, 7, 10), (1, 2, 3, 4), (1, 2, 3), (0, 1, 2), (1, 2))
    if not (mode == "pool" and ceil and d > 1)
]


def test_output_size_calculator_agrees_with_torch_on_a_grid(built_site, browser, server):
    tab = _Tab(browser, server)
    try:
        page = tab.open("topics/cnn/")
        shown = page.evaluate("""cases => cases.map(([m, n, k, s, p, d, c]) => {
            const r = window.dlkitCalculators.outputSize(m, n, k, s, p, d, c, 0);
            return r.error ? null : [r.value, r.uncoveredInput]; })""", OUTPUT_SIZE_GRID)
        wrong = []
        for case, got in zip(OUTPUT_SIZE_GRID, shown):
            expected = _torch_output_size(*case)
            if (got and got[0]) != expected:
                wrong.append(f"{case}: calculator {got and got[0]}, torch {expected}")
            elif got and case[5] == 1 and case[2] >= case[3] and got[1] != _torch_uncovered_input(*case):
                wrong.append(f"{case}: calculator says {got[1]} trailing input rows unread, "
                             f"torch's gradient {_torch_uncovered_input(*case)}")
        assert len(OUTPUT_SIZE_GRID) > 1000
        assert not wrong, f"{len(wrong)} of {len(OUTPUT_SIZE_GRID)} cases wrong:\n" + "\n".join(wrong[:20])
        # The form says it in words: ceil_mode's partial window covers the trailing row.
        page.select_option("#os-mode", "pool")
        for field, value in (("n", 6), ("k", 3), ("s", 2), ("p", 0), ("d", 1)):
            page.fill(f"#os-{field}", str(value))
        page.set_checked("#os-ceil", False)
        assert "1 trailing input row never covered" in page.locator("#os-formula").inner_text()
        page.set_checked("#os-ceil", True)
        assert page.locator("#os-result").inner_text().strip() == "3"
        assert "never" not in page.locator("#os-formula").inner_text()
        page.fill("#os-p", "1")  # the case: 6, 3, 2, 1
        assert page.locator("#os-result").inner_text().strip() == "4"
        assert "trailing input row" not in page.locator("#os-formula").inner_text()
        for field, value in (("n", 1), ("k", 4), ("s", 3), ("p", 1)):
            page.fill(f"#os-{field}", str(value))
        assert page.locator("#os-result").inner_text().strip() == "1"
        assert not tab.problems, tab.problems
    finally:
        tab.close()


def test_receptive_field_calculator_speaks_of_samples_in_1d_and_counts_right(built_site, browser, server):
    tab = _Tab(browser, server)
    try:
        page = tab.open("topics/cnn/")
        page.fill("#rf-layers", "conv 3 1")
        result = page.locator("#rf-result").inner_text()
        assert "receptive field 3 × 3 pixels" in result and "1 pixel apart" in result, result
        page.get_by_role("button", name="WaveNet-style dilations (1-D)").click()
        result = page.locator("#rf-result").inner_text()
        assert "receptive field 64 samples" in result and "×" not in result, result
        cell = page.locator("#rf-table td").first
        padding = page.evaluate("el => parseFloat(getComputedStyle(el).paddingLeft)", cell.element_handle())
        assert padding >= 4, f"table cells need padding between numbers, got {padding}px"
    finally:
        tab.close()


# ---------------------------------------------------------------- a 400 px phone, the footer, the home page

PHONE = r"""() => {
  const width = document.documentElement.clientWidth;
  const over = [...document.querySelectorAll('article *')].filter(el => {
    const r = el.getBoundingClientRect();
    // What scrolls in a box of its own (figures, equations, code, tables) may be wider than the page.
    if (!r.width || el.closest('.svg-figure, a.plot-link, .katex, pre, .md-typeset__table, .highlight, .tabbed-labels')) return false;
    return r.right > width + 1;
  }).map(el => el.tagName + ' ' + (el.getAttribute('class') || '') + ' ' + (el.id || '') + ' ' +
            el.textContent.trim().slice(0, 40)).slice(0, 5);
  const select = document.querySelector('#os-mode');
  const calc = select && select.closest('.calculator').getBoundingClientRect();
  const plots = [...document.querySelectorAll('article a.plot-link img, article .svg-figure svg')]
      .map(el => el.getBoundingClientRect().width);
  return {scroll: document.documentElement.scrollWidth, width, over,
          selectFits: !select || select.getBoundingClientRect().right <= calc.right + 0.5, plots};
}"""


@pytest.mark.parametrize("path", ["topics/cnn/", "exercises/max_pool2d/", "topics/attention/", "topics/normalisation/"])
def test_a_phone_reads_the_page_without_it_scrolling_sideways(built_site, browser, server, path):
    context = browser.new_context(viewport={"width": 400, "height": 860}, device_scale_factor=1)
    try:
        page = context.new_page()
        page.goto(server + path, wait_until="networkidle")
        report = page.evaluate(PHONE)
        shots = os.environ.get("SITE_SCREENSHOTS")
        if shots:
            page.screenshot(path=str(Path(shots) / f"phone-{path.strip('/').replace('/', '_')}.png"), full_page=True)
        assert report["scroll"] <= report["width"], f"the page scrolls sideways: {report}"
        assert not report["over"], f"elements stick out of the page: {report['over']}"
        assert report["selectFits"], "the calculator's layer menu overflows its box"
        assert all(w >= 520 for w in report["plots"]), f"plots shrunk below a readable size: {report['plots']}"
    finally:
        context.close()


def test_pages_link_previous_and_next_in_the_footer(built_site):
    page = (built_site / "exercises" / "conv2d" / "index.html").read_text(encoding="utf-8")
    assert 'class="md-footer__link md-footer__link--prev"' in page
    assert 'class="md-footer__link md-footer__link--next"' in page


def test_plots_open_full_size(built_site):
    page = (built_site / "topics" / "cnn" / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'<a class="plot-link" href="([^"]+)"[^>]*><img [^>]*src="([^"]+)"', page)
    assert links and all(href == src for href, src in links)


def test_plot_text_draws_subscripts_not_underscores():
    import plots  # site/hooks/plots.py
    import svgplot

    assert svgplot._rich("σ²_B and ∂h_(T−k), not ceil_mode") == (
        'σ²<tspan baseline-shift="sub" font-size="75%">B</tspan> and '
        '∂h<tspan baseline-shift="sub" font-size="75%">T−k</tspan>, not ceil_mode')
    literal = {name: re.findall(r">([^<]*_[^\W_][^<]*)<", svg) for name, svg in plots.render_all().items()}
    literal = {name: found for name, found in literal.items() if found}
    assert not literal, f"plot text with a literal underscore: {literal}"


# ---------------------------------------------------------------- cheat sheets

def _instance_defaults(path: str) -> dict:
    """What a freshly made torch object holds: an optimiser's .defaults, a module's attributes."""
    import torch

    obj = eval(path, {"torch": torch})  # noqa: S307 - a dotted torch name from cheatsheets.SHEETS
    if isinstance(obj, type) and issubclass(obj, torch.optim.Optimizer):
        return obj([torch.nn.Parameter(torch.zeros(1))]).defaults
    makers = {"torch.nn.BatchNorm2d": lambda c: c(3), "torch.nn.LayerNorm": lambda c: c(3), "torch.nn.GroupNorm": lambda c: c(1, 3),
              "torch.nn.Conv2d": lambda c: c(1, 1, 3), "torch.nn.MaxPool2d": lambda c: c(3), "torch.nn.AvgPool2d": lambda c: c(3),
              "torch.nn.RNNCell": lambda c: c(2, 2), "torch.nn.LSTMCell": lambda c: c(2, 2), "torch.nn.GRUCell": lambda c: c(2, 2),
              "torch.nn.MultiheadAttention": lambda c: c(4, 2)}
    if path in makers:
        made = makers[path](obj)
    elif isinstance(obj, type) and issubclass(obj, torch.nn.Module):
        made = obj()
    else:
        return {}
    return {k: v for k, v in vars(made).items() if not k.startswith("_")}


def test_cheat_sheet_defaults_are_torchs(built_site):
    import cheatsheets  # site/hooks/cheatsheets.py

    checked = 0
    for stem, sheet in cheatsheets.SHEETS.items():
        page = (built_site / "cheatsheets" / stem / "index.html").read_text(encoding="utf-8")
        topic = (built_site / "topics" / stem / "index.html").read_text(encoding="utf-8")
        assert f'href="../../cheatsheets/{stem}/"' in topic, f"topics/{stem} does not link its cheat sheet"
        for path, names in sheet.defaults:
            held = _instance_defaults(path)
            for name in names:
                shown = re.search(rf"<code>{name}=([^<]+)</code>", page[page.index(path.removeprefix("torch.")):])
                assert shown, f"{stem}: {path} {name} not on the sheet"
                if name in held:
                    value, text = held[name], html_unescape(shown.group(1))
                    value = tuple(value) if isinstance(value, list) else value
                    if isinstance(value, tuple) and len(set(value)) == 1 and text == repr(value[0]):
                        value = value[0]  # Conv2d keeps stride 1 as (1, 1)
                    if text == "None" and value is not None:  # the constructor resolves it: the sheet must say how
                        assert f"{name}=None" in page.replace("<code>", "").replace("</code>", "") and "means" in page
                        continue
                    assert text == cheatsheets._value(value), f"{stem}: {path}.{name}"
                    checked += 1
    assert checked >= 30


def html_unescape(text: str) -> str:
    import html

    return html.unescape(text)


def test_cheat_sheet_mask_conventions_hold():
    import torch
    import torch.nn.functional as F

    q, k, v = torch.randn(1, 1, 2, 4), torch.randn(1, 1, 3, 4), torch.randn(1, 1, 3, 4)
    keep = torch.tensor([[True, False, False], [True, True, False]])
    by_hand = torch.softmax((q @ k.transpose(-1, -2) / 2).masked_fill(~keep, float("-inf")), -1) @ v
    assert torch.allclose(F.scaled_dot_product_attention(q, k, v, attn_mask=keep), by_hand, atol=1e-6)  # True = attend
    mha = torch.nn.MultiheadAttention(4, 1, batch_first=True)
    x = torch.randn(1, 3, 4)
    _, weights = mha(x, x, x, key_padding_mask=torch.tensor([[False, False, True]]))
    assert torch.all(weights[..., 2] == 0)  # True = masked out


def test_each_cheat_sheet_prints_on_one_page(built_site, browser, server):
    import cheatsheets

    tab = _Tab(browser, server)
    try:
        pages = {}
        for stem in cheatsheets.SHEETS:
            page = tab.open(f"cheatsheets/{stem}/")
            pages[stem] = len(re.findall(rb"/Type\s*/Page[^s]", page.pdf(format="A4")))
        assert all(n == 1 for n in pages.values()), f"sheets over one A4 page: {pages}"
    finally:
        tab.close()


def test_home_page_exercise_titles_get_the_room(built_site, browser, server):
    tab = _Tab(browser, server)
    try:
        page = tab.open("")
        widths = page.evaluate("""() => [...document.querySelectorAll('.exercise-map tr')].map(tr => {
            const cells = tr.querySelectorAll('td');
            if (!cells.length) return null;
            const link = cells[1].querySelector('a');
            const lines = link.getClientRects().length;
            return [cells[0].getBoundingClientRect().width, lines, link.textContent]; }).filter(Boolean)""")
        assert widths
        assert all(number <= 48 for number, _, _ in widths), f"the # column is too wide: {max(w for w, _, _ in widths)}px"
        assert all(lines <= 2 for _, lines, _ in widths), [t for _, n, t in widths if n > 2]
    finally:
        tab.close()
