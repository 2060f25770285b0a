"""The frozen kiosk's entry point: the same `kiosk` command as installed."""

import sys

from kiosk.cli import main

if __name__ == "__main__":
    sys.exit(main())
