"""Subcommands of ``python -m screener``, one module per area."""
