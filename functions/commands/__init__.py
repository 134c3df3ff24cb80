"""The `tryghedspuls` subcommands that work on an embedded data folder, one module each."""
