"""signin.html: where the OpenID provider sends the browser back to in the static build.

A redirect URI cannot carry a fragment, and the static build routes after "#", so the provider
returns to this small page, which hands its query (`?code=…&state=…`) to the app's `#/signin`
route, replacing itself in the history. The app then exchanges the code (app/signin/flow.py).
"""

from __future__ import annotations

from pathlib import Path

SIGNIN_PAGE = "signin.html"
SIGNIN_HTML = """<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tryghedspuls</title>
<script>location.replace("./#/signin" + location.search);</script>
</head>
<body><p><a href="./">Tryghedspuls</a></p></body>
</html>
"""


def write_signin_page(out: Path) -> None:
    """Write signin.html next to index.html."""
    (Path(out) / SIGNIN_PAGE).write_text(SIGNIN_HTML, encoding="utf-8")
