"""The request body of the sign-in settings (kept apart from bodies.py, which others extend)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from functions.api.bodies import _Body

# The address's form is judged in the domain (domain/leaders.py), as for leaders.
Email = Annotated[str, StringConstraints(min_length=1, max_length=254)]
Group = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=128)]


class SigninSettingsChange(_Body):
    """Any of: admin_emails, admin_groups, viewer_links."""

    admin_emails: list[Email] | None = Field(default=None, max_length=200)
    admin_groups: list[Group] | None = Field(default=None, max_length=100)
    viewer_links: bool | None = None
