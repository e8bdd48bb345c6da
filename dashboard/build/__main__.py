"""``python -m dashboard.build [SOURCE ...] [--out DIR]``: see ``dashboard.pipeline.cli``."""

import sys

from dashboard.pipeline.cli import main

if __name__ == "__main__":
    sys.exit(main())
