"""``python -m desktop`` starts the GUI."""

import sys

from desktop.app import main

sys.exit(main())
