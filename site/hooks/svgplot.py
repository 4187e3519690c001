"""A very small SVG plotting library for the theory site: line plots, heat maps, legends.

Why not matplotlib: the site's plots are simple (curves, grids of cells), and drawing them
directly keeps the build fast (no 1-2 s import), offline, dependency-free (NumPy only) and
byte-for-byte reproducible; the SVGs are small and crisp at every zoom level.

Usage: fig = Figure(760, 320); ax = fig.axes((60, 40, 300, 220), xlim=(-4, 4), ylim=(-1, 3));
ax.line(x, y, label="ReLU"); ax.legend(); svg = fig.render().
"""
from __future__ import annotations

import math
import re
from html import escape

import numpy as np

# Okabe-Ito: distinguishable with every common kind of colour blindness.
PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999"]
INK = "#222"
MUTED = "#666"
GRID = "#e6e6e6"
FONT = "-apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif"


_SUBSCRIPT = re.compile(r"_\(([^()]*)\)|_([^\W_])(?!\w)")


def _rich(text: str) -> str:
    """Escaped SVG text with x_B and h_(T−k) drawn as subscripts (not literal underscores);
    identifiers such as ceil_mode stay as they are."""
    return _SUBSCRIPT.sub(lambda m: f'<tspan baseline-shift="sub" font-size="75%">{m.group(1) or m.group(2)}</tspan>',
                          escape(text))


def _n(v: float) -> str:
    """A coordinate with one decimal: enough for the eye, small files."""
    s = f"{v:.1f}"
    return s[:-2] if s.endswith(".0") else s


def _superscript(k: int) -> str:
    return str(k).translate(str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹"))


def nice_ticks(lo: float, hi: float, target: int = 5) -> list[float]:
    """Round tick values (1, 2, 2.5, 5 times a power of ten) covering [lo, hi]."""
    span = hi - lo
    raw = span / target
    magnitude = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        step = m * magnitude
        if span / step <= target:
            break
    first = math.ceil(lo / step - 1e-9) * step
    ticks = []
    v = first
    while v <= hi + step * 1e-9:
        ticks.append(0.0 if abs(v) < step * 1e-9 else v)
        v += step
    return ticks


def tick_label(v: float, ticks: list[float]) -> str:
    step = min((b - a for a, b in zip(ticks, ticks[1:])), default=1.0)
    decimals = max(0, -math.floor(math.log10(step) + 1e-9)) if step < 1 else 0
    if step < 1 and abs(step * 10 ** decimals - round(step * 10 ** decimals)) > 1e-6:
        decimals += 1  # 0.25 needs two decimals
    text = f"{v:.{decimals}f}"
    return text.replace("-", "−")


def _colour_mix(c0: str, c1: str, t: float) -> str:
    a = [int(c0[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(c1[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(a, b))


def colormap(stops: list[str]):
    """A function [0, 1] -> colour, linear between the stops."""
    def cmap(t: float) -> str:
        t = min(max(float(t), 0.0), 1.0) * (len(stops) - 1)
        i = min(int(t), len(stops) - 2)
        return _colour_mix(stops[i], stops[i + 1], t - i)
    return cmap


SEQUENTIAL = colormap(["#ffffff", "#c6dbef", "#6baed6", "#2171b5", "#08306b"])
DIVERGING = colormap(["#2166ac", "#67a9cf", "#f7f7f7", "#ef8a62", "#b2182b"])


def luminance(colour: str) -> float:
    r, g, b = (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


class Axes:
    """A rectangle of the figure with data coordinates; draws into its figure."""

    def __init__(self, fig: "Figure", box, xlim, ylim, *, logy=False, title="", xlabel="", ylabel="",
                 xticks=None, yticks=None, grid=True, frame=True):
        self.fig = fig
        self.x0, self.y0, self.w, self.h = box
        self.xlim, self.ylim, self.logy = xlim, ylim, logy
        self.clip = f"clip{len(fig.axes_list)}"
        self.items: list[str] = []
        self.legend_entries: list[tuple[str, str, str | None, str]] = []
        self.title, self.xlabel, self.ylabel = title, xlabel, ylabel
        self.xticks, self.yticks, self.grid, self.frame = xticks, yticks, grid, frame

    # -- coordinates
    def X(self, x):
        lo, hi = self.xlim
        return self.x0 + (np.asarray(x, dtype=float) - lo) / (hi - lo) * self.w

    def Y(self, y):
        lo, hi = self.ylim
        y = np.asarray(y, dtype=float)
        if self.logy:
            with np.errstate(divide="ignore", invalid="ignore"):
                y = np.where(y > 0, np.log10(np.where(y > 0, y, 1.0)), np.nan)
            lo, hi = math.log10(lo), math.log10(hi)
        return self.y0 + self.h - (y - lo) / (hi - lo) * self.h

    # -- marks
    def line(self, x, y, *, color=None, width=2.0, dash=None, label=None, opacity=1.0):
        color = color or PALETTE[len(self.legend_entries) % len(PALETTE)]
        px, py = self.X(x), self.Y(y)
        parts, pen_down = [], False
        for a, b in zip(px, py):
            if not (np.isfinite(a) and np.isfinite(b)):
                pen_down = False
                continue
            b = min(max(b, self.y0 - 1000), self.y0 + self.h + 1000)  # keep huge values drawable
            parts.append(("L" if pen_down else "M") + f"{_n(a)} {_n(b)}")
            pen_down = True
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        self.items.append(f'<path d="{"".join(parts)}" fill="none" stroke="{color}" stroke-width="{width}" '
                          f'stroke-linejoin="round" stroke-linecap="round" opacity="{opacity}"{dash_attr} '
                          f'clip-path="url(#{self.clip})"/>')
        if label:
            self.legend_entries.append((label, color, dash, "line"))
        return color

    def points(self, x, y, *, color=None, r=2.5, label=None, opacity=1.0):
        color = color or PALETTE[len(self.legend_entries) % len(PALETTE)]
        for a, b in zip(self.X(x), self.Y(y)):
            if np.isfinite(a) and np.isfinite(b):
                self.items.append(f'<circle cx="{_n(a)}" cy="{_n(b)}" r="{r}" fill="{color}" opacity="{opacity}" '
                                  f'clip-path="url(#{self.clip})"/>')
        if label:
            self.legend_entries.append((label, color, None, "point"))

    def area(self, x, y0, y1, *, color, opacity=0.2, label=None):
        top = [f"{_n(a)} {_n(b)}" for a, b in zip(self.X(x), self.Y(y1))]
        bottom = [f"{_n(a)} {_n(b)}" for a, b in zip(self.X(x)[::-1], self.Y(y0)[::-1])]
        self.items.append(f'<path d="M{" L".join(top + bottom)}Z" fill="{color}" opacity="{opacity}" stroke="none" '
                          f'clip-path="url(#{self.clip})"/>')
        if label:
            self.legend_entries.append((label, color, None, "area"))

    def vspan(self, x0, x1, *, color="#999", opacity=0.12, label=None):
        a, b = self.X([x0, x1])
        self.items.append(f'<rect x="{_n(a)}" y="{_n(self.y0)}" width="{_n(b - a)}" height="{_n(self.h)}" '
                          f'fill="{color}" opacity="{opacity}"/>')
        if label:
            self.legend_entries.append((label, color, None, "area"))

    def hline(self, y, *, color=MUTED, width=1.0, dash="4 3", label=None):
        self.line([self.xlim[0], self.xlim[1]], [y, y], color=color, width=width, dash=dash, label=label)

    def vline(self, x, *, color=MUTED, width=1.0, dash="4 3"):
        a = float(self.X(x))
        self.items.append(f'<line x1="{_n(a)}" y1="{_n(self.y0)}" x2="{_n(a)}" y2="{_n(self.y0 + self.h)}" '
                          f'stroke="{color}" stroke-width="{width}" stroke-dasharray="{dash}"/>')

    def text(self, x, y, s, *, anchor="start", color=INK, size=12, weight="normal", data=True):
        px, py = (float(self.X(x)), float(self.Y(y))) if data else (x, y)
        self.items.append(f'<text x="{_n(px)}" y="{_n(py)}" text-anchor="{anchor}" fill="{color}" '
                          f'font-size="{size}" font-weight="{weight}">{_rich(s)}</text>')

    def ellipse(self, cx, cy, rx, ry, *, color=GRID, width=1.0):
        sx = self.w / (self.xlim[1] - self.xlim[0])
        sy = self.h / (self.ylim[1] - self.ylim[0])
        self.items.append(f'<ellipse cx="{_n(float(self.X(cx)))}" cy="{_n(float(self.Y(cy)))}" rx="{_n(rx * sx)}" '
                          f'ry="{_n(ry * sy)}" fill="none" stroke="{color}" stroke-width="{width}" '
                          f'clip-path="url(#{self.clip})"/>')

    def heat(self, matrix, *, cmap=SEQUENTIAL, vmin=None, vmax=None, annotate=None, gap=0.0,
             masked=None, masked_colour="#eeeeee"):
        """Cells of a matrix, row 0 at the top; xlim/ylim must be (0, cols)/(0, rows)."""
        m = np.asarray(matrix, dtype=float)
        vmin = np.nanmin(m) if vmin is None else vmin
        vmax = np.nanmax(m) if vmax is None else vmax
        rows, cols = m.shape
        cw, ch = self.w / cols, self.h / rows
        for i in range(rows):
            for j in range(cols):
                is_masked = masked is not None and masked[i, j]
                colour = masked_colour if is_masked else cmap((m[i, j] - vmin) / (vmax - vmin or 1))
                x, y = self.x0 + j * cw, self.y0 + i * ch
                self.items.append(f'<rect x="{_n(x + gap / 2)}" y="{_n(y + gap / 2)}" width="{_n(cw - gap)}" '
                                  f'height="{_n(ch - gap)}" fill="{colour}"/>')
                if annotate and not is_masked:
                    ink = "#fff" if luminance(colour) < 0.5 else INK
                    self.items.append(f'<text x="{_n(x + cw / 2)}" y="{_n(y + ch / 2 + 3.5)}" text-anchor="middle" '
                                      f'font-size="{min(10, ch * 0.45):.0f}" fill="{ink}">{_rich(annotate(m[i, j]))}</text>')
        self.grid = False

    def legend(self, where="upper right", *, columns=1, width=None):
        entries = self.legend_entries
        if not entries:
            return
        row_h, pad = 17, 7
        longest = max(len(e[0]) for e in entries)
        col_w = width or (30 + 6.6 * longest)
        rows = math.ceil(len(entries) / columns)
        box_w, box_h = col_w * columns + pad, rows * row_h + pad
        if isinstance(where, tuple):  # pixel position of the top-left corner, e.g. outside the axes
            x, y = where
        else:
            x = self.x0 + 8 if "left" in where else self.x0 + self.w - box_w - 8
            y = self.y0 + 8 if "upper" in where else self.y0 + self.h - box_h - 8
        out = [f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(box_w)}" height="{_n(box_h)}" rx="4" fill="#fff" '
               f'fill-opacity="0.88" stroke="#ddd"/>']
        for k, (label, colour, dash, kind) in enumerate(entries):
            cx = x + pad + (k // rows) * col_w
            cy = y + pad + (k % rows) * row_h + 6
            if kind == "line":
                d = f' stroke-dasharray="{dash}"' if dash else ""
                out.append(f'<line x1="{_n(cx)}" y1="{_n(cy)}" x2="{_n(cx + 20)}" y2="{_n(cy)}" stroke="{colour}" '
                           f'stroke-width="2.5"{d}/>')
            elif kind == "point":
                out.append(f'<circle cx="{_n(cx + 10)}" cy="{_n(cy)}" r="3" fill="{colour}"/>')
            else:
                out.append(f'<rect x="{_n(cx)}" y="{_n(cy - 5)}" width="20" height="10" fill="{colour}" opacity="0.35"/>')
            out.append(f'<text x="{_n(cx + 26)}" y="{_n(cy + 4)}" font-size="12" fill="{INK}">{_rich(label)}</text>')
        self.items.extend(out)

    # -- rendering
    def _y_ticks(self):
        if self.yticks is not None:
            return self.yticks
        if self.logy:
            lo, hi = (math.log10(v) for v in self.ylim)
            exps = list(range(math.ceil(lo - 1e-9), math.floor(hi + 1e-9) + 1))
            stride = max(1, math.ceil(len(exps) / 7))
            return [(10.0 ** k, "1" if k == 0 else ("10" if k == 1 else "10" + _superscript(k))) for k in exps[::stride]]
        ticks = nice_ticks(*self.ylim)
        return [(t, tick_label(t, ticks)) for t in ticks]

    def _x_ticks(self):
        if self.xticks is not None:
            return self.xticks
        ticks = nice_ticks(*self.xlim, target=6)
        return [(t, tick_label(t, ticks)) for t in ticks]

    def render(self) -> str:
        x0, y0, w, h = self.x0, self.y0, self.w, self.h
        out = [f'<clipPath id="{self.clip}"><rect x="{_n(x0)}" y="{_n(y0)}" width="{_n(w)}" height="{_n(h)}"/></clipPath>']
        if self.frame:
            for value, label in self._y_ticks():
                py = float(self.Y(value))
                if self.grid:
                    out.append(f'<line x1="{_n(x0)}" y1="{_n(py)}" x2="{_n(x0 + w)}" y2="{_n(py)}" stroke="{GRID}"/>')
                out.append(f'<text x="{_n(x0 - 6)}" y="{_n(py + 4)}" text-anchor="end" font-size="11" fill="{MUTED}">'
                           f'{_rich(label)}</text>')
            for value, label in self._x_ticks():
                px = float(self.X(value))
                if self.grid:
                    out.append(f'<line x1="{_n(px)}" y1="{_n(y0)}" x2="{_n(px)}" y2="{_n(y0 + h)}" stroke="{GRID}"/>')
                out.append(f'<text x="{_n(px)}" y="{_n(y0 + h + 15)}" text-anchor="middle" font-size="11" '
                           f'fill="{MUTED}">{_rich(label)}</text>')
            if self.grid:
                out.append(f'<rect x="{_n(x0)}" y="{_n(y0)}" width="{_n(w)}" height="{_n(h)}" fill="none" stroke="#bbb"/>')
        out.extend(self.items)
        if self.title:
            out.append(f'<text x="{_n(x0 + w / 2)}" y="{_n(y0 - 10)}" text-anchor="middle" font-size="13.5" '
                       f'font-weight="600" fill="{INK}">{_rich(self.title)}</text>')
        if self.xlabel:
            out.append(f'<text x="{_n(x0 + w / 2)}" y="{_n(y0 + h + 34)}" text-anchor="middle" font-size="12" '
                       f'fill="{INK}">{_rich(self.xlabel)}</text>')
        if self.ylabel:
            cx, cy = x0 - 44, y0 + h / 2
            out.append(f'<text x="{_n(cx)}" y="{_n(cy)}" text-anchor="middle" font-size="12" fill="{INK}" '
                       f'transform="rotate(-90 {_n(cx)} {_n(cy)})">{_rich(self.ylabel)}</text>')
        return "\n".join(out)


class Figure:
    def __init__(self, width: int, height: int, *, description: str = ""):
        self.width, self.height, self.description = width, height, description
        self.axes_list: list[Axes] = []
        self.extra: list[str] = []

    def axes(self, box, xlim, ylim, **kwargs) -> Axes:
        ax = Axes(self, box, xlim, ylim, **kwargs)
        self.axes_list.append(ax)
        return ax

    def text(self, x, y, s, *, anchor="start", size=12, color=INK, weight="normal"):
        self.extra.append(f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" font-size="{size}" fill="{color}" '
                          f'font-weight="{weight}">{_rich(s)}</text>')

    def colorbar(self, box, cmap, vmin, vmax, *, label="", ticks=None):
        x, y, w, h = box
        steps = 40
        for k in range(steps):
            t = 1 - (k + 0.5) / steps
            self.extra.append(f'<rect x="{_n(x)}" y="{_n(y + k * h / steps)}" width="{_n(w)}" '
                              f'height="{_n(h / steps + 0.6)}" fill="{cmap(t)}"/>')
        self.extra.append(f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(w)}" height="{_n(h)}" fill="none" stroke="#bbb"/>')
        for value in ticks or (vmin, vmax):
            py = y + h - (value - vmin) / (vmax - vmin) * h
            self.extra.append(f'<text x="{_n(x + w + 4)}" y="{_n(py + 4)}" font-size="11" fill="{MUTED}">'
                              f'{escape(f"{value:g}".replace("-", "−"))}</text>')
        if label:
            self.extra.append(f'<text x="{_n(x + w / 2)}" y="{_n(y - 8)}" text-anchor="middle" font-size="11" '
                              f'fill="{INK}">{_rich(label)}</text>')

    def render(self) -> str:
        body = "\n".join([*(ax.render() for ax in self.axes_list), *self.extra])
        title = f"<title>{escape(self.description)}</title>" if self.description else ""
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{self.width}" height="{self.height}" '
                f'viewBox="0 0 {self.width} {self.height}" font-family="{escape(FONT)}" role="img">{title}\n'
                f'<rect width="100%" height="100%" rx="6" fill="#fff"/>\n{body}\n</svg>\n')
