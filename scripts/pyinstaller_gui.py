"""Entry script of the frozen ``kla-desktop`` (build.spec): the same code as ``python -m desktop``."""

import sys

if sys.argv[1:] == ["--evidence-writer"]:  # a big import's second process (db.evidence_writer)
    from db import evidence_writer

    evidence_writer.main()
    sys.exit(0)

from desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
