r"""All Nash equilibria of many small two-player games at once.

``batch_equilibria(A, B)`` takes stacks of ``N`` games of the same size,
shape ``(N, m, n)``, and returns every equilibrium of every game in one tidy
table: one row per equilibrium, with the index of its game.

* **2×2 games** use the closed form: the four pure profiles are checked with
  best-response masks, and the completely mixed equilibrium is
  :math:`q = (a_{11} - a_{01}) / (a_{00} - a_{01} - a_{10} + a_{11})` for the
  column player (and likewise :math:`p` from ``B``) when both lie in (0, 1).
* **Larger games** use support enumeration vectorised over ``N``: for every
  pair of equal-size supports, one batched linear solve gives each game's
  candidate, kept when it is feasible and no strategy outside its support
  does better.

Both are exact for nondegenerate games. A game is flagged *degenerate* when a
tie or a singular system shows up (a player indifferent between pure
strategies against a pure strategy, or a support system without a unique
solution); each such member is then solved alone with
:func:`~negotiation.all_equilibria`, so nothing is dropped.

Examples
--------
>>> import numpy as np, negotiation as ng
>>> A = np.array([[[3, 0], [5, 1]], [[2, 0], [0, 1]]], dtype=float)   # PD, BoS
>>> B = np.array([[[3, 5], [0, 1]], [[1, 0], [0, 2]]], dtype=float)
>>> result = ng.batch_equilibria(A, B)
>>> result.counts.tolist()
[1, 3]
>>> result.row[result.game == 1].round(4).tolist()
[[1.0, 0.0], [0.0, 1.0], [0.6667, 0.3333]]
"""

from __future__ import annotations

import itertools
import warnings
from dataclasses import dataclass

import numpy as np

from .. import _format
from ..errors import DegenerateGameWarning, PayoffValueError, ShapeError
from ..games.normal_form import NormalFormGame
from ..solvers.enumeration import all_equilibria

__all__ = ["BatchEquilibria", "batch_equilibria"]

_TOL = 1e-12  # relative tie tolerance (payoffs are scaled to [0, 1] per game first)


@dataclass(frozen=True)
class BatchEquilibria(_format.Displays):
    """Every equilibrium of every game, one row per equilibrium.

    ``game[k]`` is the index of the game row ``k`` belongs to; ``row[k]`` and
    ``column[k]`` are the mixed strategies; ``payoffs[k]`` the expected
    payoffs. ``counts[i]`` is the number of equilibria of game ``i`` and
    ``degenerate[i]`` whether it was degenerate (its rows then list its
    extreme equilibria, from ``all_equilibria``).
    """

    game: np.ndarray
    row: np.ndarray
    column: np.ndarray
    payoffs: np.ndarray
    counts: np.ndarray
    degenerate: np.ndarray
    method: str

    def __len__(self) -> int:
        return len(self.game)

    @property
    def num_games(self) -> int:
        return len(self.counts)

    def of(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """The row and column strategies of game ``i``'s equilibria."""
        mask = self.game == i
        return self.row[mask], self.column[mask]

    def columns(self) -> dict[str, np.ndarray]:
        """The table as named columns (``to_pandas`` builds a DataFrame from them)."""
        data = {"game": self.game}
        data.update({f"row_{k}": self.row[:, k] for k in range(self.row.shape[1])})
        data.update({f"column_{k}": self.column[:, k] for k in range(self.column.shape[1])})
        data.update({"payoff_row": self.payoffs[:, 0], "payoff_column": self.payoffs[:, 1]})
        return data

    def to_pandas(self):
        import pandas as pd

        return pd.DataFrame(self.columns())

    def __str__(self) -> str:
        degenerate = int(self.degenerate.sum())
        return (f"{len(self)} equilibria of {self.num_games} games by {self.method}; "
                f"{degenerate} degenerate game(s) solved one by one")


def batch_equilibria(A, B) -> BatchEquilibria:
    """Every Nash equilibrium of each game in stacks ``A``, ``B`` of shape (N, m, n)."""
    A, B = _stacks(A, B)
    N, m, n = A.shape
    scaled_a, scaled_b = _unit_scale(A), _unit_scale(B)
    if (m, n) == (2, 2):
        rows, cols, owners, degenerate = _two_by_two(scaled_a, scaled_b)
        method = "2×2 closed form"
    else:
        rows, cols, owners, degenerate = _support_enumeration(scaled_a, scaled_b)
        method = "vectorised support enumeration"
    rows, cols, owners = _replace_degenerate(A, B, rows, cols, owners, degenerate)
    order = np.argsort(owners, kind="stable")
    rows, cols, owners = rows[order], cols[order], owners[order]
    payoffs = np.stack([_bilinear(rows, A, owners, cols), _bilinear(rows, B, owners, cols)], axis=1)
    counts = np.bincount(owners, minlength=N)
    return BatchEquilibria(owners, rows, cols, payoffs, counts, degenerate, method)


def _bilinear(rows, M, owners, cols):
    """x^T M y for each equilibrium row, without materialising M[owners]."""
    total = np.zeros(len(owners))
    for i in range(M.shape[1]):
        for j in range(M.shape[2]):
            total += rows[:, i] * M[owners, i, j] * cols[:, j]
    return total


def _stacks(A, B):
    A = np.asarray(A, dtype=float)
    B = np.asarray(B, dtype=float)
    if A.ndim != 3 or A.shape != B.shape:
        raise ShapeError(f"A and B must be stacks of the same shape (N, m, n); got {A.shape} and {B.shape}")
    if min(A.shape) == 0:
        raise ShapeError(f"empty stack of games: shape {A.shape}")
    if not (np.isfinite(A).all() and np.isfinite(B).all()):
        bad = ~(np.isfinite(A).all(axis=(1, 2)) & np.isfinite(B).all(axis=(1, 2)))
        raise PayoffValueError(f"game {int(np.argmax(bad))} has a payoff that is not finite")
    return A, B


def _unit_scale(M):
    """Each game's payoffs mapped affinely into [0, 1] (equilibria unchanged)."""
    flat = M.reshape(M.shape[0], -1)  # reductions along one contiguous axis are fastest
    low = flat.min(axis=1)
    spread = flat.max(axis=1) - low
    spread[spread <= 0] = 1.0
    return ((flat - low[:, None]) / spread[:, None]).reshape(M.shape)


def _two_by_two(A, B):
    rows, cols, owners = [], [], []
    # ties between a player's two pure strategies against a pure strategy: degenerate
    row_gap = A[:, 0, :] - A[:, 1, :]  # (N, 2): row's advantage of strategy 0, per column
    col_gap = B[:, :, 0] - B[:, :, 1]  # (N, 2): column's advantage of strategy 0, per row
    degenerate = (np.abs(row_gap) <= _TOL).any(axis=1) | (np.abs(col_gap) <= _TOL).any(axis=1)
    eye = np.eye(2)
    for r, c in itertools.product((0, 1), repeat=2):
        row_best = (row_gap[:, c] > 0) if r == 0 else (row_gap[:, c] < 0)
        col_best = (col_gap[:, r] > 0) if c == 0 else (col_gap[:, r] < 0)
        hit = np.flatnonzero(row_best & col_best & ~degenerate)
        owners.append(hit)
        rows.append(np.broadcast_to(eye[r], (hit.size, 2)))
        cols.append(np.broadcast_to(eye[c], (hit.size, 2)))
    with np.errstate(divide="ignore", invalid="ignore"):
        q = (A[:, 1, 1] - A[:, 0, 1]) / (A[:, 0, 0] - A[:, 0, 1] - A[:, 1, 0] + A[:, 1, 1])
        p = (B[:, 1, 1] - B[:, 1, 0]) / (B[:, 0, 0] - B[:, 1, 0] - B[:, 0, 1] + B[:, 1, 1])
    mixed = np.flatnonzero((p > 0) & (p < 1) & (q > 0) & (q < 1) & ~degenerate)
    owners.append(mixed)
    rows.append(np.stack([p[mixed], 1 - p[mixed]], axis=1))
    cols.append(np.stack([q[mixed], 1 - q[mixed]], axis=1))
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(owners), degenerate


def _support_enumeration(A, B):
    N, m, n = A.shape
    rows, cols, owners = [], [], []
    degenerate = np.zeros(N, dtype=bool)
    for size in range(1, min(m, n) + 1):
        for I in itertools.combinations(range(m), size):
            for J in itertools.combinations(range(n), size):
                x, u, okx = _indifference(B[:, list(I)][:, :, list(J)], size)
                y, v, oky = _indifference(A[:, list(I)][:, :, list(J)].transpose(0, 2, 1), size)
                degenerate |= ~(okx & oky)
                full_x = np.zeros((N, m))
                full_x[:, list(I)] = x
                full_y = np.zeros((N, n))
                full_y[:, list(J)] = y
                feasible = okx & oky & (x > 0).all(axis=1) & (y > 0).all(axis=1)
                row_values = np.einsum("kij,kj->ki", A, full_y)  # payoff of each row strategy
                col_values = np.einsum("ki,kij->kj", full_x, B)
                best_row = (row_values <= v[:, None] + _TOL).all(axis=1)
                best_col = (col_values <= u[:, None] + _TOL).all(axis=1)
                # a strategy outside the support doing exactly as well: a tie, so degenerate
                outside_r = np.delete(row_values, list(I), axis=1)
                outside_c = np.delete(col_values, list(J), axis=1)
                tie = (np.abs(outside_r - v[:, None]) <= _TOL).any(axis=1) | (np.abs(outside_c - u[:, None]) <= _TOL).any(axis=1)
                keep = feasible & best_row & best_col
                degenerate |= keep & tie
                hit = np.flatnonzero(keep)
                owners.append(hit)
                rows.append(full_x[hit])
                cols.append(full_y[hit])
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(owners), degenerate


def _indifference(M, size):
    """Solve M^T z = w 1, sum z = 1 for each game: mixing z over the rows of M
    makes the other side indifferent over M's columns. Returns z, w, solvable."""
    N = M.shape[0]
    system = np.zeros((N, size + 1, size + 1))
    system[:, :size, :size] = M.transpose(0, 2, 1)
    system[:, :size, size] = -1.0
    system[:, size, :size] = 1.0
    rhs = np.zeros((N, size + 1))
    rhs[:, size] = 1.0
    det = np.linalg.det(system)
    ok = np.abs(det) > 1e-12
    solution = np.zeros((N, size + 1))
    if ok.any():
        solution[ok] = np.linalg.solve(system[ok], rhs[ok][..., None])[..., 0]
    return solution[:, :size], solution[:, size], ok


def _replace_degenerate(A, B, rows, cols, owners, degenerate):
    """Drop candidate rows of degenerate games and solve those games one by one."""
    flagged = np.flatnonzero(degenerate)
    if flagged.size == 0:
        return rows, cols, owners
    keep = ~degenerate[owners]
    rows, cols, owners = [rows[keep]], [cols[keep]], [owners[keep]]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DegenerateGameWarning)
        for i in flagged:
            result = all_equilibria(NormalFormGame.from_arrays(A[i], B[i]))
            if len(result):
                rows.append(np.array([eq.profile[0] for eq in result]))
                cols.append(np.array([eq.profile[1] for eq in result]))
                owners.append(np.full(len(result), i))
    return np.concatenate(rows), np.concatenate(cols), np.concatenate(owners)
