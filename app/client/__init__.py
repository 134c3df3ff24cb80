"""The API client (one interface, a CPython and a Pyodide transport) and the kiosk's outbox."""

from app.client.api import ApiClient
from app.client.errors import ApiError, Offline
from app.client.transport import HttpResponse, Transport, default_transport

__all__ = ["ApiClient", "ApiError", "HttpResponse", "Offline", "Transport", "default_transport"]
