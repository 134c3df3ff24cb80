"""Signing in with a work account (OpenID Connect, Authorization Code with PKCE, public client)."""
