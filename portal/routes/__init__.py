"""HTTP routes, one module per area. Each module exposes `router`."""

import importlib

DOMAIN_MODULES = ("applications", "outputs", "warnings", "admin", "enrolment", "incidents", "transparency",
                  "certification")


def load_domain_routers():
    """Every listed area's router; a missing module is an error, never a silently absent area."""
    return [importlib.import_module(f"{__name__}.{name}").router for name in DOMAIN_MODULES]
