"""What the browser offers a kiosk on the wall: a screen kept awake, the system's wish for calm.

Both are Flet services (ft.Wakelock, ft.SemanticsService) that a browser may lack or never
answer: each call has a deadline, and the kiosk runs the same without them.
"""

from __future__ import annotations

import asyncio
import logging

from app.kiosk.state import KioskState

DEADLINE_SECONDS = 5
log = logging.getLogger(__name__)


async def keep_awake(wakelock) -> None:
    """Ask the browser to keep the screen on (the Wake Lock API)."""
    if wakelock is None:
        return
    try:
        await asyncio.wait_for(wakelock.enable(), DEADLINE_SECONDS)
    except Exception:  # a browser without the Wake Lock API still runs the kiosk
        log.info("kiosk: wakelock not available")


async def respect_reduced_motion(accessibility, state: KioskState) -> None:
    """Stop the behaviours' rotation and fades when the system asks for less motion."""
    if accessibility is None:
        return
    try:
        features = await asyncio.wait_for(
            accessibility.get_accessibility_features(), DEADLINE_SECONDS
        )
    except Exception:  # no answer: keep the gentle default
        log.info("kiosk: accessibility features not available")
        return
    state.reduce_motion = bool(features.disable_animations or features.reduce_motion)
