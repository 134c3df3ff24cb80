"""The week's pulse outside the app: the Monday e-mail (HTML and plain text), the printed page."""
