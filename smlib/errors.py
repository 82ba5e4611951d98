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
