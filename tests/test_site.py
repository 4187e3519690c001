"""The theory site: it builds with --strict, every internal link resolves, every exercise page
embeds its stub and solution, and — in a real headless browser — math is rendered, images
load, the calculators compute what PyTorch computes, and nothing errors or leaves the machine.

The browser checks need the `playwright` package and a Chromium binary (/usr/bin/chromium;
`apt-get install chromium`, not `playwright install`); they skip, saying why, without them.
Set SITE_SCREENSHOTS=/some/dir to save a PNG of every page the browser visits.
"""
from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import re
import shutil
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from conftest import CATALOG, ROOT

pytestmark = pytest.mark.slow  # the site is built once (about a minute) and driven in Chromium

SITE = ROOT / "site"
TOPICS = sorted((SITE / "topics").glob("*.md"))
PRACTISE = re.compile(r"<!--\s*practise:\s*([\w\s,]*?)\s*-->")
# Exercises planned but maybe not merged yet: practise markers may name them (they render only once
# the catalog lists them). Any other name in a marker is a typo.
PLANNED = {
    "box_iou", "nms", "batched_nms", "max_pool2d", "avg_pool2d", "conv_output_size", "pool_output_size",
    "conv_transpose_output_size", "receptive_field", "depthwise_separable_conv2d", "conv_transpose2d",
    "batch_norm", "layer_norm", "dropout", "two_layer_mlp", "softmax", "log_softmax", "cross_entropy",
    "binary_cross_entropy_with_logits", "smooth_l1_loss", "activations", "optimizers", "init", "clip_grad_norm",
    "scaled_dot_product_attention", "multi_head_self_attention", "sinusoidal_positional_encoding", "lstm_cell",
    "rnn_cell", "causal_mask",
}


# ---------------------------------------------------------------- sources (no build needed)

@pytest.mark.parametrize("exercise", CATALOG.exercises, ids=CATALOG.names())
def test_exercise_page_embeds_stub_and_folded_solution(exercise):
    text = (SITE / exercise.page).read_text(encoding="utf-8")
    stub = f'--8<-- "exercises/{exercise.name}.py"'
    solution = f'--8<-- "solutions/{exercise.name}.py"'
    assert stub in text, f"site/{exercise.page} must embed the stub with {stub}"
    assert solution in text, f"site/{exercise.page} must embed the solution with {solution}"
    before = text[:text.index(solution)]
    assert re.search(r'^\?\?\? success "[^"]*"\s*$', before, re.M), "the solution belongs in a folded ??? success block"
    assert "??? question" in text, "every exercise page ends with interview questions"


@pytest.mark.parametrize("path", TOPICS, ids=[p.stem for p in TOPICS])
def test_topic_page_has_interview_questions_and_valid_practise_markers(path):
    text = path.read_text(encoding="utf-8")
    for match in PRACTISE.finditer(text):
        for name in re.split(r"[\s,]+", match.group(1).strip()):
            assert name in set(CATALOG.names()) | PLANNED, f"{path.name}: practise marker names unknown exercise {name!r}"
    if path.name == "index.md":
        return
    assert "## Interview questions" in text, f"{path.name} must end with interview questions"
    tail = text[text.index("## Interview questions"):]
    assert tail.count("??? question") >= 5, f"{path.name}: at least five interview questions, with folded answers"
    assert not re.search(r"^## ", tail[3:], re.M), f"{path.name}: interview questions are the last section"


def test_every_topic_page_is_in_the_navigation():
    nav = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for path in TOPICS:
        assert f"topics/{path.name}" in nav, f"topics/{path.name} is not in mkdocs.yml's nav"


def test_practise_markers_link_only_exercises_in_the_catalog(monkeypatch):
    """Before a planned exercise is merged its link is left out; after, it appears (strict builds stay green)."""
    import dataclasses
    from types import SimpleNamespace

    import hooks  # site/hooks/hooks.py (tests/conftest.py puts site/hooks on sys.path)
    from grader import catalog as catalog_module

    page = SimpleNamespace(file=SimpleNamespace(src_uri="topics/detection.md"))
    assert hooks.practise_box(["not_merged_yet"], page) == ""
    conv2d = CATALOG.get("conv2d")
    future = dataclasses.replace(conv2d, name="not_merged_yet", title="A future exercise",
                                 page="exercises/not_merged_yet.md")
    merged = dataclasses.replace(CATALOG, exercises=(*CATALOG.exercises, future))
    monkeypatch.setattr(catalog_module, "load", lambda *a: merged)
    box = hooks.practise_box(["not_merged_yet", "no_such_exercise", "conv2d"], page)
    assert box.startswith('!!! example "Practise it"')
    assert "[A future exercise](../exercises/not_merged_yet.md)" in box and "`grader run not_merged_yet`" in box
    assert "(../exercises/conv2d.md)" in box and "no_such_exercise" not in box


# ---------------------------------------------------------------- the build

# built_site: the one build of the site per test run (tests/conftest.py)

def test_site_builds_with_strict(built_site):
    assert (built_site / "index.html").is_file()
    assert (built_site / "topics" / "cnn" / "index.html").is_file()
    assert list((built_site / "assets" / "plots").glob("*.svg")), "the plots are generated at build time"
    assert not (built_site / "hooks").exists(), "site/hooks/ is the build's Python, not pages (exclude_docs)"


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for key in ("href", "src"):
            if attrs.get(key) and not (tag == "link" and attrs.get("rel") in ("canonical", "alternate")):
                self.links.append(attrs[key])


def _html_pages(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.html") if p.name != "404.html" and "assets" not in p.parts)


def test_every_internal_link_and_anchor_resolves(built_site):
    parsed = {}
    for page in _html_pages(built_site):
        parser = _Links()
        parser.feed(page.read_text(encoding="utf-8"))
        parsed[page] = parser
    broken = []
    for page, parser in parsed.items():
        base = "/" + page.relative_to(built_site).as_posix()
        for link in parser.links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:", "data:")):
                continue
            target_path = unquote(urlsplit(urljoin(base, link)).path)
            target = built_site / target_path.lstrip("/")
            if target_path.endswith("/") or target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(built_site)}: {link}")
                continue
            if parts.fragment and target in parsed and unquote(parts.fragment) not in parsed[target].ids:
                broken.append(f"{page.relative_to(built_site)}: {link} (no such anchor)")
    assert not broken, "broken links:\n" + "\n".join(broken[:40])


def test_home_page_maps_every_exercise(built_site):
    home = (built_site / "index.html").read_text(encoding="utf-8")
    for exercise in CATALOG.exercises:
        assert f'href="{exercise.page.removesuffix(".md")}/"' in home, f"the exercise map lacks {exercise.name}"
        assert f"grader run {exercise.name}" in home


# ---------------------------------------------------------------- in a browser

def _chromium() -> str | None:
    for candidate in ("/usr/bin/chromium", shutil.which("chromium"), shutil.which("chromium-browser")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="module")
def browser():
    if importlib.util.find_spec("playwright") is None:
        pytest.skip("the playwright package is not installed (pip install playwright): browser checks skipped")
    executable = _chromium()
    if executable is None:
        pytest.skip("no Chromium at /usr/bin/chromium (apt-get install chromium): browser checks skipped")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=executable, args=[
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        except Exception as error:  # a broken Chromium install is an environment problem, not a site bug
            pytest.skip(f"Chromium at {executable} does not start: {str(error).splitlines()[0]}")
        yield b
        b.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server(built_site):
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(built_site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


class _Tab:
    """A browser page that records console errors, failed requests and requests leaving 127.0.0.1."""

    def __init__(self, browser, base):
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.base = base
        self.problems: list[str] = []
        self.page.on("console", lambda m: m.type == "error" and self.problems.append(f"console error: {m.text}"))
        self.page.on("pageerror", lambda e: self.problems.append(f"uncaught exception: {e}"))
        self.page.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url}"))
        self.page.on("response", lambda r: r.status >= 400 and self.problems.append(f"HTTP {r.status}: {r.url}"))

        def route(r):
            if r.request.url.startswith((base, "data:", "blob:")):
                return r.continue_()
            self.problems.append(f"request leaves the machine: {r.request.url}")
            return r.abort()

        self.context.route("**/*", route)

    def open(self, path: str):
        self.problems.clear()
        self.page.goto(self.base + path, wait_until="load")
        self.page.wait_for_load_state("networkidle")
        shots = os.environ.get("SITE_SCREENSHOTS")
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            name = path.strip("/").replace("/", "_") or "home"
            self.page.screenshot(path=str(Path(shots) / f"{name}.png"), full_page=True)
        return self.page

    def close(self):
        self.context.close()


# Read in the page: what math is left unrendered, which images are broken.
PAGE_REPORT = r"""() => {
  const skip = el => el.closest('pre, code, script, style, .katex, .calculator, textarea');
  const walker = document.createTreeWalker(document.querySelector('article') || document.body, NodeFilter.SHOW_TEXT);
  const raw = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (skip(n.parentElement)) continue;
    const t = n.textContent;
    if (/\\\(|\\\)|\\\[|\\\]|\$\$/.test(t)) raw.push(t.trim().slice(0, 80));
  }
  const math = [...document.querySelectorAll('.arithmatex')];
  return {
    arithmatex: math.length,
    unrendered: math.filter(el => !el.querySelector('.katex')).map(el => el.textContent.slice(0, 80)),
    katex: document.querySelectorAll('.katex').length,
    // Parse errors become .katex-error; unknown macros are drawn in KaTeX's error colour.
    katexErrors: [...document.querySelectorAll('.katex-error, .katex-mathml mstyle[mathcolor="#cc0000"]')]
      .map(el => el.title || el.textContent.slice(0, 80)),
    raw: raw,
    images: [...document.images].map(img => ({src: img.getAttribute('src'), ok: img.complete && img.naturalWidth > 0})),
    questions: document.querySelectorAll('details.question').length,
  };
}"""


def _page_paths(built_site: Path) -> list[str]:
    """URL paths of the built pages: "" for the home page, "topics/cnn/" and so on."""
    paths = []
    for page in _html_pages(built_site):
        folder = page.relative_to(built_site).parent.as_posix()
        paths.append("" if folder == "." else folder + "/")
    return paths


def test_every_page_renders_math_loads_images_and_has_no_errors(built_site, browser, server):
    tab = _Tab(browser, server)
    failures, pages_with_math = [], 0
    try:
        for path in _page_paths(built_site):
            page = tab.open(path.lstrip("/"))
            report = page.evaluate(PAGE_REPORT)
            where = path or "home"
            if report["unrendered"]:
                failures.append(f"{where}: math left as TeX: {report['unrendered'][:3]}")
            if report["katexErrors"]:
                failures.append(f"{where}: KaTeX errors: {report['katexErrors'][:3]}")
            if report["raw"]:
                failures.append(f"{where}: raw math delimiters in the text: {report['raw'][:3]}")
            broken = [i["src"] for i in report["images"] if not i["ok"]]
            if broken:
                failures.append(f"{where}: images that did not load: {broken}")
            if report["arithmatex"]:
                pages_with_math += 1
                if not report["katex"]:
                    failures.append(f"{where}: no .katex element although the page has math")
            failures += [f"{where}: {p}" for p in tab.problems]
    finally:
        tab.close()
    assert pages_with_math >= 10, "the theory pages should have math rendered by KaTeX"
    assert not failures, "\n".join(failures)


def test_topic_pages_show_plots_and_folded_questions(built_site, browser, server):
    tab = _Tab(browser, server)
    try:
        page = tab.open("topics/initialisation-and-stability/")
        report = page.evaluate(PAGE_REPORT)
        plots = [i for i in report["images"] if "assets/plots/" in (i["src"] or "")]
        assert plots and all(i["ok"] for i in plots)
        assert report["questions"] >= 5
        assert page.locator("details.question[open]").count() == 0, "answers start folded"
    finally:
        tab.close()


def _torch_sizes(mode, n, k, s, p, d, ceil=False, output_padding=0):
    """What PyTorch returns: the oracle for the output-size calculator."""
    import torch
    import torch.nn.functional as F

    x = torch.zeros(1, 1, n)
    if mode == "conv":
        return F.conv1d(x, torch.zeros(1, 1, k), stride=s, padding=p, dilation=d).shape[-1]
    if mode == "pool":
        return F.max_pool1d(x, k, stride=s, padding=p, dilation=d, ceil_mode=ceil).shape[-1]
    return F.conv_transpose1d(x, torch.zeros(1, 1, k), stride=s, padding=p, dilation=d,
                              output_padding=output_padding).shape[-1]


OUTPUT_SIZE_CASES = [
    # mode, n, k, s, p, d, ceil, output_padding
    ("conv", 224, 7, 2, 3, 1, False, 0),
    ("conv", 227, 11, 4, 0, 1, False, 0),
    ("conv", 32, 3, 1, 1, 1, False, 0),
    ("conv", 10, 3, 3, 0, 1, False, 0),      # 1 column never covered
    ("conv", 17, 3, 2, 2, 3, False, 0),      # dilation
    ("pool", 112, 3, 2, 1, 1, False, 0),
    ("pool", 112, 3, 2, 0, 1, True, 0),      # GoogLeNet's ceil mode
    ("pool", 6, 3, 2, 1, 1, True, 0),        # ceil mode: the last window starts inside the input
    ("pool", 13, 2, 2, 0, 1, True, 0),
    ("pool", 5, 2, 2, 1, 1, True, 0),        # ... and one where it does: 3, not 4
    ("transposed", 7, 4, 2, 1, 1, False, 0),
    ("transposed", 7, 3, 2, 1, 1, False, 1),
    ("transposed", 5, 3, 3, 0, 2, False, 2),
]


def test_output_size_calculator_agrees_with_torch(built_site, browser, server):
    tab = _Tab(browser, server)
    try:
        page = tab.open("topics/cnn/")
        for mode, n, k, s, p, d, ceil, op in OUTPUT_SIZE_CASES:
            page.select_option("#os-mode", mode)
            for field, value in (("n", n), ("k", k), ("s", s), ("p", p), ("d", d)):
                page.fill(f"#os-{field}", str(value))
            if mode == "transposed":  # output_padding is shown for transposed convolutions only
                page.fill("#os-op", str(op))
            if mode == "pool":  # the box is shown for pooling only
                page.set_checked("#os-ceil", ceil)
            shown = page.locator("#os-result").inner_text().strip()
            expected = _torch_sizes(mode, n, k, s, p, d, ceil, op)
            assert shown == str(expected), f"{mode} n={n} k={k} s={s} p={p} d={d} ceil={ceil} op={op}: " \
                                           f"calculator {shown}, torch {expected}"
        # Invalid input is explained, not computed.
        page.select_option("#os-mode", "conv")
        page.fill("#os-n", "3")
        page.fill("#os-k", "5")
        page.fill("#os-p", "0")
        assert page.locator("#os-result").inner_text().strip() == "—"
        assert "larger than the padded input" in page.locator("#os-formula").inner_text()
        assert not tab.problems, tab.problems
    finally:
        tab.close()


def _brute_force_receptive_field(layers):
    """Walk down from one top unit and collect the input pixels it depends on."""
    seen = {0}
    for k, s, d in reversed(layers):
        seen = {p * s + t * d for p in seen for t in range(k)}
    jump = 1
    for _, s, _ in layers:
        jump *= s
    return max(seen) - min(seen) + 1, jump


RF_CASES = [
    "conv 3 1\nconv 3 1\nconv 3 1",
    "conv 7 2\npool 3 2\nconv 3 1\nconv 3 1",
    "conv 11 4\npool 3 2\nconv 5 1\npool 3 2\nconv 3 1\nconv 3 1\nconv 3 1\npool 3 2",
    "3 1 1\n3 1 2\n3 1 4   # dilated\n3 1 8",
    "conv 2 2\nconv 2 2\nconv 2 2\nconv 2 2",
    "conv 5 3 2\npool 2 2\nconv 3 1 3",
]


def test_receptive_field_calculator_agrees_with_brute_force(built_site, browser, server):
    tab = _Tab(browser, server)
    try:
        page = tab.open("topics/cnn/")
        for text in RF_CASES:
            page.fill("#rf-layers", text)
            result = page.locator("#rf-result")
            layers = []
            for line in text.splitlines():
                numbers = [int(w) for w in line.split("#")[0].split() if w.isdigit()]
                layers.append((numbers[0], numbers[1], numbers[2] if len(numbers) > 2 else 1))
            rf, jump = _brute_force_receptive_field(layers)
            assert result.get_attribute("data-rf") == str(rf), f"{text!r}: calculator {result.inner_text()}, expected {rf}"
            assert result.get_attribute("data-jump") == str(jump)
            assert f"receptive field {rf} × {rf}" in result.inner_text()
        page.get_by_role("button", name="VGG-16 (to pool5)").click()
        assert page.locator("#rf-result").get_attribute("data-rf") == "212"  # the well-known VGG-16 figure
        page.fill("#rf-layers", "conv three 1")
        assert "Line 1" in page.locator("#rf-result").inner_text()
        assert not tab.problems, tab.problems
    finally:
        tab.close()
