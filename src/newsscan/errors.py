"""Exceptions the library raises. Bad input files are not exceptions: the loader yields `Issue` records.

The CLI maps `DataTableError` and `UsageError` to exit code 2 and any other `NewsscanError` to exit code 1,
each as one line on stderr. `UsageError` and `UnknownNameError` also derive from the built-in exception the
same calls raised before (`ValueError`, `KeyError`), so that code catching those keeps working.
"""


class NewsscanError(Exception):
    """Base class of everything newsscan raises on purpose."""


class DataTableError(NewsscanError):
    """A linguistic data table has a bad row; the message names the file and the line."""


class UsageError(NewsscanError, ValueError):
    """The caller asked for something that cannot be done (a missing path, an unknown format)."""


class UnknownNameError(UsageError, KeyError):
    """The caller named something newsscan does not know (a pipeline component); the message lists the
    known."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""
