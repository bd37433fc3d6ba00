"""HTTP routes, one module per area. Each module exposes `router`."""

import importlib

DOMAIN_MODULES = ("applications", "outputs", "warnings", "admin", "enrolment", "certification")


def load_domain_routers():
    routers = []
    for name in DOMAIN_MODULES:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except ModuleNotFoundError as missing:
            if missing.name != f"{__name__}.{name}":
                raise
            continue
        routers.append(module.router)
    return routers
