"""python -m portal --host 127.0.0.1 --port PORT --db FILE|URL [--demo] [--rules FILE] [--sampling FILE]
python -m portal seed --db FILE --applications N --outputs N
python -m portal audit verify --db FILE|URL [--checkpoint FILE] [--audit-key FILE]
"""

from __future__ import annotations

import argparse
import logging
import sys


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def serve(argv) -> int:
    parser = argparse.ArgumentParser(prog="python -m portal", description="Portal Desk reference portal (contract v1)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--db", required=True,
                        help="database: a SQLite file (or sqlite:///FILE), or postgresql://USER@HOST:PORT/DBNAME")
    parser.add_argument("--demo", action="store_true", help="seed the demo data into an empty database")
    parser.add_argument("--rules", help="output check rules (JSON)")
    parser.add_argument("--sampling", help="sampling rates of output draws (JSON, docs/sampling.md)")
    parser.add_argument("--token-ttl", type=float, default=None, help="session lifetime in seconds (default 8 h)")
    parser.add_argument("--simulate", action="store_true",
                        help="with --demo: recipients acknowledge sent warnings over time")
    parser.add_argument("--threads", type=_positive, default=None,
                        help="requests one process serves at once (default 8); for more cores run more processes")
    parser.add_argument("--audit-key", help="the Ed25519 key (PEM) that signs audit checkpoints; default: made "
                                            "beside a SQLite database on first start (required with PostgreSQL)")
    parser.add_argument("--anonymous-per-minute", type=_positive, default=120,
                        help="audit entries callers without a token may cause per address and minute (default 120)")
    parser.add_argument("--log-level", default="warning")
    parser.add_argument("--exit-with-parent", action="store_true",
                        help="end when standard input closes (the desktop's embedded demo portal: it ends "
                             "with the app however the app ends)")
    args = parser.parse_args(argv)
    if args.exit_with_parent:
        from .lifeline import exit_with_parent
        exit_with_parent()

    import uvicorn

    from .server import build
    from .transparency.keys import KeyFileError
    try:
        app = build(args.db, demo=args.demo, rules_path=args.rules, token_ttl=args.token_ttl, simulate=args.simulate,
                    sampling_path=args.sampling, threads=args.threads, anonymous_per_minute=args.anonymous_per_minute,
                    audit_key=args.audit_key)
    except KeyFileError as problem:
        parser.exit(2, f"python -m portal: {problem}\n")
    logging.basicConfig(level=args.log_level.upper())
    # A longer keep-alive: under load uvicorn's 5 s timer closed idle connections the clients
    # were about to reuse ("remote end closed connection").
    uvicorn.run(app, host=args.host, port=args.port, log_level=args.log_level, access_log=False,
                timeout_keep_alive=60)
    return 0


def seed(argv) -> int:
    parser = argparse.ArgumentParser(prog="python -m portal seed", description="make a large database for benchmarks")
    parser.add_argument("--db", required=True, help="a SQLite file or a postgresql:// URL (as for serving)")
    parser.add_argument("--applications", type=int, default=100_000)
    parser.add_argument("--outputs", type=int, default=100_000)
    parser.add_argument("--demo", action="store_true", help="seed the demo world first (users to sign in with)")
    args = parser.parse_args(argv)
    from .scale import seed_scale
    from .store import open_store
    store = open_store(args.db)
    if args.demo:
        from .demo import seed_demo
        seed_demo(store)
    counts = seed_scale(store, args.applications, args.outputs)
    print(counts)
    return 0


def audit(argv) -> int:
    from .transparency.cli import main as audit_main
    return audit_main(argv)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "seed":
        return seed(argv[1:])
    if argv and argv[0] == "audit":
        return audit(argv[1:])
    return serve(argv)


if __name__ == "__main__":
    sys.exit(main())
