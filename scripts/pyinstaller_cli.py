"""Entry script of the frozen ``kla`` command (build.spec): the same code as the ``kla`` console script."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
