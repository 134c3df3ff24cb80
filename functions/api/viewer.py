"""Lambda function for viewers' routes: the weekly pulse and its CSV, public content, OpenAPI."""

from functions.api.resolvers import VIEWER_ROUTERS, lambda_entry, resolver_for

app = resolver_for(VIEWER_ROUTERS)
lambda_handler = lambda_entry(app, "viewer")
