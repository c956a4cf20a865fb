"""Convex polygons for the payoff-set iteration: hulls against Qhull, cross-sections against brute force."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy.spatial import ConvexHull

from negotiation.repeated.polygon import (FLAT, convex_hull, cross_sections, height, hull_vertices, inside,
                                          may_be_vertices)

_grid_points = st.lists(st.tuples(st.integers(-6, 6), st.integers(-6, 6)), min_size=1, max_size=40)


def _turns(vertices):
    v = np.asarray(vertices, dtype=float)
    a, b = np.roll(v, 1, axis=0), np.roll(v, -1, axis=0)
    return (v[:, 0] - a[:, 0]) * (b[:, 1] - a[:, 1]) - (v[:, 1] - a[:, 1]) * (b[:, 0] - a[:, 0])


@given(_grid_points)
def test_hull_is_qhulls_on_integer_points(points):
    vertices = hull_vertices([(float(x), float(y)) for x, y in points])
    array = np.array(points, dtype=float)
    assert set(vertices) <= set(map(tuple, array.tolist()))
    if len(vertices) >= 3:
        theirs = ConvexHull(array)
        assert set(vertices) == set(map(tuple, array[theirs.vertices].tolist()))
        assert (_turns(vertices) > 0).all()  # counter-clockwise, no flat vertex
        assert vertices[0] == min(vertices)  # the lowest-left vertex first
    assert inside(array, np.array(vertices), 1e-9).all()


@given(_grid_points)
def test_pruning_keeps_every_vertex(points):
    array = np.array(points, dtype=float)
    kept = array[may_be_vertices(array)]
    assert set(hull_vertices(list(map(tuple, kept.tolist())))) == set(hull_vertices(list(map(tuple, array.tolist()))))


def test_large_point_sets_are_pruned_to_the_same_hull():
    rng = np.random.default_rng(3)
    points = rng.normal(size=(5000, 2))
    assert may_be_vertices(points).sum() < 1000
    assert set(map(tuple, convex_hull(points).tolist())) == set(map(tuple, points[ConvexHull(points).vertices].tolist()))


def test_of_three_nearly_collinear_points_the_middle_goes():
    """By rounding, an end can lie closer to the others' chord than the middle does: the middle still goes.

    An earlier hull dropped the end, which cut segment-shaped payoff sets short.
    """
    a, b = (0.30331272607892745, 0.4765969541523558), (0.4049341374504143, 0.7837985890347726)
    middle = (0.3456500312322176, 0.6045826727531485)
    assert hull_vertices([a, middle, b]) == [a, b]


def _section_by_brute_force(vertices, axis, c):
    """Every point where the line coordinate[axis] = c meets the polygon's edges, or the vertex it touches."""
    other = 1 - axis
    found = []
    n = len(vertices)
    for k in range(n):
        p, q = vertices[k], vertices[(k + 1) % n]
        if p[axis] == q[axis]:
            if p[axis] == c:
                found += [p[other], q[other]]
        elif min(p[axis], q[axis]) <= c <= max(p[axis], q[axis]):
            t = (c - p[axis]) / (q[axis] - p[axis])
            found.append(p[other] + t * (q[other] - p[other]))
    return min(found), max(found)


@given(st.lists(st.tuples(st.integers(-9, 9), st.integers(-9, 9)), min_size=3, max_size=25), st.data())
def test_cross_sections_meet_the_edges(points, data):
    vertices = hull_vertices([(float(x), float(y)) for x, y in points])
    for axis in (0, 1):
        lo, hi, low, high = cross_sections(vertices, axis)
        assert lo == min(v[axis] for v in vertices) and hi == max(v[axis] for v in vertices)
        c = data.draw(st.one_of(st.sampled_from([v[axis] for v in vertices]),
                                st.floats(lo, hi, allow_nan=False)))
        assert (height(c, low), height(c, high)) == pytest.approx(_section_by_brute_force(vertices, axis, c),
                                                                  abs=1e-9)


def test_an_edge_vertical_but_for_rounding_is_read_as_vertical():
    """An ulp must not move the bottom of a section from one end of that edge to the other."""
    vertices = [(0.6073400206247339, 0.7090594728153411), (0.9752127372265218, 0.7090594728153417),
                (0.6257336564548233, 0.972081924900963), (0.6073400206247338, 0.9266445807043691)]
    lo, hi, low, high = cross_sections(vertices, 0)
    assert height(lo, low) == pytest.approx(0.7090594728153411, abs=1e-12)
    assert height(lo, high) == pytest.approx(0.9266445807043691, abs=1e-12)


def test_points_and_segments_have_sections():
    lo, hi, low, high = cross_sections([(1.0, 2.0)], 0)
    assert (lo, hi, height(1.0, low), height(1.0, high)) == (1.0, 1.0, 2.0, 2.0)
    lo, hi, low, high = cross_sections([(1.0, 2.0), (1.0, 3.0)], 0)
    assert (height(1.0, low), height(1.0, high)) == (2.0, 3.0)
    lo, hi, low, high = cross_sections([(1.0, 2.0), (1.0, 3.0)], 1)
    assert (lo, hi, height(2.5, low), height(2.5, high)) == (2.0, 3.0, 1.0, 1.0)


def test_flatness_is_relative_to_the_span():
    scale = 1e6
    square = [(0.0, 0.0), (scale, 0.0), (scale, scale), (0.0, scale)]
    nearly_on_an_edge = (scale / 2, -FLAT * scale / 10)
    assert hull_vertices(square + [nearly_on_an_edge]) == square
