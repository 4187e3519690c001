"""mkdocs hooks: everything on the site that can be computed is computed here, at build time.

Listed under `hooks:` in mkdocs.yml. Nothing here lists exercises by hand: the catalog does.

- the Exercises section of the navigation, and the exercise map on the home page
  (marker <!-- exercise-map -->), grouped by topic, from grader/catalog.toml;
- "Practise it" boxes on theory pages: <!-- practise: nms, box_iou --> links the exercises
  named that exist in the catalog, and nothing for those that do not (yet);
- on every exercise page, links back to the theory pages that practise it;
- plots (assets/plots/*.svg), computed by plots.py (drawn with svgplot.py);
- interactive figures on the exercise pages they belong to (FIGURES, drawn by javascripts/figures.js);
- on every exercise page, "See it fail": each classic mistake's wrong output beside the right one,
  computed by running its mutant through the checks (seeitfail.py);
- shape tables of classic CNNs: <!-- arch: resnet18 --> and <!-- arch-summary -->, computed by
  architectures.py; tables of facts (<!-- float-formats -->, ...) from facts.py, and on the topics
  added later (generative models, LLMs, ...) from topicfacts.py.

This folder (site/hooks/) is site tooling, not part of the grader package: mkdocs.yml keeps it
out of the published site (exclude_docs) and pyproject.toml out of the wheel. mkdocs loads this
file by path and puts its folder on sys.path only while loading it; tests/conftest.py puts the
folder on sys.path for the tests that import these modules.
"""
from __future__ import annotations

import os
import posixpath
import re
import sys
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent  # site/hooks: this file and the modules it calls
ROOT = HERE.parent.parent               # the repository: the grader package
sys.path.insert(0, str(ROOT))           # this repository's grader, not another installed copy

import architectures  # noqa: E402
import cheatsheets  # noqa: E402
import facts  # noqa: E402
import figures  # noqa: E402
import topicfacts  # noqa: E402
from grader import catalog as catalog_module  # noqa: E402

# The plots use one BLAS thread: their matrices are small, so one thread is fastest (a pool on a
# busy machine can be 10x slower), and the bytes of some plots (init-variance.svg) depend on the
# number of threads. OpenBLAS reads these once, when NumPy loads; on_startup sets them (unless
# they are set already) before _plots imports NumPy.
BLAS_THREADS = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")

MAP_MARKER = "<!-- exercise-map -->"
PRACTISE = re.compile(r"<!--\s*practise:\s*([\w\s,]*?)\s*-->")
ARCH = re.compile(r"<!--\s*arch:\s*(\w+)\s*-->")
TOPIC_PAGES = "topics/"

# exercise name -> [(theory page src path, page title)], filled by on_files from the practise markers
_theory_for: dict[str, list[tuple[str, str]]] = {}


def _link(page, target: str) -> str:
    """A link from page (its source path) to target (a source path), as mkdocs resolves them."""
    return posixpath.relpath(target, posixpath.dirname(page.file.src_uri) or ".")


def on_startup(command, dirty, **kwargs):
    """Where a build starts (once per `mkdocs build` or `mkdocs serve`), before NumPy is loaded."""
    for variable in BLAS_THREADS:
        os.environ.setdefault(variable, "1")
    # The See-it-fail panels run the Triton exercises' kernels in Triton's interpreter: the variable must be
    # set before anything imports triton (later, its kernels cannot run in the interpreter).
    os.environ.setdefault("TRITON_INTERPRET", "1")
    if str(HERE) not in sys.path:  # for plots.py, imported in on_files, after mkdocs restored sys.path
        sys.path.insert(0, str(HERE))


def on_config(config, **kwargs):
    catalog = catalog_module.load()
    by_topic: dict[str, list] = {}
    for exercise in catalog.exercises:
        by_topic.setdefault(catalog.topics[exercise.topic], []).append({exercise.title: exercise.page})
    section = {"Exercises": [{topic: pages} for topic, pages in by_topic.items()]}
    nav = list(config["nav"] or [])
    nav.insert(1 if nav else 0, section)
    nav.append({"Cheat sheets": [{s.title: f"cheatsheets/{stem}.md"} for stem, s in cheatsheets.SHEETS.items()]})
    config["nav"] = nav
    return config


@lru_cache(maxsize=None)
def _plots() -> dict[str, str]:
    import plots  # NumPy: imported here, after on_startup has set the BLAS threads

    return plots.render_all()


def on_files(files, config, **kwargs):
    from mkdocs.structure.files import File

    import seeitfail  # the mutants run through the checks: imported after on_startup, like plots

    for name, svg in {**_plots(), **seeitfail.svgs()}.items():
        files.append(File.generated(config, f"assets/plots/{name}", content=svg))
    for stem in cheatsheets.SHEETS:
        files.append(File.generated(config, f"cheatsheets/{stem}.md", content=cheatsheets.page(stem)))
    _theory_for.clear()
    order = _nav_order(config["nav"])
    topic_files = sorted(files, key=lambda f: order.get(f.src_uri, len(order)))
    for file in topic_files:
        if file.src_uri.startswith(TOPIC_PAGES) and file.src_uri.endswith(".md") and file.abs_src_path:
            text = Path(file.abs_src_path).read_text(encoding="utf-8")
            title = re.search(r"^# (.+)$", text, re.M)
            for match in PRACTISE.finditer(text):
                for name in _names(match.group(1)):
                    entry = (file.src_uri, title.group(1).strip() if title else file.src_uri)
                    if entry not in _theory_for.setdefault(name, []):
                        _theory_for[name].append(entry)
    return files


def _nav_order(nav) -> dict[str, int]:
    """Source path -> position in the navigation, so that theory links follow the reading order."""
    paths: list[str] = []

    def walk(item):
        if isinstance(item, str):
            paths.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                walk(value)
        elif isinstance(item, list):
            for value in item:
                walk(value)

    walk(nav or [])
    return {path: i for i, path in enumerate(paths)}


def _names(text: str) -> list[str]:
    return [n for n in re.split(r"[\s,]+", text) if n]


def practise_box(names: list[str], page) -> str:
    catalog = catalog_module.load()
    present = [catalog.get(n) for n in names if catalog.get(n) is not None]
    if not present:
        return ""
    lines = ['!!! example "Practise it"']
    for e in present:
        lines.append(f"    - [{e.title}]({_link(page, e.page)}) · {_badge(e.difficulty)} · `grader run {e.name}`")
    return "\n".join(lines) + "\n"


def _badge(difficulty: str) -> str:
    return f'<span class="difficulty difficulty-{difficulty}">{difficulty}</span>'


def exercise_map(page) -> str:
    """The exercises grouped by topic, in teaching order, with the theory behind each topic."""
    catalog = catalog_module.load()
    out = []
    number = {e.name: i for i, e in enumerate(catalog.exercises, 1)}
    for topic, topic_title in catalog.topics.items():
        exercises = [e for e in catalog.exercises if e.topic == topic]
        if not exercises:
            continue
        out.append(f"### {topic_title}\n")
        theory = []
        for e in exercises:
            for src, title in _theory_for.get(e.name, []):
                if (src, title) not in theory:
                    theory.append((src, title))
        if theory:
            out.append("Theory: " + " · ".join(f"[{t}]({_link(page, s)})" for s, t in theory) + "\n")
        rows = ["| # | exercise | difficulty | uses | run it |", "|--:|---|---|---|---|"]
        for e in exercises:
            rows.append(f"| {number[e.name]} | [{e.title}]({_link(page, e.page)}) | {_badge(e.difficulty)} "
                        f"| {e.framework} | `grader run {e.name}` |")
        out.append('<div class="exercise-map" markdown>\n\n' + "\n".join(rows) + "\n\n</div>\n")
    return "\n".join(out)


def theory_box(exercise, page) -> str:
    pages = _theory_for.get(exercise.name, [])
    if not pages:
        return ""
    links = " · ".join(f"[{title}]({_link(page, src)})" for src, title in pages)
    return f'\n\n!!! info "The theory behind this exercise"\n    {links}\n'


def on_page_markdown(markdown, page, config, files, **kwargs):
    markdown = figures.stash(markdown, page.file.src_uri)  # inline SVG never goes through Markdown
    stem = page.file.src_uri.removeprefix(TOPIC_PAGES).removesuffix(".md")
    if page.file.src_uri.startswith(TOPIC_PAGES) and stem in cheatsheets.SHEETS:
        markdown = re.sub(r"^(# .+)$", lambda m: m.group(1) + "\n" + cheatsheets.link(stem), markdown, count=1, flags=re.M)
    for marker, make in {**facts.MARKERS, **topicfacts.MARKERS, "<!-- arch-summary -->": architectures.summary_table}.items():
        if marker in markdown:
            markdown = markdown.replace(marker, make())
    if MAP_MARKER in markdown:
        markdown = markdown.replace(MAP_MARKER, exercise_map(page))
    markdown = PRACTISE.sub(lambda m: practise_box(_names(m.group(1)), page), markdown)
    markdown = ARCH.sub(lambda m: architectures.NETS[m.group(1)]().markdown(), markdown)
    markdown = architectures.exercise_summaries(markdown)
    for exercise in catalog_module.load().exercises:
        if exercise.page == page.file.src_uri:
            markdown = insert_before_questions(markdown, try_it_section(exercise) + see_it_fail_section(exercise, page))
            markdown += theory_box(exercise, page)
    return markdown


def on_page_content(html, page, config, files, **kwargs):
    return figures.restore(html, page.file.src_uri)


def on_post_build(config, **kwargs):
    figures.clean_search_index(config["site_dir"])  # runs after the search plugin has written it


QUESTIONS = re.compile(r"^## (Interview questions|The stub)\b", re.M)


def insert_before_questions(markdown: str, section: str) -> str:
    """`section` just before the page's interview questions (or its stub, or at the end)."""
    if not section:
        return markdown
    match = QUESTIONS.search(markdown)
    at = match.start() if match else len(markdown)
    return markdown[:at] + section + "\n" + markdown[at:]


# The interactive figures (javascripts/figures.js) on the exercise pages they belong to: the
# figure's name and its data- attributes. The receptive-field figure draws the layers of the
# calculator above it and follows its edits.
FIGURES = {
    "conv2d": [("conv-window", {})],
    "nms": [("nms-steps", {})],
    "scaled_dot_product_attention": [("attention", {})],
    "causal_mask": [("attention", {"causal": "1"})],
    "receptive_field": [("receptive-field", {})],
    "conv_transpose2d": [("transpose-scatter", {})],
    "batch_norm": [("norm-axes", {"kind": "batch"})],
    "layer_norm": [("norm-axes", {"kind": "layer"})],
}
CALCULATORS = {"receptive_field": "receptive-field"}


def try_it_section(exercise) -> str:
    shown = FIGURES.get(exercise.name)
    if not shown:
        return ""
    out = ["## Try it {#try-it}", "", "Move the controls: the figure computes what PyTorch computes "
           "(the kit's tests compare it with torch on a grid of cases).", ""]
    if exercise.name in CALCULATORS:
        out += [f'<div class="calculator" data-calculator="{CALCULATORS[exercise.name]}"></div>', ""]
    for name, data in shown:
        attributes = "".join(f' data-{k}="{v}"' for k, v in data.items())
        out += [f'<div class="dl-figure" data-figure="{name}"{attributes}></div>', ""]
    return "\n".join(out) + "\n"


def see_it_fail_section(exercise, page) -> str:
    import seeitfail

    return seeitfail.section(exercise.name, _link(page, "assets/plots") + "/")
