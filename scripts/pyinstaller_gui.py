"""Entry script of the frozen ``kla-desktop`` (build.spec): the same code as ``python -m desktop``."""

import sys

from desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
