"""Lambda function for administrators' routes.

Workplaces, tablets, prompts, review, organisation pulse, settings and audit.
"""

from functions.api import (
    admin_organisation,
    admin_prompts,
    admin_rollout,
    admin_sessions,
    admin_signin,
    admin_workplaces,
    language_routes,
)
from functions.api.resolvers import lambda_entry, resolver_for

ROUTERS = [
    admin_rollout.router,  # before admin_workplaces: /v1/workplaces/import is not an id
    admin_workplaces.router,
    admin_prompts.router,
    admin_organisation.router,
    admin_sessions.router,
    admin_signin.router,
    language_routes.router,  # a person's own language: here, as the viewers' function only reads
]
app = resolver_for(ROUTERS)
lambda_handler = lambda_entry(app)
