"""Reusable controls: components that take props and hold no page."""
