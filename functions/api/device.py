"""Lambda function for the kiosk's routes.

Pairing, weekly configuration, check-ins, completions and heartbeat. It imports only its own
routes, so a cold start pays for nothing the kiosk does not call.
"""

from functions.api import device_routes
from functions.api.resolvers import lambda_entry, resolver_for

ROUTERS = [device_routes.router]
app = resolver_for(ROUTERS)
lambda_handler = lambda_entry(app)
