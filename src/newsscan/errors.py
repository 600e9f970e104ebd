"""Exceptions the library raises. Bad input files are not exceptions: the loader yields `Issue` records."""


class NewsscanError(Exception):
    """Base class of everything newsscan raises on purpose."""


class DataTableError(NewsscanError):
    """A linguistic data table has a bad row; the message names the file and the line."""


class UsageError(NewsscanError):
    """The caller asked for something that cannot be done (a missing path, an unknown format)."""
