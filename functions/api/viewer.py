"""Lambda function for viewers' routes: the weekly pulse and its CSV, public content, OpenAPI."""

from functions.api import people_routes, viewer_routes
from functions.api.resolvers import lambda_entry, resolver_for

ROUTERS = [viewer_routes.router, people_routes.router]
app = resolver_for(ROUTERS)
lambda_handler = lambda_entry(app)
