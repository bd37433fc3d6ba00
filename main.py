"""Start Portal Desk. With no portal configured it starts the embedded demo portal.

`main.py --run-portal ARGS` runs the reference portal instead (`python -m portal ARGS`): an
installed bundle has no Python interpreter of its own, so the embedded demo portal is this
same program started again with that first argument (see desktop/embedded.py).
"""

import multiprocessing
import os
import sys


def run() -> int:
    # The portal checks outputs in worker processes started as this program again (spawn):
    # in an installed bundle this lets such a start become the worker instead of the app.
    multiprocessing.freeze_support()
    if len(sys.argv) > 1 and sys.argv[1] == "--run-portal":
        from portal.__main__ import main as portal_main
        return portal_main(sys.argv[2:])
    if os.environ.get("PORTAL_DESK_STARTUP_CHECK"):
        from desktop.startup_check import arm
        arm(os.environ["PORTAL_DESK_STARTUP_CHECK"])
    from desktop.app import main
    return main()


if __name__ == "__main__":
    sys.exit(run())
