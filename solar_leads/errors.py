"""The exit-status contract of every `leads` command, and the errors that map onto it.

0    everything asked for was done and nothing was lost
1    failed: nothing usable was produced (every source failed, dbt failed, an unexpected error); the message says
     what, and what was kept
2    bad input or environment: a value, a file, a query, the configuration, an output folder that cannot be
     written, a warehouse in use by another writer; one line naming what and where, and nothing was written
3    partial: the work was done, but some requests or items failed; the summary names them (raw.crawl_log)
130  interrupted (Ctrl-C / SIGINT / SIGTERM): the message says what was kept
141  the reader of our output stopped before its end (`leads query ... | head`): quietly, as a command SIGPIPE ends
"""

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT, EXIT_PARTIAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130
EXIT_OUTPUT_CLOSED = 141  # 128 + SIGPIPE, what the shell reports for `cat big | head`


class UserError(Exception):
    """Something the user gave us is wrong: a value, a file, a query. The message names what and where."""


class RunFailed(Exception):
    """The work could not produce anything usable (exit 1); the message says what failed and what was kept."""


class Interrupted(Exception):
    """The user stopped the work (exit 130); the message says what was kept."""
