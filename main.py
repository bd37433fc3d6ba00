"""Start Portal Desk. With no portal configured it starts the embedded demo portal."""

import sys

from desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
