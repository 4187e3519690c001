"""How figures reach the page: hand-drawn inline SVG, build-time plots, and what search leaves out.

Python-Markdown does not know SVG: inside `<figure markdown>` it wraps the lines of an inline
`<svg>` in `<p>`, which closes the drawing early and spills its `<style>` into the page (the figure
draws blank). So an inline SVG never goes through Markdown: `stash` swaps each one for a placeholder
before Markdown runs and `restore` puts it back, untouched, in the HTML. On the way back it

- scopes the SVG's `<style>` to that drawing (an inline `<style>` applies to the whole page, so two
  figures defining `.c` differently would restyle each other and pygments' `.c` comments);
- wraps it in `<div class="svg-figure">`: a light card in dark mode too, scrolled sideways on a
  narrow screen instead of shrunk until its labels are unreadable;
- marks it `data-search-exclude` (axis ticks are not text to search).

Plots (`assets/plots/*.svg` images) become links to themselves, so that a tap opens them full size.
Solutions (`??? success` blocks, "open after you pass") are marked `data-search-exclude` too, and
`clean_search_index` turns the TeX left in the search index's previews into readable text.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

SVG = re.compile(r"<svg\b.*?</svg>", re.S)
PLACEHOLDER = "SVGFIGUREPLACEHOLDER{}X"
STYLE = re.compile(r"(<style>)(.*?)(</style>)", re.S)
RULE = re.compile(r"([^{}]+)\{")
SOLUTION = re.compile(r'<details class="success"')
PLOT_IMG = re.compile(r'<img [^>]*src="([^"]*assets/plots/[^"]+\.svg)"[^>]*>')
MATH = re.compile(r"\\\((.+?)\\\)|\\\[(.+?)\\\]", re.S)

_stash: dict[str, list[str]] = {}   # page source path -> its inline SVGs, in order


def stash(markdown: str, page_key: str) -> str:
    svgs: list[str] = []

    def swap(match: re.Match) -> str:
        svgs.append(match.group(0))
        return PLACEHOLDER.format(len(svgs) - 1)

    markdown = SVG.sub(swap, markdown)
    _stash[page_key] = svgs
    return markdown


def _scoped(svg: str, figure_id: str) -> str:
    def scope(css: str) -> str:
        return RULE.sub(lambda m: ",".join(f"#{figure_id} {s.strip()}" for s in m.group(1).split(",")) + "{", css)

    svg = STYLE.sub(lambda m: m.group(1) + scope(m.group(2)) + m.group(3), svg)
    tag = svg[:svg.index(">")]
    size = ""
    view = re.search(r'viewBox="[\d.]+ [\d.]+ ([\d.]+) ([\d.]+)"', tag)
    if view and not re.search(r"\swidth=", tag):  # no natural size: a centred figure would shrink to 0 x 0
        size = f' width="{view.group(1)}" height="{view.group(2)}"'
    return svg.replace("<svg", f'<svg id="{figure_id}" data-search-exclude{size}', 1)


def restore(content: str, page_key: str) -> str:
    slug = re.sub(r"\W+", "-", page_key.removesuffix(".md")).strip("-")
    for i, svg in enumerate(_stash.pop(page_key, [])):
        figure = f'<div class="svg-figure">{_scoped(svg, f"fig-{slug}-{i}")}</div>'
        token = PLACEHOLDER.format(i)
        # Markdown puts a lone placeholder in a paragraph; a <div> may not sit in a <p>.
        content, found = re.subn(rf"<p>\s*{token}\s*</p>", lambda _: figure, content)
        if not found:
            content = content.replace(token, figure)
    content = SOLUTION.sub('<details class="success" data-search-exclude', content)
    return PLOT_IMG.sub(lambda m: f'<a class="plot-link" href="{m.group(1)}" title="Open full size">{m.group(0)}</a>',
                        content)


def _plain_math(match: re.Match) -> str:
    from pylatexenc.latex2text import LatexNodes2Text

    tex = html.unescape(match.group(1) if match.group(1) is not None else match.group(2))
    text = LatexNodes2Text(math_mode="text").latex_to_text(tex)
    return html.escape(" ".join(text.split()), quote=False)


def plain_text(text: str) -> str:
    """Search-preview text with each \\( … \\) and \\[ … \\] written as readable Unicode."""
    return MATH.sub(_plain_math, text)


def clean_search_index(site_dir: str) -> None:
    path = Path(site_dir) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    for entry in index["docs"]:
        entry["title"] = plain_text(entry["title"])
        entry["text"] = plain_text(entry["text"])
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
