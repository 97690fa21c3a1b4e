"""``python -m desktop.cli``: the ``kla`` command."""

import sys

from desktop.cli import main

sys.exit(main())
