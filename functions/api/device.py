"""Lambda function for the kiosk's routes.

Pairing, weekly configuration, check-ins, completions and heartbeat."""

from functions.api.resolvers import DEVICE_ROUTERS, lambda_entry, resolver_for

app = resolver_for(DEVICE_ROUTERS)
lambda_handler = lambda_entry(app, "device")
