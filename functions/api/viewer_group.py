"""The viewers' route group: the weekly pulse (page, CSV, PDF), public content and the routes of
signed-in leaders.

Kept apart from functions/api/viewer.py, the function that serves it: the OpenAPI document
(functions/api/openapi.py) is built from this group, and that function serves the document too.
"""

from functions.api import people_routes, viewer_routes

ROUTERS = [viewer_routes.router, people_routes.router]
