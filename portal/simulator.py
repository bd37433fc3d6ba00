"""Demo simulator: recipient organisations acknowledge sent warnings over time.

Started by `python -m portal --demo --simulate` (see `portal.server`): one
daemon thread in the portal process. Every few seconds it looks at the sent
warnings and lets the organisations whose planned moment has come acknowledge
the current revision, exactly as a recipient would (same records, audited with
actor `simulated:ORG-NNN`). The plan of each (warning, revision, organisation)
comes from a hash, so it is stable across ticks and restarts without storing
anything:

- about half acknowledge promptly (seconds to minutes after the revision was sent),
- about a fifth acknowledge late (after `ack_due_at`),
- the rest never do;
- some who said "received" report "mitigated" a little later.

ORG-001 (Odense University Hospital, the demo recipient user "ole") is never
simulated, so its acknowledgements are made by hand. At most `max_per_tick`
acknowledgements are written per tick (a bounded rate); the thread stops when
the portal shuts down (and, being a daemon, with the process in any case).
"""

from __future__ import annotations

import hashlib
import logging
import random
import threading
from dataclasses import dataclass

from rules.warnings import ack_revision

from .api import PortalContext, iso, parse_iso
from .routes.warnings import record_ack

log = logging.getLogger("portal")

EXEMPT_ORGS = frozenset({"ORG-001"})
NOTES = {
    "received": ["", "Forwarded to the IT security team.", "Received, assessing exposure."],
    "mitigated": ["Patched on all affected systems.", "Mitigation applied; monitoring logs.",
                  "Vendor workaround in place."],
    "not_affected": ["The product is not in use here.", "Not affected: the component is not deployed."],
}


@dataclass(frozen=True)
class Plan:
    kind: str                      # "prompt", "late" or "never"
    delay: float                   # seconds after the revision was sent
    state: str
    note: str
    followup: float | None = None  # seconds after the first ack to report "mitigated"


class AckSimulator:
    def __init__(self, ctx: PortalContext, *, seed: str = "portal-desk-demo", interval: float = 2.0,
                 max_per_tick: int = 3, exempt=EXEMPT_ORGS):
        self.ctx = ctx
        self.seed = seed
        self.interval = interval
        self.max_per_tick = max_per_tick
        self.exempt = frozenset(exempt)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    # -- the plan ----------------------------------------------------------
    def plan(self, warning_id: str, revision: int, org_id: str, ack_hours: float) -> Plan:
        digest = hashlib.sha256(f"{self.seed}|{warning_id}|{revision}|{org_id}".encode()).digest()
        rng = random.Random(int.from_bytes(digest[:8], "big"))
        roll = rng.random()
        state = rng.choice(["received", "received", "mitigated", "not_affected"])
        note = rng.choice(NOTES[state])
        followup = rng.uniform(60, 900) if state == "received" and rng.random() < 0.4 else None
        if roll < 0.5:
            return Plan("prompt", rng.uniform(5, 180), state, note, followup)
        if roll < 0.7:
            return Plan("late", ack_hours * 3600 + rng.uniform(60, 4 * 3600), state, note, followup)
        return Plan("never", float("inf"), state, note)

    # -- one step ------------------------------------------------------------
    def due_actions(self, now: float) -> list[tuple[float, str, str, str, str]]:
        """(moment, warning_id, org_id, state, note) whose moment has come, oldest first."""
        actions = []
        with self.ctx.store.read() as tx:
            warnings = tx.list("warning", owner="sent")
        for warning in warnings:
            revision = ack_revision(warning)
            sent_text = next((r["at"] for r in warning.get("revisions") or [] if r.get("number") == revision),
                             warning.get("sent_at"))
            if not revision or not sent_text:
                continue
            sent = parse_iso(sent_text)
            acks = {a["org_id"]: a for a in warning.get("acks") or [] if a.get("revision") == revision}
            for org_id in warning.get("addressed_org_ids") or []:
                if org_id in self.exempt:
                    continue
                plan = self.plan(warning["id"], revision, org_id, warning.get("ack_hours") or 24)
                if plan.kind == "never":
                    continue
                current = acks.get(org_id)
                if current is None:
                    moment = sent + plan.delay
                    if moment <= now:
                        actions.append((moment, warning["id"], org_id, plan.state, plan.note))
                elif plan.followup is not None and current.get("state") == "received" \
                        and current.get("by") is None and current.get("at"):
                    moment = parse_iso(current.get("first_at") or current["at"]) + plan.followup
                    if moment <= now:
                        actions.append((moment, warning["id"], org_id, "mitigated",
                                        "Mitigation applied after assessment."))
        actions.sort()
        return actions

    def tick(self, now: float | None = None) -> list[tuple[str, str, str]]:
        """Write at most `max_per_tick` due acknowledgements; returns (warning_id, org_id, state)."""
        now = self.ctx.clock() if now is None else now
        done = []
        for _moment, warning_id, org_id, state, note in self.due_actions(now)[: self.max_per_tick]:
            with self.ctx.store.write() as tx:
                warning = tx.get("warning", warning_id)
                # Re-checked inside the write: the warning may have been retracted or revised meanwhile.
                if warning is None or warning.get("status") != "sent" \
                        or org_id not in (warning.get("addressed_org_ids") or []):
                    continue
                revision = ack_revision(warning)
                current = next((a for a in warning.get("acks") or []
                                if a.get("org_id") == org_id and a.get("revision") == revision), None)
                if current is not None and (state != "mitigated" or current.get("state") != "received"):
                    continue
                at = iso(now)
                record_ack(tx, warning, org_id, state, note, None, at)
                tx.audit_append(at, f"simulated:{org_id}", "warning.ack", "warning", warning_id, "ok",
                                {"org_id": org_id, "state": state, "simulated": True})
            done.append((warning_id, org_id, state))
        return done

    # -- the thread ----------------------------------------------------------
    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            try:
                self.tick()
            except Exception:  # keep simulating; a failed tick is retried on the next one
                log.exception("acknowledgement simulator tick failed")

    def start(self) -> "AckSimulator":
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="ack-simulator", daemon=True)
            self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)


def start_ack_simulator(app, ctx: PortalContext, **options) -> AckSimulator:
    """Start the simulator thread; it stops when the application shuts down."""
    simulator = AckSimulator(ctx, **options).start()
    ctx.extra["ack_simulator"] = simulator
    try:
        app.router.add_event_handler("shutdown", simulator.stop)
    except Exception:  # the daemon thread ends with the process anyway
        log.debug("could not register the simulator's shutdown handler", exc_info=True)
    return simulator
