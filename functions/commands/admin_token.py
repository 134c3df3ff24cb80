"""`tryghedspuls admin-token`: make the first admin token, or rotate it.

`--table NAME` (AWS) prints a new admin token once. `--rotate` makes a new one and revokes every
earlier admin token, browser session and sign-in link at once, also while `serve` runs on the
same data (it reads the store's admin epoch on each request). With `--data-dir DIR` the new token
is written to DIR/admin-token (0600), never printed.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from functions.config import load_config
from functions.domain.admin_access import rotate_admin_token
from functions.domain.bootstrap import seed_prompts
from functions.domain.pairing import make_admin_token
from functions.local.embedded import private_data_dir, write_secret
from functions.wiring import build_store, embedded_config, services_from


def _aws(args: argparse.Namespace) -> int:
    services = services_from(replace(load_config(), store="dynamodb", table_name=args.table))
    store = services.store
    seeded = seed_prompts(store, services.content["prompts"])
    now = datetime.now(UTC)
    record, token = rotate_admin_token(store, now) if args.rotate else make_admin_token(store, now)
    if seeded:
        print(f"Loaded {seeded} prompts into {args.table}.", file=sys.stderr)
    if args.rotate:
        print("Every earlier admin token, session and sign-in link is revoked.", file=sys.stderr)
    print(f"Admin token {record.token_id} (shown once, keep it safe):", file=sys.stderr)
    print(token)
    return 0


def _data_dir(args: argparse.Namespace) -> int:
    data_dir = Path(args.data_dir)
    token_file = data_dir / "admin-token"
    if not args.rotate:
        print(f"admin-token: the token is in {token_file}; add --rotate for a new one.")
        return 2
    private_data_dir(data_dir)
    store = build_store(embedded_config(load_config(), data_dir))
    try:
        record, token = rotate_admin_token(store, datetime.now(UTC))
    finally:
        store.close()
    write_secret(token_file, token)
    print(
        f"New admin token {record.token_id} written to {token_file}; every earlier admin "
        "token, session and sign-in link is revoked."
    )
    return 0


def register(commands: argparse._SubParsersAction) -> None:
    """Add `admin-token` to the command line."""
    command = commands.add_parser("admin-token", help="make or rotate the admin token")
    where = command.add_mutually_exclusive_group(required=True)
    where.add_argument("--table", help="a deployed stack's DynamoDB table (stack output)")
    where.add_argument("--data-dir", help="the data folder of `serve`")
    command.add_argument(
        "--rotate", action="store_true", help="a new token; revoke every earlier one at once"
    )
    command.set_defaults(run=lambda args: _aws(args) if args.table else _data_dir(args))
