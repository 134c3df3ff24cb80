"""axe-core in the page: what WCAG 2.1 A and AA rules a screen breaks, as Deque's engine sees it."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

AXE = Path(__file__).resolve().parent / "axe" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

_RUN = """
async (tags) => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags}});
  return result.violations.map((v) => ({
    id: v.id,
    help: v.help,
    nodes: v.nodes.slice(0, 4).map((n) => n.target.join(" ") + " " + n.html.slice(0, 160)),
  }));
}
"""


def violations(page: Page) -> list[dict]:
    """axe's WCAG 2.1 A/AA violations on the page as it is now (axe is injected once per load)."""
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through DevTools, not as a <script>: the page's CSP admits no inline script,
        # and a test tool should not need the page to relax its policy.
        page.evaluate(f"{AXE.read_text(encoding='utf-8')}\n;undefined")
    page.wait_for_timeout(300)  # the accessibility tree follows the last frame
    return page.evaluate(_RUN, WCAG_21_AA)
