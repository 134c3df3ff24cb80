"""What a paired kiosk needs to run its week: texts, prompt, settings and last week's result."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from functions.domain.models import Settings, Workplace
from functions.domain.ports import Store
from functions.domain.prompts import prompt_of_week
from functions.domain.pulse import last_week_for_kiosk
from functions.domain.tablet_clock import server_time
from functions.domain.weeks import current_week


def kiosk_view(
    store: Store, workplace: Workplace, content: dict, settings: Settings, now: datetime
) -> dict:
    """The kiosk's configuration for this week; `content` is the content document."""
    week = current_week(now)
    prompt = prompt_of_week(store, week, workplace.id)
    return {
        "workplace": {"id": workplace.id, "name": workplace.name},
        "week": week,
        "prompt": {"id": prompt.id, "da": prompt.da, "en": prompt.en} if prompt else None,
        "question": content["question"],
        "behaviours_intro": content["behaviours_intro"],
        "behaviours": content["behaviours"],
        "settings": {
            "cooldown_seconds": settings.cooldown_seconds,
            "idle_reset_seconds": settings.idle_reset_seconds,
        },
        "last_week": last_week_for_kiosk(store, workplace, settings.anonymity_threshold, now),
        "server_time": server_time(now),  # the kiosk learns its clock's error from it
    }


def config_version(view: dict) -> str:
    """A short fingerprint of a kiosk configuration: equal exactly when the configuration is
    (the server's clock reading is not configuration: it differs on every call)."""
    kept = {key: value for key, value in view.items() if key != "server_time"}
    text = json.dumps(kept, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
