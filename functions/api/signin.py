"""Sign-in as the routes see it: who a verified ID token belongs to and what they reach."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from functions.config import Config
from functions.domain.models import SignedInPerson
from functions.domain.people import Reach, is_admin, reach_of
from functions.domain.ports import Store

if TYPE_CHECKING:
    from functions.api.id_tokens import IdTokenVerifier


@dataclass
class Signin:
    """The organisation's OpenID provider, and the administrators named in the configuration."""

    issuer: str
    client_id: str
    configured_admins: tuple[str, ...] = ()
    _verifier: IdTokenVerifier | None = field(default=None, repr=False)

    @property
    def verifier(self) -> IdTokenVerifier:
        """The token checker, made on first use: JOSE and its crypto are imported only then,
        so a cold start that meets no signed-in caller does not pay for them."""
        if self._verifier is None:
            from functions.api.id_tokens import verifier_for  # noqa: PLC0415 (~50 ms of JOSE)

            self._verifier = verifier_for(self.issuer, self.client_id)
        return self._verifier

    def who(self, token: str) -> SignedInPerson:
        """The person behind a valid ID token; Unauthorized otherwise."""
        return self.verifier.verify(token)

    def is_admin(self, store: Store, person: SignedInPerson) -> bool:
        """Whether the person is an administrator now (one read: the sign-in settings)."""
        return is_admin(person, store.get_signin_settings(), self.configured_admins)

    def reach(self, store: Store, person: SignedInPerson) -> Reach:
        """What the person reaches now, from the workplaces' leaders and the sign-in settings."""
        return reach_of(
            person, store.list_workplaces(), store.get_signin_settings(), self.configured_admins
        )


def signin_from(config: Config) -> Signin | None:
    """Sign-in for this process, or None when no issuer (or no client id) is configured."""
    if not (config.oidc_issuer and config.oidc_client_id):
        return None
    return Signin(config.oidc_issuer, config.oidc_client_id, config.admin_emails)
