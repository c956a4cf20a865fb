r"""One round of Abreu and Sannikov's algorithm: the payoffs a polygon of continuation values generates.

Each action profile :math:`a`, with stage payoff :math:`u(a)` and incentive
thresholds :math:`t(a) = \underline w + \tfrac{1-\delta}{\delta}(g(a) - u(a))`,
contributes (Abreu and Sannikov 2014, section 3):

* :math:`u(a)` itself, when it meets its own thresholds and lies in :math:`W`;
* otherwise :math:`(1-\delta)u(a) + \delta w` for the points :math:`w` where
  the lines :math:`w_1 = t_1(a)` and :math:`w_2 = t_2(a)` meet the boundary of
  :math:`W` beyond the other threshold, and for the corner :math:`t(a)` when
  it lies in :math:`W`.

The boundary points are read off the polygon's cross-sections
(:func:`~negotiation.repeated.polygon.cross_sections`). Small games loop over
their profiles in plain Python; large ones take every profile at once in numpy.
The two give the same points, which a test checks.
"""

from __future__ import annotations

import numpy as np

from .polygon import cross_sections, height, hull_from_slots, hull_vertices, may_be_vertices

__all__ = ["Stage", "advance"]

TOL = 1e-10
SMALL = 20  # profiles: below this a loop costs less than numpy's per-call overhead


class Stage:
    """A stage game's payoff pairs and deviation gains, as arrays and as lists of pairs, at a discount factor."""

    def __init__(self, payoffs: np.ndarray, gains: np.ndarray, delta: float):
        self.delta = delta
        self.payoffs = payoffs
        self.payoff_pairs = [tuple(p) for p in payoffs.tolist()]
        self.gain_pairs = [tuple(g) for g in gains.tolist()]
        self.u0, self.u1 = payoffs[:, 0].copy(), payoffs[:, 1].copy()
        self.g0, self.g1 = gains[:, 0].copy(), gains[:, 1].copy()
        self.r0, self.r1 = (1 - delta) * self.u0, (1 - delta) * self.u1  # the stage's share of a generated payoff

    def __len__(self) -> int:
        return len(self.payoffs)


def advance(vertices: list, punishment: tuple, stage: Stage, slots=None):
    """The next polygon, punishment values and vertex slots, or ``None`` when nothing is generated.

    Large games generate into fixed slots (six a profile); when last round's
    vertices come from the same slots and still bound every new point, the
    hull is read off them instead of recomputed.
    """
    sections = cross_sections(vertices, 0), cross_sections(vertices, 1)
    if len(stage) < SMALL:
        points = generated_points(sections, stage, punishment)
        if not points:
            return None
        lowest = (min(p[0] for p in points), min(p[1] for p in points))
        return hull_vertices(points), lowest, None
    xs, ys, keep = generated_slots(sections, stage, punishment)
    kept = np.flatnonzero(keep)
    if not len(kept):
        return None
    lowest = (float(xs[kept].min()), float(ys[kept].min()))
    reused = None if slots is None else hull_from_slots(xs, ys, keep, slots)
    if reused is not None:
        return reused[0], lowest, reused[1]
    survivors = kept[may_be_vertices(np.stack([xs[kept], ys[kept]], axis=1))]
    slot_of = {point: slot for slot, point in zip(survivors.tolist(), zip(xs[survivors].tolist(),
                                                                            ys[survivors].tolist()))}
    hull = hull_vertices(list(slot_of))
    return hull, lowest, np.array([slot_of[v] for v in hull])


def generated_points(sections: tuple, stage: Stage, punishment: tuple) -> list:
    """Every profile's generated points, profile by profile."""
    (x_lo, x_hi, below, above), (y_lo, y_hi, left, right) = sections
    w0, w1 = punishment
    delta = stage.delta
    rest = 1 - delta
    found: list = []
    add = found.append
    for (u0, u1), (g0, g1) in zip(stage.payoff_pairs, stage.gain_pairs):
        t0, t1 = w0 + g0, w1 + g1
        if (u0 >= t0 and u1 >= t1 and x_lo - TOL <= u0 <= x_hi + TOL
                and height(u0, below) - TOL <= u1 <= height(u0, above) + TOL):
            add((u0, u1))
            continue
        b0, b1 = rest * u0, rest * u1
        if x_lo - TOL <= t0 <= x_hi + TOL:
            top, bottom = height(t0, above), height(t0, below)
            if top - t1 > TOL:
                add((delta * t0 + b0, delta * top + b1))
                if bottom - t1 > TOL:
                    add((delta * t0 + b0, delta * bottom + b1))
            if bottom - TOL <= t1 <= top + TOL:
                add((delta * t0 + b0, delta * t1 + b1))
        if y_lo - TOL <= t1 <= y_hi + TOL:
            far, near = height(t1, right), height(t1, left)
            if far - t0 > TOL:
                add((delta * far + b0, delta * t1 + b1))
                if near - t0 > TOL:
                    add((delta * near + b0, delta * t1 + b1))
    return found


def generated_slots(sections: tuple, stage: Stage, punishment: tuple) -> tuple:
    """Every profile's generated points at once, in six slots a profile: ``(xs, ys, keep)``.

    The slots are the stationary payoff, the top and bottom of the section at
    the first threshold, the far and near ends at the second, and the corner;
    ``keep`` marks those generated. The kept points are :func:`generated_points`'s.
    """
    (x_lo, x_hi, below, above), (y_lo, y_hi, left, right) = sections
    u0, u1 = stage.u0, stage.u1
    t0, t1 = stage.g0 + punishment[0], stage.g1 + punishment[1]
    xs, ys = np.empty((6, len(u0))), np.empty((6, len(u0)))
    xs[0], ys[0] = u0, u1
    xs[1] = xs[2] = xs[5] = t0
    ys[3] = ys[4] = ys[5] = t1
    ys[1], ys[2] = np.interp(t0, *above), np.interp(t0, *below)
    xs[3], xs[4] = np.interp(t1, *right), np.interp(t1, *left)
    stationary = (u0 >= t0) & (u1 >= t1) & (u0 >= x_lo - TOL) & (u0 <= x_hi + TOL)
    stationary &= (u1 >= np.interp(u0, *below) - TOL) & (u1 <= np.interp(u0, *above) + TOL)
    across = (t0 >= x_lo - TOL) & (t0 <= x_hi + TOL) & ~stationary  # the threshold lines meet the polygon
    up = (t1 >= y_lo - TOL) & (t1 <= y_hi + TOL) & ~stationary
    keep = np.empty(xs.shape, dtype=bool)
    keep[0] = stationary
    keep[1:3] = ys[1:3] - t1 > TOL  # the section's top and bottom beyond the other threshold
    keep[1:3] &= across
    keep[3:5] = xs[3:5] - t0 > TOL
    keep[3:5] &= up
    keep[5] = across & (t1 >= ys[2] - TOL) & (t1 <= ys[1] + TOL)  # the corner inside
    xs[1:] *= stage.delta
    xs[1:] += stage.r0
    ys[1:] *= stage.delta
    ys[1:] += stage.r1
    return xs.ravel(), ys.ravel(), keep.ravel()
