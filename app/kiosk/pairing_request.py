"""Asking the API to pair: the setup form's three fields checked, POST /v1/pair, its errors shown.

Every failure leaves the tablet on the setup screen with a Danish notice under the form; the
form stays usable whatever went wrong.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from app.client.api import ApiClient
from app.client.errors import ApiError, Offline
from app.kiosk.state import KioskState, Notice

log = logging.getLogger(__name__)

_PAIR_ERRORS = {
    "pairing_code_invalid": "setup.error.code_invalid",
    "invalid_request": "setup.error.code_invalid",
    "not_found": "setup.error.code_invalid",
    "too_many_attempts": "setup.error.too_many",
}


def _form_notice(api_url: str, code: str, device_name: str) -> Notice | None:
    """What is wrong with the form before any call, if anything."""
    if not api_url.startswith(("http://", "https://")):
        return Notice("setup.error.bad_url")
    if not code:
        return Notice("setup.error.empty_code")
    if not device_name:
        return Notice("setup.error.empty_name")
    return None


async def request_pairing(
    state: KioskState,
    api_at: Callable[[str], ApiClient],
    api_url: str,
    code: str,
    device_name: str,
) -> tuple[str, dict] | None:
    """The API address and POST /v1/pair's answer, or None with a notice in `state`."""
    api_url, code, device_name = api_url.strip().rstrip("/"), code.strip(), device_name.strip()
    state.setup_notice = _form_notice(api_url, code, device_name)
    if state.setup_notice:
        return None
    state.pairing = True
    try:
        return api_url, await api_at(api_url).pair(code, device_name)
    except Offline:
        state.setup_notice = Notice("setup.error.offline", {"url": api_url})
    except ApiError as error:
        key = _PAIR_ERRORS.get(error.code, "setup.error.generic")
        state.setup_notice = Notice(key, {"code": error.code})
    except Exception:  # whatever it was, the setup screen must stay usable
        log.exception("kiosk: pairing failed")
        state.setup_notice = Notice("setup.error.generic", {"code": "error"})
    finally:
        state.pairing = False
    return None
