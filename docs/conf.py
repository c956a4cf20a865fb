"""Sphinx configuration: Markdown pages (MyST), API pages from the numpydoc docstrings.

Build strictly, as .ci/run does:  sphinx-build -W --keep-going -b html docs docs/_build/html
The figures on the how-to pages are drawn by the build itself (generate_figures.py).
"""

import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

project = "negotiation"
author = "the negotiation developers"
copyright = "2026, the negotiation developers"
extensions = ["myst_parser", "sphinx.ext.autodoc", "sphinx.ext.napoleon"]
source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "README.md"]
myst_heading_anchors = 3
napoleon_google_docstring = False
napoleon_numpy_docstring = True
napoleon_use_rtype = False
napoleon_use_ivar = True  # attributes as fields, not duplicate object entries
autodoc_member_order = "bysource"
autodoc_typehints = "none"
autodoc_default_options = {"members": True, "undoc-members": False, "show-inheritance": False}
html_theme = "alabaster"
html_title = "negotiation"
# ambiguous short type names in numpydoc fields ("players", "low") resolve to several classes
suppress_warnings = ["myst.xref_missing", "ref.python"]


def setup(app):
    from generate_figures import generate

    app.connect("builder-inited", lambda app: generate(HERE / "_generated"))
