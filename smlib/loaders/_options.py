"""What every format parser is given: the user's choices and where to count skipped rows."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from ._rows import Tracker, norm_handle


@dataclass
class Options:
    path: Path
    tracker: Tracker
    org: str | None = None
    platform: str | None = None
    handles: list[str] = field(default_factory=list)
    columns: Mapping[str, str] | None = None
    natural_org: str | None = None   # set by a parser when the file itself names the organisation
    own_handles: list[str] = field(default_factory=list)   # from org_handles= only
    profile_handles: dict[str, str] = field(default_factory=dict)   # platform -> handle (profile)
    zone: str | None = None   # set by a parser when the file says its times' zone (``Date (UTC)``)
    # () -> (number style of the whole file, an example, separator): how the file writes numbers
    # ('1.234,5' continental or '1,234.5'), from its first rows; asked only when a count column
    # alone cannot tell (see tabular.count_text). None: no such evidence (JSON, workbooks)
    number_hint: Any = None
    delimiter: str | None = None   # the CSV's separator (None for JSON and workbooks)
    platform_found: str | None = None   # set by a parser when the file says its platform (a
    # Messenger-shaped thread from an Instagram download); a platform= from the user wins

    @property
    def source(self) -> str:
        return str(self.path)

    def owner(self, found: str | None = None, platform: str | None = None) -> str:
        """The archive owner's handle: ``org_handles[0]``, else the profile's handle on this
        platform, else what the file says, else ``org``."""
        if self.own_handles:
            return self.own_handles[0].strip()
        if platform and self.profile_handles.get(platform):
            return self.profile_handles[platform].strip()
        if found:
            return found
        return self.org or "archive-owner"

    def is_handle(self, value: Any) -> bool:
        return bool(self.handles) and norm_handle(value) in {norm_handle(h) for h in self.handles}


def slug(value: Any) -> str:
    """An organisation name as a slug: accents dropped, other alphabets kept (a name is not
    lost because it is not written in Latin letters).

    >>> [slug(v) for v in ["Virgin America", "My Café (2025)", "Кафе", "店", "  "]]
    ['virgin-america', 'my-cafe-2025', 'кафе', '店', 'unknown']
    """
    import re
    import unicodedata
    text = str(value).strip().lower()
    latin = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    s = re.sub(r"[^a-z0-9]+", "-", latin).strip("-")
    if not s:   # no Latin letters or digits at all: keep the name's own letters
        s = re.sub(r"[\W_]+", "-", text).strip("-")
    return s or "unknown"
