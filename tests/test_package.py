"""Package-level contracts: lazy imports, the flat namespace, the error hierarchy."""

import subprocess
import sys

import pytest

import negotiation as ng
from negotiation import errors


def test_import_does_not_load_heavy_libraries():
    code = (
        "import sys, negotiation; "
        "print(sorted(m for m in ('numpy', 'scipy', 'sympy', 'networkx', 'nashpy', 'matplotlib', 'tqdm')"
        " if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_flat_namespace_matches_all():
    """Every exported name resolves (on first use), and dir() lists them."""
    for name in ng.__all__:
        assert hasattr(ng, name), name
    assert set(ng.__all__) <= set(dir(ng))
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        ng.nope  # noqa: B018


@pytest.mark.parametrize("name", errors.__all__)
def test_every_error_derives_from_the_base(name):
    cls = getattr(errors, name)
    if issubclass(cls, Warning):
        assert issubclass(cls, errors.NegotiationWarning)
    elif cls is not errors.NegotiationError:
        assert issubclass(cls, errors.NegotiationError)
        # a missing optional dependency stays an ImportError, as code that checks for extras expects
        assert issubclass(cls, (ValueError, TypeError, RuntimeError, ImportError))


def test_scenarios_subpackage_is_installed():
    import negotiation.scenarios  # noqa: F401


def test_every_subpackage_is_listed_for_installation():
    """`pip install .` ships only the packages setup.cfg lists: a new subpackage left out breaks installs."""
    import configparser
    import pathlib

    root = pathlib.Path(__file__).resolve().parents[1]
    config = configparser.ConfigParser()
    config.read(root / "setup.cfg")
    listed = set(config["options"]["packages"].split())
    found = {".".join(init.parent.relative_to(root).parts) for init in (root / "negotiation").rglob("__init__.py")}
    assert found - listed == set()
