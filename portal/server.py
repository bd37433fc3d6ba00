"""Assemble a portal from its settings (used by the CLI and the embedded demo)."""

from __future__ import annotations

import json

from rules import sampling

from . import checks
from .api import PortalContext
from .app import create_app
from .guard import AnonymousBudget
from .store import open_store


def load_sampling(path: str) -> sampling.SamplingConfig:
    """Sampling rates from a JSON file: any subset of SamplingConfig's fields (docs/sampling.md)."""
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if not isinstance(data, dict):
        raise ValueError("the sampling file must hold a JSON object")
    return sampling.SamplingConfig.from_dict(data)


def build(db: str, *, demo: bool = False, rules_path: str | None = None, token_ttl: float | None = None,
          simulate: bool = False, sampling_path: str | None = None, threads: int | None = None,
          anonymous_per_minute: int | None = None, audit_key: str | None = None):
    ctx = PortalContext(store=None)
    if anonymous_per_minute is not None:
        ctx.anonymous_budget = AnonymousBudget(per_minute=anonymous_per_minute)
    if threads is not None:
        ctx.threads = threads
    # a connection for every request thread, the expiry sweep and the demo's simulator
    ctx.store = store = open_store(db, connections=ctx.threads + 2)
    if token_ttl is not None:
        ctx.token_ttl = token_ttl
    ctx.rules = checks.load_rules(rules_path) if rules_path else checks.Rules()
    ctx.sampling = load_sampling(sampling_path) if sampling_path else sampling.SamplingConfig()
    from .transparency.setup import prepare, signer_for
    ctx.extra["audit_signer"] = signer_for(db, audit_key)
    prepare(store)
    if demo:
        from .demo import seed_demo
        seed_demo(store)
    app = create_app(ctx)
    if demo and simulate:
        from .simulator import start_ack_simulator
        start_ack_simulator(app, ctx)
    return app
