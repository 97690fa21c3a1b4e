"""Entry script of the frozen ``kla`` command (build.spec): the same code as the ``kla`` console script."""

import sys

from db.evidence_writer import child_if_asked

child_if_asked()  # the hidden --evidence-writer: a big import's second process, nothing else loaded
from desktop.cli import main  # noqa: E402 - after the writer check

if __name__ == "__main__":
    sys.exit(main())
