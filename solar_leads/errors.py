"""The exit-status contract of every `leads` command, and the errors that map onto it.

0  everything asked for was done and nothing was lost
1  failed: nothing usable was produced (every source failed, dbt failed); the message says what
2  bad input or environment: a value, a file, a query, the configuration; one line naming what and where
3  partial: the work was done, but some requests or items failed; the summary names them (raw.crawl_log)
"""

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_PARTIAL = 0, 1, 2, 3


class UserError(Exception):
    """Something the user gave us is wrong: a value, a file, a query. The message names what and where."""


class RunFailed(Exception):
    """The work could not produce anything usable (exit 1); the message says what failed and what was kept."""
