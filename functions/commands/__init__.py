"""Commands of `tryghedspuls`, one module each; functions/cli.py registers them."""
