"""Convex polygons in the payoff plane: hulls, cross-sections and membership.

The Abreu–Sannikov iteration asks three things of a polygon, hundreds of
times: the convex hull of a few dozen points, the lowest and highest point
of the polygon on a vertical or horizontal line, and whether a point lies
inside. Its polygons have a handful of vertices, so vertices are kept as
lists of ``(x, y)`` tuples: plain Python costs less than numpy's per-call
overhead at that size. Large point sets are thinned with numpy first.
"""

from __future__ import annotations

from bisect import bisect_right

import numpy as np

__all__ = ["convex_hull", "hull_vertices", "hull_from_slots", "inside", "may_be_vertices", "cross_sections", "height"]

FLAT = 1e-11  # a vertex this close to its neighbours' chord, relative to the span, is not a vertex


def convex_hull(points) -> np.ndarray:
    """Vertices of the convex hull, counter-clockwise from the lowest-left point (Andrew's monotone chain).

    Vertices within rounding error of the line through their neighbours are
    dropped, so a polygon's vertex count does not depend on the last digit; a
    single point or a segment is returned as one or two vertices.
    """
    array = np.asarray(points, dtype=float)
    if len(array) > 64:
        array = array[may_be_vertices(array)]
    return np.array(hull_vertices([tuple(p) for p in array.tolist()]), dtype=float).reshape(-1, 2)


def hull_vertices(points: list) -> list:
    """:func:`convex_hull` of a list of ``(x, y)`` tuples, as a list of tuples."""
    unique = sorted(set(points))
    if len(unique) <= 2:
        return unique
    lower = _chain(unique)
    vertices = lower[:-1] + _chain(unique[::-1])[:-1]
    ys = [p[1] for p in vertices]
    span = max(lower[-1][0] - lower[0][0], max(ys) - min(ys))
    return _lowest_left_first(_drop_flat(vertices, FLAT * span), span)


def _chain(points: list) -> list:
    """One half of the hull: points turning left only."""
    kept: list = []
    pop, push = kept.pop, kept.append
    n = 0
    for p in points:
        px, py = p
        while n >= 2:
            ox, oy = kept[-2]
            ax, ay = kept[-1]
            if (ax - ox) * (py - oy) > (ay - oy) * (px - ox):
                break
            pop()
            n -= 1
        push(p)
        n += 1
    return kept


def _drop_flat(vertices: list, tol: float) -> list:
    """Remove, one at a time, the vertex closest to the chord between its neighbours while it is within ``tol``.

    Only a vertex that lies between its neighbours along the chord counts: of
    three nearly collinear points the middle one goes, never an end.
    """
    vertices = list(vertices)
    gaps = [_gap(vertices, i) for i in range(len(vertices))]
    while len(vertices) > 2:
        k = min(range(len(gaps)), key=gaps.__getitem__)
        if gaps[k] >= tol:
            break
        del vertices[k], gaps[k]
        n = len(vertices)
        for i in ((k - 1) % n, k % n):  # only the neighbours' chords changed
            gaps[i] = _gap(vertices, i)
    return vertices


def _gap(vertices: list, i: int) -> float:
    """How far vertex ``i`` lies from the chord between its neighbours (infinite when not between them)."""
    (bx, by), (x, y), (ax, ay) = vertices[i - 1], vertices[i], vertices[(i + 1) % len(vertices)]
    cx, cy = ax - bx, ay - by
    squared = cx * cx + cy * cy
    along = cx * (x - bx) + cy * (y - by)
    if squared == 0 or not 0 <= along <= squared:
        return float("inf")
    return abs(cx * (y - by) - cy * (x - bx)) / squared ** 0.5


def _lowest_left_first(vertices: list, span: float) -> list:
    """Start at the lowest-left vertex, ignoring the last digits so the start does not flicker."""
    scale = max(span, 1e-300)
    x0 = min(p[0] for p in vertices)
    near = [k for k, p in enumerate(vertices) if p[0] - x0 <= 1e-8 * scale]  # the only ones that can tie
    if len(near) == 1 and near[0] == 0:
        return vertices
    start = min(near, key=lambda k: (round(vertices[k][0] / scale, 9), round(vertices[k][1] / scale, 9)))
    return vertices[start:] + vertices[:start]


def hull_from_slots(xs: np.ndarray, ys: np.ndarray, keep: np.ndarray, slots: np.ndarray):
    """``(vertices, slots)`` of the hull of the kept points if last round's vertex slots still make it, else None.

    They make it when none of them is flat and every kept point lies inside
    the polygon they span, or closer to one of its edges than the flatness
    tolerance: :func:`hull_vertices` would drop such a point as flat.
    """
    if len(slots) < 3 or not keep[slots].all():
        return None
    hx, hy = xs[slots], ys[slots]
    x, y = hx.tolist(), hy.tolist()
    vertices = list(zip(x, y))
    edges = [(b[0] - a[0], b[1] - a[1]) for a, b in zip(vertices, vertices[1:] + vertices[:1])]
    span = max(max(x) - min(x), max(y) - min(y))
    ex, ey = np.array(edges).T
    cross = (ys[keep][:, None] - hy) * ex - (xs[keep][:, None] - hx) * ey
    if (cross < [-FLAT * span * (a * a + b * b) ** 0.5 for a, b in edges]).any():
        return None
    if len(_drop_flat(vertices, FLAT * span)) < len(vertices):
        return None
    ordered = _lowest_left_first(vertices, span)
    shift = vertices.index(ordered[0])
    return ordered, np.concatenate([slots[shift:], slots[:shift]])


def may_be_vertices(points: np.ndarray) -> np.ndarray:
    """Which points are not strictly inside the octagon of extreme points (Akl–Toussaint), so may be hull vertices."""
    directions = np.array([[1, 0], [1, 1], [0, 1], [-1, 1], [-1, 0], [-1, -1], [0, -1], [1, -1]], dtype=float)
    corners = points[np.argmax(points @ directions.T, axis=0)]  # counter-clockwise, possibly repeated
    start, edge = corners, np.roll(corners, -1, axis=0) - corners
    relative = points[:, None, :] - start[None, :, :]
    cross = edge[None, :, 0] * relative[:, :, 1] - edge[None, :, 1] * relative[:, :, 0]
    scale = float(np.ptp(points, axis=0).max()) or 1.0
    real = np.hypot(edge[:, 0], edge[:, 1]) > 0
    if real.sum() < 3:  # the octagon is a point or a segment: nothing is strictly inside it
        return np.ones(len(points), dtype=bool)
    strictly = (cross[:, real] > 1e-9 * scale * scale).all(axis=1)
    return ~strictly


def inside(points: np.ndarray, hull: np.ndarray, tol: float) -> np.ndarray:
    """Which points lie in the convex polygon (counter-clockwise vertices), within ``tol``."""
    if len(hull) == 1:
        return np.linalg.norm(points - hull[0], axis=1) <= tol
    if len(hull) == 2:
        a, b = hull
        direction = b - a
        t = np.clip((points - a) @ direction / (direction @ direction), 0, 1)
        return np.linalg.norm(points - (a + t[:, None] * direction), axis=1) <= tol
    edge = np.roll(hull, -1, axis=0) - hull
    relative = points[:, None, :] - hull[None, :, :]
    cross = edge[None, :, 0] * relative[:, :, 1] - edge[None, :, 1] * relative[:, :, 0]
    length = np.linalg.norm(edge, axis=1)
    return (cross >= -tol * np.maximum(length, 1)[None, :]).all(axis=1)


def cross_sections(vertices: list, axis: int, tol: float = 1e-10) -> tuple:
    """Where a line ``coordinate[axis] = c`` meets the polygon: ``(lo, hi, low, high)``.

    ``lo``/``hi`` bound the ``c`` that meet it; ``low`` and ``high`` are the
    boundary chains giving the smallest and largest other coordinate at ``c``,
    each as ``(coordinates, others)`` increasing in the coordinate (for
    :func:`height`). Vertices within ``tol`` of the extreme coordinate count as
    on it, so an edge that is vertical but for rounding is read as vertical: an
    ulp must not move a section's end from one end of that edge to the other.
    Points and segments are polygons too.
    """
    other = 1 - axis
    c = [p[axis] for p in vertices]
    lo, hi = min(c), max(c)
    if hi - lo <= tol:  # a point, or a segment across the line's direction
        values = [p[other] for p in vertices]
        return lo, hi, ([lo], [min(values)]), ([lo], [max(values)])
    n, near_lo, near_hi = len(c), lo + tol, hi - tol
    k = c.index(lo)
    while c[(k + 1) % n] <= near_lo:  # to the last vertex at the low end, counter-clockwise
        k = (k + 1) % n
    forward = [vertices[k]]
    while c[k] < near_hi:
        k = (k + 1) % n
        forward.append(vertices[k])
    while c[(k + 1) % n] >= near_hi:  # to the last vertex at the high end
        k = (k + 1) % n
    backward = [vertices[k]]
    while c[k] > near_lo:
        k = (k + 1) % n
        backward.append(vertices[k])
    backward.reverse()
    # counter-clockwise, the forward chain runs along the bottom (axis 0) or the right side (axis 1)
    low, high = (forward, backward) if axis == 0 else (backward, forward)
    return lo, hi, ([p[axis] for p in low], [p[other] for p in low]), ([p[axis] for p in high], [p[other] for p in high])


def height(c: float, chain: tuple) -> float:
    """The chain's other coordinate at ``c``: linear between vertices, constant beyond the ends, as ``np.interp``."""
    coordinates, others = chain
    k = bisect_right(coordinates, c)
    if k == 0:
        return others[0]
    if k == len(coordinates):
        return others[-1]
    slope = (others[k] - others[k - 1]) / (coordinates[k] - coordinates[k - 1])
    return slope * (c - coordinates[k - 1]) + others[k - 1]
