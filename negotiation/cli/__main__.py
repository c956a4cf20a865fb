"""``python -m negotiation.cli``: the same as the ``negotiation`` command."""

import sys

from . import main

sys.exit(main())
