"""The static build's pages carry no inline script, so its host's Content-Security-Policy can
say `script-src 'self'` (infra/template.yaml) and stay the same from build to build.

Each inline `<script>` of a page becomes a file named by its content's hash, loaded by a plain
`<script src>` in the same place: classic scripts without async run in document order, so the
page behaves as before (the guard against foreign scripts still runs first).
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

_INLINE = re.compile(r"<script>(.*?)</script>", re.S)


def externalise_inline_scripts(out: Path) -> list[str]:
    """Move the inline scripts of every page at the build's root into files; return their names."""
    written = []
    for page in sorted(out.glob("*.html")):
        html = page.read_text(encoding="utf-8")

        def to_file(match: re.Match) -> str:
            body = match.group(1)
            name = f"inline-{hashlib.sha256(body.encode()).hexdigest()[:16]}.js"
            (out / name).write_text(body, encoding="utf-8")
            written.append(name)
            return f'<script src="{name}"></script>'

        page.write_text(_INLINE.sub(to_file, html), encoding="utf-8")
    return sorted(set(written))
