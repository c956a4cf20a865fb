"""Draw the pictures the how-to pages show, into docs/_generated/ (run by the docs build)."""

import pathlib
import warnings


def generate(folder: pathlib.Path) -> list[pathlib.Path]:
    """Write every figure, LaTeX file and report the docs show; return their paths."""
    import matplotlib

    matplotlib.use("Agg")
    import negotiation as ng
    from negotiation.io import gambit
    from negotiation.render import figures, latex

    folder.mkdir(parents=True, exist_ok=True)
    standoff = ng.load_scenario("tariff_standoff")
    written = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        drawings = {
            "standoff-matrix.svg": figures.scenario_figure(standoff, "matrix"),
            "standoff-tree.svg": figures.scenario_figure(standoff, "tree"),
            "pledges-deal.svg": figures.scenario_figure(ng.load_scenario("purchase_pledges"), "deal"),
            "pledges-regions.svg": figures.scenario_figure(ng.load_scenario("purchase_pledges"), "regions"),
            "north-korea-deal.svg": figures.scenario_figure(ng.load_scenario("north_korea"), "deal"),
            "deadline-tree.svg": figures.scenario_figure(ng.load_scenario("march_deadline"), "tree"),
            "standoff-regions.svg": figures.scenario_figure(standoff, "regions", points=11),
        }
    for name, figure in drawings.items():
        figure.savefig(folder / name)
        written.append(folder / name)
    game = standoff.build("matrix")
    (folder / "standoff-slide.tex").write_text(
        latex.document(latex.game_latex(game, ng.solve(game)), latex.tree_latex(standoff.build("tree"))),
        encoding="utf-8")
    gambit.dump(standoff.build("tree"), folder / "standoff.efg")
    written += [folder / "standoff-slide.tex", folder / "standoff.efg"]
    return written


if __name__ == "__main__":
    for path in generate(pathlib.Path(__file__).resolve().parent / "_generated"):
        print(path)
