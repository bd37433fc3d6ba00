"""python -m portal audit verify --db FILE|URL [--checkpoint FILE] [--audit-key FILE]

Exit 0 when the chain, the tree, the entity states and (given one) an earlier
checkpoint all hold; 1 naming the first problem otherwise; 2 for bad arguments.
"""

from __future__ import annotations

import argparse
import json
import os

from . import keys


def main(argv) -> int:
    parser = argparse.ArgumentParser(prog="python -m portal audit", description="check the audit log")
    sub = parser.add_subparsers(dest="command", required=True)
    verify = sub.add_parser("verify", help="check the chain, the tree, entity states and an earlier checkpoint")
    verify.add_argument("--db", required=True, help="a SQLite file or a postgresql:// URL (as for serving)")
    verify.add_argument("--checkpoint", help="a checkpoint saved earlier (the JSON of GET /audit/checkpoint)")
    verify.add_argument("--audit-key", help="the portal's audit key (default: beside a SQLite database)")
    args = parser.parse_args(argv)

    checkpoint = None
    if args.checkpoint:
        try:
            with open(args.checkpoint, encoding="utf-8") as f:
                checkpoint = json.load(f)
        except (OSError, ValueError) as exc:
            parser.exit(2, f"cannot read the checkpoint {args.checkpoint}: {exc}\n")
    public_key = None
    path = args.audit_key or keys.default_path(args.db)
    if path and os.path.exists(path):
        try:
            public_key = keys.load(path).public_key
        except keys.KeyFileError as problem:
            parser.exit(2, f"{problem}\n")
    if not args.db.startswith(("postgresql://", "postgres://")) and not os.path.exists(
            args.db.removeprefix("sqlite:///")):
        parser.exit(2, f"no database at {args.db}\n")

    from ..store import open_store
    from .verify import verify_log
    store = open_store(args.db)
    try:
        with store.read() as tx:
            result = verify_log(tx, public_key, checkpoint)
    finally:
        store.close()
    if result["ok"]:
        print(f"ok: {result['entries']} entries, root {result['root_hash']}"
              + (f"; extends the checkpoint at {checkpoint['tree_size']} entries" if checkpoint else ""))
        return 0
    more = f" ({result['problems'] - 1} more problems)" if result["problems"] > 1 else ""
    print(f"FAILED: {result['problem']}{more}")
    return 1
