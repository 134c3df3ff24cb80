"""Lambda function for administrators' routes.

Workplaces, tablets, prompts, review, settings and audit."""

from functions.api.resolvers import ADMIN_ROUTERS, lambda_entry, resolver_for

app = resolver_for(ADMIN_ROUTERS)
lambda_handler = lambda_entry(app, "admin")
