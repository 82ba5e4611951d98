"""Text clean-up shared by the loaders: Facebook/Instagram mojibake, HTML → plain text.

Why: platform exports are not plain text. Facebook and Instagram write UTF-8 bytes as if each
byte were a Latin-1 character (``"Mobiloverf\\u00c3\\u00b8rsler"``); Mastodon and YouTube give
HTML; Twitter-style text keeps ``&amp;`` entities.

>>> fix_mojibake("Mobiloverf\\u00c3\\u00b8rsler")
'Mobiloverførsler'
>>> fix_mojibake("café")          # already right: left alone (does not round-trip)
'café'
>>> html_to_text('<p>Hi <span class="h-card"><a href="x">@<span>mcg</span></a></span></p><p>Bye&amp;co</p>')
'Hi @mcg\\nBye&co'
"""
from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from typing import Any

import pandas as pd

_BREAKS = {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote"}


def fix_mojibake(s: str) -> str:
    """Undo UTF-8-read-as-Latin-1 escaping, only when the string round-trips exactly."""
    if not isinstance(s, str) or s.isascii():
        return s
    try:
        fixed = s.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return s
    return fixed


def fix_mojibake_deep(obj: Any) -> Any:
    """Apply :func:`fix_mojibake` to every string inside nested lists/dicts (keys too)."""
    if isinstance(obj, str):
        return fix_mojibake(obj)
    if isinstance(obj, list):
        return [fix_mojibake_deep(v) for v in obj]
    if isinstance(obj, dict):
        return {fix_mojibake(k): fix_mojibake_deep(v) for k, v in obj.items()}
    return obj


class _TextOnly(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BREAKS and tag != "br":
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(s: Any) -> str:
    """Plain text from an HTML fragment: tags dropped, ``<br>``/``</p>`` → newline, entities decoded."""
    if s is None or (isinstance(s, float) and pd.isna(s)):
        return ""
    s = str(s)
    if "<" not in s:
        return clean_text(html.unescape(s))
    p = _TextOnly()
    p.feed(s)
    p.close()
    return clean_text("".join(p.parts))


def clean_text(s: str) -> str:
    """Strip stray BOMs/zero-width no-break spaces, normalise line ends, trim blank edges."""
    s = s.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    s = re.sub(r"\n{3,}", "\n\n", s)
    return s.strip()


def unescape_entities(s: pd.Series) -> pd.Series:
    """Decode the three entities Twitter escapes (``&lt; &gt; &amp;``), only in rows with '&'."""
    has = s.str.contains("&", regex=False).fillna(False).to_numpy(dtype=bool)
    if not has.any():
        return s
    sub = s[has]
    for ent, ch in (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&")):
        sub = sub.str.replace(ent, ch, regex=False)
    s = s.copy()
    s[has] = sub
    return s


ZERO_WIDTH_ENTITY = re.compile(r"&#(?:x200[bB]|8203);")
"""Reddit's editor writes empty paragraphs as ``&#x200B;`` (a zero-width space) in the markdown it
saves, so bodies from the API and the data request carry the entity as text (``&amp;#x200B;``
before decoding). Public Reddit readers drop it (``selftext.replace("&#x200B;", "")``)."""


def drop_zero_width_entity(s: str) -> str:
    """``s`` without Reddit's ``&#x200B;`` markers.

    >>> drop_zero_width_entity("Thanks &#x200B;for the help&#x200b;")
    'Thanks for the help'
    """
    if "&#" not in s:
        return s
    out = ZERO_WIDTH_ENTITY.sub("", s)
    return re.sub(r"\n{3,}", "\n\n", out).strip() if out != s else s


def drop_zero_width_entities(s: pd.Series) -> pd.Series:
    """:func:`drop_zero_width_entity` for a column, touching only the rows with ``&#``."""
    has = s.str.contains("&#", regex=False).fillna(False).to_numpy(dtype=bool)
    if not has.any():
        return s
    s = s.copy()
    s[has] = [drop_zero_width_entity(v) if isinstance(v, str) else v for v in s[has]]
    return s


def normalise_line_ends(s: pd.Series) -> pd.Series:
    """CRLF and lone CR → LF, touching only the rows that contain a CR."""
    has = s.str.contains("\r", regex=False).fillna(False).to_numpy(dtype=bool)
    if not has.any():
        return s
    s = s.copy()
    s[has] = s[has].str.replace("\r\n", "\n", regex=False).str.replace("\r", "\n", regex=False)
    return s


def as_text(v: Any) -> str:
    """A JSON value as text: strings as they are, numbers written out, nothing (None, an object
    or a list where text was expected) as ``""``. Shared by the JSON export readers.

    >>> [as_text(v) for v in ("hi", 3, None, {"a": 1}, [1])]
    ['hi', '3', '', '', '']
    """
    return v if isinstance(v, str) else "" if v is None or isinstance(v, (dict, list)) else str(v)


def as_id(v: Any) -> str | None:
    """An id or name from JSON as text; None for nothing, an empty string, or anything that is not
    a plain value (an object, a list, true/false). Shared by the JSON export readers.

    >>> [as_id(v) for v in ("a1", 12, " ", None, [], True)]
    ['a1', '12', None, None, None, None]
    """
    if v is None or isinstance(v, (dict, list, bool)):
        return None
    return str(v).strip() or None
