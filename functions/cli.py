"""The `tryghedspuls` command: serve the embedded product, make an AWS admin token, build a PWA,
import the organisation and print pairing sheets."""

from __future__ import annotations

import argparse
import logging
import sys
from dataclasses import replace
from pathlib import Path

from functions.commands import admin_token, backup, digest, import_org, pairing_sheet, restore
from functions.config import load_config
from functions.local.build_web import NotABuildFolder, build_web
from functions.local.demo import fill_demo
from functions.local.digest_loop import start_digests
from functions.local.embedded import prepare
from functions.local.web_snapshot import SnapshotFailed


def _serve(args: argparse.Namespace) -> int:
    # Flet's web server, FastAPI and uvicorn: 0.5-1 s that the other commands need not pay.
    from functions.local import connection_guard, server  # noqa: PLC0415

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(name)s %(message)s", datefmt="%H:%M:%S"
    )
    logging.getLogger("flet_web").setLevel(logging.WARNING)  # start-up chatter, not requests
    config = replace(load_config(), store="sqlite")
    shown_host = "127.0.0.1" if args.host in ("0.0.0.0", "::") else args.host  # noqa: S104
    base_url = f"http://{shown_host}:{args.port}"
    embedded = prepare(config, Path(args.data_dir), base_url)
    if args.demo:
        for team in fill_demo(embedded.services, args.demo_weeks):
            print(f"  Demo:   {team.name}: {base_url}{team.pulse_path()}")
    print(f"Tryghedspuls kører på {base_url}  (data: {Path(args.data_dir).resolve()})")
    print(f"  Kiosk:  {base_url}/kiosk")
    # A one-time link, not the token: logs and terminal history keep what is printed here.
    if embedded.sign_in:
        print(f"  Admin:  {base_url}/admin?signin={embedded.sign_in}")
        print(f"          (once, within 15 minutes; the admin token is in {embedded.token_file})")
    else:
        print(f"  Admin:  {base_url}/admin  (the admin token is in {embedded.token_file})")
    print(f"  API:    {base_url}/api/v1/openapi.json")
    start_digests(embedded.services, config, base_url)
    sys.stdout.flush()
    connection_guard.run(server.asgi_app(embedded, config), host=args.host, port=args.port)
    return 0


def _build_web(args: argparse.Namespace) -> int:
    try:
        build_web(api_url=args.api_url, out=Path(args.out))
    except (NotABuildFolder, SnapshotFailed) as refused:
        print(f"build-web: {refused}", file=sys.stderr)
        return 2
    return 0


def parser() -> argparse.ArgumentParser:
    """The command line."""
    p = argparse.ArgumentParser(prog="tryghedspuls", description=__doc__)
    sub = p.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the whole product on this machine (SQLite)")
    serve.add_argument("--data-dir", default=".tryghedspuls", help="where data and token live")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8550)
    serve.add_argument("--demo", action="store_true", help="fill a demo workplace with weeks")
    serve.add_argument("--demo-weeks", type=int, default=16, help=argparse.SUPPRESS)
    serve.set_defaults(run=_serve)
    admin_token.register(sub)
    web = sub.add_parser("build-web", help="build the kiosk as a static offline PWA")
    web.add_argument("--api-url", default="", help="the API address prefilled on the kiosk")
    web.add_argument("--out", default="build/web")
    web.set_defaults(run=_build_web)
    backup.register(sub)
    restore.register(sub)
    import_org.add_parser(sub)
    pairing_sheet.add_parser(sub)
    digest.add_parser(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    """Entry point of the console script."""
    args = parser().parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    raise SystemExit(main())
