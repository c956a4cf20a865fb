"""Where a figure's text lands: overlapping labels and text cut off at the edge, measured from bounding boxes.

The tree figure uses these to grow until its labels stand apart, and the
tests use them to check every figure the package draws.
"""

from __future__ import annotations

__all__ = ["text_boxes", "overlapping_texts", "texts_outside"]


def _renderer(figure):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    return canvas.get_renderer()


def _in_view(value: float, limits) -> bool:
    low, high = sorted(limits)
    return low - 1e-9 <= value <= high + 1e-9


def _visible_texts(figure):
    texts = [figure._suptitle] if figure._suptitle else []
    for axes in figure.axes:
        texts += [axes.title, *axes.texts]
        if axes.axison:  # an axis turned off draws neither its label nor its ticks
            texts += [axes.xaxis.label, axes.yaxis.label]
            texts += [t for t in axes.get_xticklabels() if _in_view(t.get_position()[0], axes.get_xlim())]
            texts += [t for t in axes.get_yticklabels() if _in_view(t.get_position()[1], axes.get_ylim())]
        if axes.get_legend():
            texts += [axes.get_legend().get_title(), *axes.get_legend().get_texts()]
    for legend in figure.legends:
        texts += [legend.get_title(), *legend.get_texts()]
    return [t for t in texts if t.get_text().strip() and t.get_visible()]


def text_boxes(figure, axes_only: bool = False) -> list[tuple[str, object]]:
    """``(text, bounding box in pixels)`` of each visible text (only the axes' own annotations if ``axes_only``)."""
    renderer = _renderer(figure)
    texts = [t for axes in figure.axes for t in axes.texts] if axes_only else _visible_texts(figure)
    return [(t.get_text(), t.get_window_extent(renderer)) for t in texts if t.get_text().strip()]


def overlapping_texts(figure, axes_only: bool = True, pad: float = 1.0) -> list[tuple[str, str]]:
    """Pairs of texts whose boxes, grown by ``pad`` pixels, overlap."""
    boxes = [(text, box.expanded(1, 1).padded(pad)) for text, box in text_boxes(figure, axes_only)]
    return [(a, b) for k, (a, box_a) in enumerate(boxes) for b, box_b in boxes[k + 1:] if box_a.overlaps(box_b)]


def texts_outside(figure, slack: float = 1.0) -> list[str]:
    """Texts that run past the canvas by more than ``slack`` pixels: cut off when saved."""
    canvas = figure.bbox
    outside = []
    for text, box in text_boxes(figure):
        if (box.x0 < canvas.x0 - slack or box.x1 > canvas.x1 + slack
                or box.y0 < canvas.y0 - slack or box.y1 > canvas.y1 + slack):
            outside.append(text)
    return outside
