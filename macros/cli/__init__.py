"""The `agenda` command."""

from macros.cli.main import main

__all__ = ["main"]
