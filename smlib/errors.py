"""The one exception smlib raises for unusable input."""
from __future__ import annotations


class DataError(ValueError):
    """Input that smlib cannot use, with a message a tutor can act on.

    The message names the file (and row or field where known) and says what was expected.
    It subclasses ``ValueError`` so generic handlers still catch it.
    """

    def __init__(self, message: str, *, source: str | None = None, row: int | None = None,
                 field: str | None = None) -> None:
        self.source, self.row, self.field = source, row, field
        self.reason = message   # the message without the file, row and field
        where = []
        if source:
            where.append(str(source))
        if row is not None:
            where.append(f"row {row}")
        if field:
            where.append(f"field '{field}'")
        super().__init__(f"{': '.join([', '.join(where), message]) if where else message}")


def whole_number(name: str, value: object, least: int) -> int:
    """``value`` as an int when it is a whole number (Python or numpy, not True/False) of at least
    ``least``; else a :class:`DataError` naming the setting: the check every analysis setting
    such as ``top=`` or ``window=`` shares."""
    import numbers
    if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < least:
        raise DataError(f"{name} must be a whole number, {least} or more, got {value!r}", field=name)
    return int(value)
