"""Errors the CLI reports as one clear line and exit code 2 (bad input or configuration)."""


class UserError(Exception):
    """Something the user gave us is wrong: a value, a file, a query. The message names what and where."""
