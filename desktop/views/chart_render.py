"""Rendering charts off the UI thread: one render thread (`render_pool`) with matplotlib's
object-oriented API and Agg only, at the widget's size and device pixel ratio; the places a
click or the arrow keys can choose (hit regions); writing a chart to a file."""

from __future__ import annotations

import dataclasses
import gc
import time
from dataclasses import dataclass
from types import SimpleNamespace
from typing import Callable

import numpy as np
import shiboken6
from matplotlib.figure import Figure
from PySide6.QtCore import QCoreApplication, QThreadPool

from ..tasks import on_cancel
from .chart_style import ChartColours, Drawn, LIGHT, Target, check_export_path, export_figure


SCREEN_DPI = 100        # one inch of a figure is 100 logical pixels on screen, as in matplotlib's Qt canvas
_pool: QThreadPool | None = None


def render_pool() -> QThreadPool:
    """The one thread that renders the charts: one figure at a time, never on the UI thread."""
    global _pool
    if _pool is None or not shiboken6.isValid(_pool):
        app = QCoreApplication.instance()
        _pool = QThreadPool(app)
        _pool.setObjectName("chart-rendering")
        _pool.setMaxThreadCount(1)
        if app is not None:
            app.aboutToQuit.connect(_pool.clear)      # queued renders are dropped at exit
    return _pool


@dataclass(eq=False)
class HitBox:
    """A clickable bar or heatmap cell: a rectangle in the image's logical pixels (origin top left)."""
    left: float
    top: float
    right: float
    bottom: float
    result: tuple[str, dict]
    cell: bool = False                      # a heatmap cell (read row by row), not a bar (left to right)

    def hit(self, x: float, y: float) -> tuple[str, dict] | None:
        return self.result if self.left <= x <= self.right and self.top <= y <= self.bottom else None

    def anchor(self) -> tuple[float, float]:
        return (self.left + self.right) / 2, (self.top + self.bottom) / 2


@dataclass(eq=False)
class HitTrace:
    """A clickable line: its drawn vertices in logical pixels, how near a click must be, and
    what each of its data points opens (a click opens the point nearest the middle of the hit)."""
    xs: tuple[float, ...]
    ys: tuple[float, ...]
    radius: float
    steps: bool                             # a step line draws two vertices per data point
    results: tuple[tuple[str, dict] | None, ...]
    points: tuple[tuple[float, float], ...] = ()    # each data point, in logical pixels

    def hit(self, x: float, y: float) -> tuple[str, dict] | None:
        from matplotlib.lines import segment_hits

        with np.errstate(all="ignore"):            # a step line has segments of length 0
            ind = segment_hits(x, y, np.asarray(self.xs), np.asarray(self.ys), self.radius)
        if self.steps:
            ind = ind // 2
        if not len(ind):
            return None
        n = int(ind[len(ind) // 2])
        return self.results[n] if 0 <= n < len(self.results) else None

    def anchor(self) -> tuple[float, float]:
        n = len(self.xs) // 2
        return self.xs[n], self.ys[n]


class _Pick:
    """What a Target's `resolve` reads, shaped like matplotlib's PickEvent."""

    def __init__(self, artist, *, ind=(), x=None, y=None, xdata=None, ydata=None):
        self.artist = artist
        self.ind = list(ind)
        self.mouseevent = SimpleNamespace(x=x, y=y, xdata=xdata, ydata=ydata, inaxes=getattr(artist, "axes", None))


def hit_regions(targets: list[Target], height: float, ratio: float) -> list[HitBox | HitTrace]:
    """Where the clickable artists of a drawn figure lie in its image, and what each opens.
    matplotlib counts device pixels from the bottom; the image counts logical ones from the top."""
    from matplotlib.cbook import STEP_LOOKUP_MAP
    from matplotlib.image import AxesImage
    from matplotlib.lines import Line2D

    def box(x0, y0, x1, y1, result) -> HitBox:
        return HitBox(min(x0, x1) / ratio, (height - max(y0, y1)) / ratio,
                      max(x0, x1) / ratio, (height - min(y0, y1)) / ratio, result)

    regions: list[HitBox | HitTrace] = []
    for target in targets:
        artist = target.artist
        if isinstance(artist, Line2D):
            xy = np.asarray(artist.get_xydata(), dtype=float)
            style = artist.get_drawstyle() or "default"
            vertices = np.column_stack(STEP_LOOKUP_MAP[style](*xy.T)) if style.startswith("steps") else xy
            points = artist.get_transform().transform(vertices)
            dpi = artist.get_figure(root=True).dpi
            data = artist.get_transform().transform(xy)
            regions.append(HitTrace(tuple(points[:, 0] / ratio), tuple((height - points[:, 1]) / ratio),
                                    artist.get_pickradius() * dpi / 72 / ratio, style.startswith("steps"),
                                    tuple(target.resolve(_Pick(artist, ind=[n])) for n in range(len(xy))),
                                    tuple((float(x) / ratio, float(height - y) / ratio) for x, y in data)))
        elif isinstance(artist, AxesImage):
            rows, columns = np.shape(artist.get_array())[:2]
            x0, x1, y0, y1 = artist.get_extent()
            width, step = (x1 - x0) / columns, ((y0 - y1) if artist.origin == "upper" else (y1 - y0)) / rows
            first = y1 if artist.origin == "upper" else y0
            to_display = artist.axes.transData
            for i in range(rows):
                for j in range(columns):
                    cx, cy = x0 + (j + 0.5) * width, first + (i + 0.5) * step
                    (ax0, ay0), (ax1, ay1) = to_display.transform(
                        [(cx - width / 2, cy - step / 2), (cx + width / 2, cy + step / 2)])
                    sx, sy = to_display.transform((cx, cy))
                    result = target.resolve(_Pick(artist, x=sx, y=sy, xdata=cx, ydata=cy))
                    if result:
                        regions.append(dataclasses.replace(box(ax0, ay0, ax1, ay1, result), cell=True))
        else:                               # a bar, or any artist with an extent
            extent = artist.get_window_extent()
            sx, sy = (extent.x0 + extent.x1) / 2, (extent.y0 + extent.y1) / 2
            xdata, ydata = artist.axes.transData.inverted().transform((sx, sy)) if artist.axes else (None, None)
            result = target.resolve(_Pick(artist, x=sx, y=sy, xdata=xdata, ydata=ydata))
            if result:
                regions.append(box(extent.x0, extent.y0, extent.x1, extent.y1, result))
    return regions


@dataclass
class Rendered:
    """A chart drawn in the render thread: RGBA pixels (not premultiplied) and what to tell about them."""
    rgba: bytes
    width: int                              # device pixels
    height: int
    ratio: float                            # device pixels per logical pixel
    title: str
    summary: str
    hint: str
    regions: list[HitBox | HitTrace]
    seconds: float                          # time spent drawing, in the render thread


def _figure(width: float, height: float, dpi: float, colours: ChartColours = LIGHT) -> Figure:
    """A figure of `width`×`height` device pixels at `dpi`, with its own Agg canvas, drawn in
    `colours` (see `figure_colours`). Only matplotlib's object-oriented API: no pyplot, no Qt
    canvas, safe off the UI thread."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = Figure(figsize=(width / dpi, height / dpi), dpi=dpi, layout="constrained", facecolor=colours.background)
    figure.chart_colours = colours
    FigureCanvasAgg(figure)
    return figure


class _CollectorPause:
    """Rendering a chart makes tens of thousands of objects in reference cycles that live for
    one render. Left to the automatic collector, they outlive its young collections while the
    figure is drawn and pile up in the oldest generation, until a full collection, started by
    whichever thread allocates, scans the whole process with the interpreter lock held: the UI
    thread stops for 100 ms and more. And a collection started in the render thread could
    finalise some Qt object of the UI thread's garbage there.

    So while renders are under way, the automatic collector is off, and the UI thread collects
    the young generation (what was made since: the dead figures) as each chart arrives, and one
    generation more after the last. `begin` and `end` are called on the UI thread only."""

    def __init__(self):
        self.renders = 0
        self.paused = False

    def begin(self) -> None:
        if self.renders == 0 and gc.isenabled():
            gc.disable()
            self.paused = True
        self.renders += 1

    def end(self) -> None:
        self.renders = max(0, self.renders - 1)
        if self.renders:
            gc.collect(0)
            return
        if self.paused:
            self.paused = False
            gc.enable()
        gc.collect(1)


    def reset(self) -> None:
        """The renders' reports were dropped (the workspace closed): their `end` never comes."""
        self.renders = 0
        if self.paused:
            self.paused = False
            gc.enable()


_collector = _CollectorPause()
on_cancel(_collector.reset)


def render_chart(draw: Callable[[Figure], Drawn], width: int, height: int, ratio: float = 1.0,
                 colours: ChartColours = LIGHT) -> Rendered:
    """Draw a chart at `width`×`height` logical pixels and `ratio` device pixels per logical pixel
    (the widget's devicePixelRatio), so it is as sharp as matplotlib's own Qt canvas would draw it,
    in `colours` (from the palette: `chart_colours`)."""
    started = time.perf_counter()
    ratio = ratio if ratio > 0 else 1.0
    # a pinch more than the whole pixels, so that inches × dpi never rounds down a pixel
    figure = _figure(max(1, round(width * ratio)) + 1e-3, max(1, round(height * ratio)) + 1e-3, SCREEN_DPI * ratio,
                     colours)
    drawn = draw(figure)
    canvas = figure.canvas
    canvas.draw()
    pixels = np.asarray(canvas.buffer_rgba())
    rows, columns = pixels.shape[:2]
    regions = hit_regions(drawn.targets, rows, ratio)
    return Rendered(pixels.tobytes(), columns, rows, ratio, figure.get_suptitle().replace("\n", " "), drawn.summary,
                    drawn.hint, regions, time.perf_counter() - started)


def render_to_file(draw: Callable[[Figure], Drawn], width: float, height: float, path: str) -> str:
    """Draw a chart laid out for `width`×`height` logical pixels into a PNG or PDF file."""
    check_export_path(path)
    figure = _figure(width, height, SCREEN_DPI)
    draw(figure)
    export_figure(figure, path)
    return path
