"""Read a delimited text file into a frame of strings, whatever its dialect.

Handles: BOM, CRLF, quoted newlines, and the twcs quirk of a **bare CR inside unquoted text**
(which makes default parsers split one row into several). Detected from the bytes, not the name:
when a file has CR characters that are not part of CRLF, CRLF is first turned into LF and the
file is read with LF as the only line end, so a lone CR stays inside its field. A file with CR but no LF at all (old Mac
style) is read with CR line ends. Delimiter: comma, or ; / tab / | when the header says so.
"""
from __future__ import annotations

import csv
import io
import re
import warnings
from typing import Iterator

import pandas as pd

from ..errors import DataError
from ._source import Source


def clean_headers(names: list) -> list[str]:
    """Column names as smlib uses them: no byte-order mark, no spaces around; an empty name is
    ``Unnamed: <position>`` (as pandas names it). A name that then repeats an earlier one gets
    ``.1``, ``.2`` (as pandas names repeated headers), so that ``"text"`` and ``" text"`` stay
    two columns and each is still reachable by its name.

    >>> clean_headers(["\ufeffid", " text", "text", "id.1", " "])
    ['id', 'text', 'text.1', 'id.1', 'Unnamed: 4']
    """
    out: list[str] = []
    seen: set[str] = set()
    for i, h in enumerate(names):
        base = str(h).strip().lstrip("\ufeff").strip() or f"Unnamed: {i}"
        name, k = base, 1
        while name in seen:
            name, k = f"{base}.{k}", k + 1
        seen.add(name)
        out.append(name)
    return out


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=counts.get)
    return best if counts[best] > 0 else ","


_SEP_HINT = re.compile(r"^sep=(.)\s*$")


def cr_line_ends(data: bytes) -> bool:
    """Do lines end in a bare CR (old Mac files; Excel for Mac's "CSV (Macintosh)")? Yes when no
    line ends in CRLF and bare CRs outnumber LFs: such a file may still hold an LF, as a line
    break inside a quoted cell."""
    if b"\r" not in data:
        return False
    if b"\n" not in data:
        return True
    return b"\r\n" not in data and data.count(b"\r") > data.count(b"\n")


def _head_lines(src: Source, n: int = 12) -> list[str]:
    """The first lines, split where :func:`read_delimited` will split them: at LF (CRLF) when the
    file has any LF, a bare CR staying inside its line (else a header with a stray CR would name
    other columns than pandas reads); at CR in an old-Mac file with no LF at all."""
    text = src.head_text(65536).replace("\r\n", "\n")
    if cr_line_ends(src.data[:65536]):
        text = text.replace("\n", " ").replace("\r", "\n")
    return text.split("\n")[:n]


def read_header(src: Source, line: int | None = None) -> list[str]:
    """Column names from the header line: the first line, or ``line`` (0-based), after Excel's
    optional ``sep=;`` hint line (which also sets the separator). For format detection."""
    lines = _head_lines(src)
    hint = _SEP_HINT.match(lines[0]) if lines else None
    if hint:
        src.delim = hint.group(1)
        src.skip_lines = max(src.skip_lines, 1)
    at = src.skip_lines if line is None else line
    if at >= len(lines):
        return []
    text = lines[at]
    try:   # a stray CR inside a name is kept in it, as pandas keeps it (csv refuses a bare CR)
        names = next(csv.reader([text.replace("\r", "\ufffe")], delimiter=src.delim or _delimiter(text)))
        return [n.replace("\ufffe", "\r") for n in names]
    except (csv.Error, StopIteration):
        return [text]


def header_lines(src: Source) -> list[tuple[int, list[str]]]:
    """Candidate header lines after the first (exports with title rows above the header)."""
    lines = _head_lines(src)
    start = src.skip_lines + 1
    return [(k, read_header(src, k)) for k in range(start, min(len(lines) - 1, start + 9))
            if lines[k].strip()]


def read_delimited(src: Source, usecols: list[str] | None = None,
                   text_cols: set[str] | None = None,
                   category_cols: set[str] | None = None,
                   names: list[str] | None = None) -> tuple[pd.DataFrame, str]:
    """Columns as text (pandas ``str``; an empty cell is ``""``). Returns (frame, delimiter).

    ``usecols`` reads only those columns (faster on wide exports); then only ``text_cols`` are
    forced to text and the others (counts) are left to pandas' number parsing. ``names`` (the
    header's column names) turns on the check for rows with too many fields (and names the columns
    of a file without a header, ``src.no_header``). Rows pandas skips
    for having too many fields are listed in ``src.bad_lines`` (line numbers) for the caller to
    count."""
    data = src.data
    lineterminator = None
    notes = []
    if b"\r" in data:
        if cr_line_ends(data):
            lineterminator = "\r"
        else:
            n_cr = data.count(b"\r")
            n_crlf = data.count(b"\r\n")
            if n_cr != n_crlf:
                notes.append(f"{n_cr - n_crlf} bare carriage return(s) (CR) found inside text; "
                             "they were kept in the text, not treated as line ends")
                data = data.replace(b"\r\n", b"\n")
                lineterminator = "\n"
    lines = _head_lines(src)
    first = lines[src.skip_lines] if src.skip_lines < len(lines) else ""
    delim = src.delim or _delimiter(first)
    skip = _rows_in_lines(src, src.skip_lines, delim) or None
    # (a one-byte look first: it is a memchr, ~20 times faster than looking for the pair)
    if len(data) <= LONG_ROW_CHECK_BYTES and b"\\" in data and b'\\"' in data:
        width = len(names) if names else len(read_header(src))
        fixed = backslash_quotes(data, delim, width, src.skip_lines, lineterminator)
        if fixed is not None:
            data, n_esc = fixed
            notes.append(f"quotes inside quoted text are written \\\" in this file (e.g. LinkedIn's export), "
                         f"not \"\" as in standard CSV; {n_esc} were read as quotes")
    enc = src.encoding if src.encoding != "utf-8-sig" else "utf-8-sig"
    # No NA guessing (a message that says "NA" or "None" stays text; an empty cell is "").
    # With pyarrow: text columns are asked for as Arrow strings, which pandas' C parser builds
    # straight from its buffers (no Python object per cell), then viewed as pandas "str" at no
    # cost; a UTF-8 file (already checked by open_source) is decoded strictly, which keeps that
    # fast path. Without pyarrow: Python strings (object), the fastest option there.
    from ._rows import text_read_dtype
    arrow = text_read_dtype() == "str"
    tdt: object = _arrow_text_dtype() if arrow else object
    dtype: object = tdt
    if usecols is not None:
        dtype = {c: tdt for c in usecols if text_cols is None or c in text_cols}
        if not arrow:
            dtype.update({c: "category" for c in category_cols or ()})  # few values: parsed fast
    # Reading only some columns makes pandas accept rows with too many fields without a word, so a
    # quick byte-level count looks for such rows first (files up to LONG_ROW_CHECK_BYTES); if
    # there are any, every column is read so that pandas can name and skip them.
    n_fields = len(names) if names else 0
    on_disk = _same_file(src) if data is src.data else None
    # pandas (3.1+) reads a big UTF-8 file on disk with every core, but only when it reads every
    # column: when most columns are wanted, reading them all is the faster way (the others are
    # read as text, the cheapest type, and dropped)
    parallel = bool(on_disk and arrow and usecols is not None and names and not src.no_header
                    and len(set(names)) == len(names) and len(names) <= 2 * len(usecols)
                    and lineterminator is None and enc in ("utf-8", "utf-8-sig")
                    and len(data) >= PARALLEL_MIN_BYTES)
    full = usecols is not None and n_fields and not parallel and len(data) <= LONG_ROW_CHECK_BYTES and \
        has_long_rows(data, delim, n_fields, b"\r" if lineterminator == "\r" else b"\n")
    read_cols, read_dtype = (None, tdt) if full else (usecols, dtype)
    if parallel:
        read_cols, read_dtype = None, {**{c: tdt for c in names if c not in usecols}, **dtype}
    # a hand-typed file may put a space after the separator and then quote a field
    # (`1, 2026-…, jo, "Hello, where…"`): read so, that quote is a quote (else the comma inside it
    # splits the text)
    initial_space = len(data) <= LONG_ROW_CHECK_BYTES and space_before_quote(data, delim)
    if len(data) <= LONG_ROW_CHECK_BYTES:
        stray = stray_quote_line(data, delim)
        if stray is not None:
            notes.append(f"line {stray} has a double quote that closes a quoted field but is not followed "
                         f"by the separator: from there several lines may have been read as one row "
                         f"(compare rows_in with the file). Write quotes inside text as \"\", or remove "
                         "the stray quote")

    def read(errors: str, cols: object = read_cols, dt: object = read_dtype) -> tuple[pd.DataFrame, list]:
        # pandas' "warn" mode (which names each skipped line) makes its parser about twice as
        # slow, so a file is read in "error" mode first and again only if it has a long row
        try:
            return read_once(errors, cols, dt, "error")
        except pd.errors.ParserError as exc:
            if not _TOO_MANY_FIELDS.search(str(exc)):
                raise
        return read_once(errors, cols, dt, "warn")

    def read_once(errors: str, cols: object, dt: object, bad: str) -> tuple[pd.DataFrame, list]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            headless = {"header": None, "names": names} if src.no_header else {}
            if initial_space and not src.no_header:   # pandas then reads ' date' in the header as 'date'
                cols = [c.lstrip(" ") for c in cols] if isinstance(cols, list) else cols
                dt = {c.lstrip(" "): v for c, v in dt.items()} if isinstance(dt, dict) else dt
            # pandas reads a file on disk about a third faster than the same bytes in memory
            frame = pd.read_csv(on_disk or io.BytesIO(data), sep=delim, dtype=dt, usecols=cols,
                                na_filter=False, encoding=enc, encoding_errors=errors, engine="c",
                                lineterminator=lineterminator, skiprows=skip, on_bad_lines=bad,
                                index_col=False, skipinitialspace=initial_space, **headless)
        return frame, caught

    def read_wide(errors: str) -> tuple[pd.DataFrame, list[int]]:
        # The first data row has more fields than the header: pandas (index_col=False) then cuts
        # every row to the header's width without a word (a stray comma in a first message lost
        # the rest of every long row). So every field is read and a row whose extra fields hold
        # something is left out and listed, as pandas lists a later long row; a row whose extra
        # fields are empty (a separator at the end of the line) loses nothing and is kept.
        import numpy as np
        header = list(names) if names else read_header(src)
        nl = b"\r" if lineterminator == "\r" else b"\n"
        starts = record_lines(data, delim, nl)
        width = max(len(header), int(starts[1].max()) if len(starts[1]) else 0)
        cols = [f"\x00{i}" for i in range(width)]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            frame = pd.read_csv(on_disk or io.BytesIO(data), sep=delim, dtype=tdt, header=None, names=cols,
                                na_filter=False, encoding=enc, encoding_errors=errors, engine="c",
                                lineterminator=lineterminator, index_col=False, skipinitialspace=initial_space,
                                skiprows=(skip or 0) + (0 if src.no_header else 1))
        extra = np.zeros(len(frame), dtype=bool)
        for c in cols[len(header):]:
            v = frame[c]
            extra |= (v.notna() & (v.astype("str").str.strip() != "")).to_numpy(dtype=bool, na_value=False)
        lines = starts[0][(skip or 0) + (0 if src.no_header else 1):]
        rows = np.flatnonzero(extra)
        if len(lines) == len(frame):
            bad = [int(lines[k]) for k in rows]
        else:   # a blank or odd line the count did not foresee: numbered as if one line a row
            bad = [int(k) + src.skip_lines + (1 if src.no_header else 2) for k in rows]
        frame = frame.loc[~extra, cols[:len(header)]].reset_index(drop=True)
        frame.columns = header
        return frame, bad

    try:
        errors = "strict"
        try:  # strict decoding keeps pandas' fast path; open_source has checked the encoding already
            df, caught = read(errors)
        except UnicodeDecodeError:  # a forced encoding that does not fit every byte
            errors = "replace"
            df, caught = read(errors)
        wide = None
        if any(_CUT_TO_HEADER in str(w.message) for w in caught):
            df, wide = read_wide(errors)
        # Number columns that pandas read as decimals ('1.234') are read again as text: only the
        # text says whether '1.234' is one thousand two hundred and thirty-four (a German or
        # French spreadsheet) or a decimal, and that is decided from the whole column later
        # (tabular.count_text). Whole-number columns (the usual case) cost nothing.
        floats = [c for c in df.columns if df[c].dtype.kind == "f" and (not parallel or c in usecols)] \
            if (read_cols is not None or parallel) and wide is None else []
        if floats:
            again, _ = read(errors, floats, tdt)
            if len(again) == len(df):
                for c in floats:
                    df[c] = again[c]
        src.bad_lines = wide if wide is not None else \
            [int(n) for w in caught for n in _SKIPPED.findall(str(w.message))]
        raw = [str(c) for c in df.columns]
        # the header's names cleaned as a whole, so a reader of only some columns gets the same
        # names as :func:`clean_headers` gives the caller for the full header
        rename = dict(zip(names, clean_headers(names))) if names and len(set(names)) == len(names) else {}
        if rename and set(raw) <= set(rename):
            df.columns = [rename[c] for c in raw]
        else:
            df.columns = clean_headers(raw)
        if (full or parallel or wide is not None) and usecols is not None:
            wanted = {rename.get(str(u), clean_headers([u])[0]) for u in usecols}
            df = df[[c for c in df.columns if c in wanted]]
    except pd.errors.EmptyDataError:
        raise DataError("the file has no header row; expected a header line naming the columns "
                        "(e.g. text,created_at,author_id)", source=src.name) from None
    except pd.errors.ParserError as exc:
        msg = str(exc).split("\n")[0]
        raise DataError(f"this CSV cannot be read ({msg}); expected one header line and the same number "
                        "of fields on every row (quote text that contains the separator)",
                        source=src.name) from None
    except (UnicodeError, ValueError) as exc:
        raise DataError(f"this CSV cannot be read ({exc}); try encoding='cp1252' or 'utf-8'",
                        source=src.name) from None
    if arrow:  # Arrow strings -> pandas' default text dtype: a view, no copy
        for c in df.columns:
            if isinstance(df[c].dtype, pd.ArrowDtype):
                df[c] = df[c].astype("str")
    src.warnings.extend(notes)
    src.has_cr = b"\r" in src.data
    return df, delim


def _rows_in_lines(src: Source, n_lines: int, delim: str) -> int:
    """How many CSV rows the first ``n_lines`` lines of the file are: pandas' ``skiprows`` counts
    rows, and a title cell above the header can hold a line break inside quotes ("Inbox
    report⏎ACME Ltd",,,): two lines, one row. Skipping two rows there skipped the header too."""
    if n_lines <= 0:
        return 0
    lines = _head_lines(src, n_lines + 1)[:n_lines]
    try:
        return sum(1 for _ in csv.reader(io.StringIO("\n".join(lines) + "\n"), delimiter=delim))
    except csv.Error:
        return n_lines


def _same_file(src: Source) -> str | None:
    """The file's path when pandas may read the file itself: ``src.data`` is still its bytes as
    read (nothing removed or re-encoded) and it is an ordinary file of that size; else None."""
    import os
    try:
        st = os.stat(src.path)
    except OSError:
        return None
    import stat
    if not (src.verbatim and stat.S_ISREG(st.st_mode) and st.st_size == len(src.data)):
        return None
    return str(src.path)


def head_cells(src: Source, delim: str, rows: int = 200) -> list[str]:
    """The cells of the first data rows (at most 64 KB of the file), every column, for a look at
    how the file writes things (e.g. its numbers: ``12,5%``); [] when they cannot be split."""
    lines = src.head_text(65536).replace("\r\n", "\n").split("\n")
    lines = lines[src.skip_lines + (0 if src.no_header else 1):][:rows]
    try:
        return [c for row in csv.reader(lines, delimiter=delim) for c in row]
    except csv.Error:
        return []


def backslash_quotes(data: bytes, delim: str, n_fields: int, skip_lines: int = 0,
                     newline: str | None = None) -> tuple[bytes, int] | None:
    r"""The file rewritten as standard CSV (``\"`` → ``""`` inside quoted fields) and the number
    of quotes rewritten, when the file clearly escapes quotes with a backslash, as LinkedIn's
    ``Comments.csv``/``Shares.csv`` sometimes do (``"Thanks for the \"quick\" reply, great"``;
    standard CSV reading ends the field at the first ``\"`` and cuts the text); else None.

    Clearly means both: some ``\"`` is followed by something other than the separator, a line
    end or another quote (so it cannot be a field's closing quote), and read with backslash
    escapes every line (after ``skip_lines``) splits into the header's ``n_fields`` fields. A
    standard file in which a backslash ends a field (``"C:\",2024-…``) fails one or the other and
    is read as before. ``\\`` (an escaped backslash) is kept as written.

    >>> backslash_quotes(b'a,b\n1,"say \\"hi\\", ok"\n', ",", 2)
    (b'a,b\n1,"say ""hi"", ok"\n', 2)
    >>> backslash_quotes(b'a,b\n"C:\\",x\n"say \\"hi\\" ok",y\n', ",", 2) is None
    True
    """
    if len(delim) != 1 or n_fields < 1 or not delim.isascii():
        return None
    d = re.escape(delim.encode("ascii"))
    if not re.search(rb'\\"(?![' + d + rb'"\r\n]|\Z)', data):
        return None   # every \" may close its field: nothing says the file escapes quotes
    nl = rb"\r" if newline == "\r" else rb"\r?\n"
    quoted = rb'"(?:[^"\\]|\\.)*"'
    field = rb"(?:" + quoted + rb"|[^" + d + rb'"\r\n]*)'
    record = re.compile(field + rb"(?:" + d + field + rb")*(?:" + nl + rb"|\Z)", re.S)
    in_quotes = re.compile(quoted, re.S)
    out: list[bytes] = []
    pos = line = changed = 0
    while pos < len(data):
        m = record.match(data, pos)
        if m is None or m.end() == pos:
            return None   # a line that backslash escapes do not explain either
        chunk = m.group(0)
        bare = in_quotes.sub(b"", chunk)
        if line >= skip_lines and chunk.strip() and bare.count(delim.encode("ascii")) + 1 != n_fields:
            return None
        n = chunk.count(b'\\"')
        if n:
            chunk = in_quotes.sub(lambda q: q.group(0)[:1] + q.group(0)[1:-1].replace(b'\\"', b'""') + b'"', chunk)
            changed += n
        out.append(chunk)
        line += 1
        pos = m.end()
    return (b"".join(out), changed) if changed else None


PARALLEL_MIN_BYTES = 5 * 1024 * 1024
"""Files from this size on may be read with every column, for pandas' parallel reader (which
pandas itself uses only from 5 MB on)."""
LONG_ROW_CHECK_BYTES = 64 * 1024 * 1024
"""Files up to this size are checked for rows with more fields than the header (see
:func:`has_long_rows`); bigger ones skip the check (it would cost ~0.3 s per 100 MB)."""
_SKIPPED = re.compile(r"Skipping line (\d+)")
_CUT_TO_HEADER = "does not match length of data"
"""pandas' warning when the first data row is longer than the header and it cut every row."""
_TOO_MANY_FIELDS = re.compile(r"Expected \d+ fields in line \d+, saw \d+")


def has_long_rows(data: bytes, delim: str, n_fields: int, newline: bytes = b"\n") -> bool:
    """Might some line have more than ``n_fields`` fields? Counts separators outside double
    quotes between line ends, with numpy (no Python per row). A stray quote inside unquoted
    text can make it say yes wrongly; the caller then lets pandas decide row by row.

    >>> has_long_rows(b'a,b\n1,"x, y"\n2,z\n', ",", 2), has_long_rows(b"a,b\n1,x, y\n", ",", 2)
    (False, True)
    """
    import numpy as np
    if len(delim) != 1 or not data:
        return False
    a = np.frombuffer(data, dtype=np.uint8)
    quote = a == ord('"')
    outside = np.bitwise_xor.accumulate(quote.view(np.uint8)) == 0 if quote.any() else np.ones(len(a), bool)
    seps = np.flatnonzero((a == ord(delim)) & outside)
    if len(seps) == 0:
        return False
    ends = np.flatnonzero((a == newline[0]) & outside)
    per_line = np.diff(np.searchsorted(seps, np.concatenate(([0], ends, [len(a)]))))
    return bool((per_line > n_fields - 1).any())


def record_lines(data: bytes, delim: str, newline: bytes = b"\n") -> tuple:
    r"""(first line number, number of fields) of each record of the file that is not blank,
    header included: records split at line ends outside double quotes, fields counted by the
    separators outside quotes, with numpy (no Python per row). Line numbers start at 1 and count
    every line, also those inside quoted text, as pandas numbers lines.

    >>> [a.tolist() for a in record_lines(b'a,b\n"x\ny",1,2\n\n3,4\n', ",")]
    [[1, 2, 5], [2, 3, 2]]
    """
    import numpy as np
    a = np.frombuffer(data, dtype=np.uint8)
    quote = a == ord('"')
    outside = np.bitwise_xor.accumulate(quote.view(np.uint8)) == 0 if quote.any() else np.ones(len(a), bool)
    is_nl = a == newline[0]
    ends = np.flatnonzero(is_nl & outside)
    starts = np.concatenate(([0], ends + 1))
    stops = np.concatenate((ends, [len(a)]))
    seps = np.flatnonzero((a == ord(delim)) & outside) if len(delim) == 1 else np.array([], dtype=np.int64)
    fields = np.diff(np.searchsorted(seps, np.concatenate(([0], stops)))) + 1
    length = stops - starts
    crlf = (length == 1) & (a[np.minimum(starts, max(len(a) - 1, 0))] == ord("\r")) if len(a) else length > 0
    keep = (length > 0) & ~crlf
    line = np.searchsorted(np.flatnonzero(is_nl), starts) + 1
    return line[keep], fields[keep]


def space_before_quote(data: bytes, delim: str) -> bool:
    r"""Does a field open with spaces and then a double quote (``1, 2026-11-25, jo, "Hello, where…"``,
    as people type CSV by hand)? Such a file is read with pandas' ``skipinitialspace``, so that the
    quote is a quote and a separator inside it stays in the text. Only quotes that open a field
    (an even number of quotes before them) after a separator or a line start count, not ``say "hi"``
    inside text.

    >>> space_before_quote(b'a,b\n1, "x, y"\n', ","), space_before_quote(b'a,b\n1,say "hi"\n', ",")
    (True, False)
    """
    import numpy as np
    if len(delim) != 1 or b' "' not in data:
        return False
    a = np.frombuffer(data, dtype=np.uint8)
    opening = np.flatnonzero(a == ord('"'))[0::2]
    opening = opening[opening > 0]
    for i in opening[a[opening - 1] == ord(" ")][:1000].tolist():
        j = i - 1
        while j >= 0 and a[j] == ord(" "):
            j -= 1
        if j < 0 or a[j] in (ord(delim), ord("\n"), ord("\r")):
            return True
    return False


def stray_quote_line(data: bytes, delim: str) -> int | None:
    r"""The line of the first quote that closes a quoted field running over a line end but is
    followed by something other than the separator, a line end or another quote
    (``"hello, ... "x",...``: an opening quote never closed, so pandas joins the lines up to the
    next quote into one field, silently); None when there is none. Quotes are paired in file
    order (the k-th quote closes when k is odd), with numpy: a few ms per MB.

    >>> stray_quote_line(b'text,date\n"a ""b"" c",1\n', ","), stray_quote_line(b't,d\n"a,1\nb,2\n"c",3\n', ",")
    (None, 4)
    """
    import numpy as np
    if len(delim) != 1 or b'"' not in data:
        return None
    a = np.frombuffer(data, dtype=np.uint8)
    q = np.flatnonzero(a == ord('"'))
    closing = q[1::2]
    after = closing + 1
    nxt = a[np.minimum(after, len(a) - 1)]
    bad = ~np.isin(nxt, np.array([ord(delim), ord("\n"), ord("\r"), ord('"')], dtype=np.uint8))
    bad &= after < len(a)   # a quote that ends the file closes its field properly
    if not bad.any():
        return None
    # only fields that run over a line end: '"Cold, again" - not happy' (text after the quote on
    # the same line) is read as one field by pandas, as meant, and joins no lines
    opening = q[0::2][:len(closing)][bad]
    nl = np.flatnonzero(a == ord("\n"))
    joined = np.searchsorted(nl, opening) != np.searchsorted(nl, closing[bad])
    if not joined.any():
        return None
    at = int(closing[bad][int(np.argmax(joined))])
    return data.count(b"\n", 0, at) + 1


def _arrow_text_dtype() -> object:
    import pyarrow as pa
    return pd.ArrowDtype(pa.large_string())


def _cell_text(v: object) -> str:
    """One Excel cell as text. Whole numbers lose their '.0'; numbers of 16+ digits are shown
    as Excel rounded them (``5.70306E+17``) so the id check can report them: Excel keeps only
    15 significant digits, so such an id is already damaged in the workbook."""
    if v is None or (isinstance(v, float) and v != v):
        return ""
    if isinstance(v, bool):
        return str(v)
    if isinstance(v, (int, float)):
        if abs(v) >= 1e15:
            return f"{float(v):.5E}".replace("E+0", "E+")
        if float(v).is_integer():
            return str(int(v))
        return repr(float(v))
    if isinstance(v, pd.Timestamp):
        return v.isoformat(sep=" ")
    return str(v)


WIDE_SHEET_COLUMNS = 1000
"""A sheet wider than this, with most columns empty, is read without its empty columns."""


def _compact_wide_sheets(book: pd.ExcelFile) -> None:
    """Make pandas' .xlsx reader drop columns that are empty in every row of a very wide sheet.

    One stray cell far to the right (a note typed in XFD4000, Excel's last column) made pandas
    pad every row to 16,384 cells: 65 million cells and 2.2 GB for a 5 KB workbook, and a
    MemoryError or the machine's out-of-memory killer further down. Rows are read as pandas
    reads them (trailing empty cells trimmed), and only when the widest row is over
    :data:`WIDE_SHEET_COLUMNS` cells and at least half its columns hold nothing are those
    columns left out before the rows are padded. Other sheets are read exactly as before."""
    reader = getattr(book, "_reader", None)
    if type(reader).__name__ != "OpenpyxlReader" or not hasattr(reader, "_convert_cell"):
        return   # .xls (xlrd) or another pandas: its own reader

    def get_sheet_data(sheet, file_rows_needed=None):
        if reader.book.read_only:
            sheet.reset_dimensions()   # as pandas does: declared dimensions can be wrong
        data, last = [], -1
        for k, row in enumerate(sheet.rows):
            cells = [reader._convert_cell(c) for c in row]
            while cells and (cells[-1] == "" or cells[-1] is None):
                cells.pop()
            if cells:
                last = k
            data.append(cells)
            if file_rows_needed is not None and len(data) >= file_rows_needed:
                break
        data = data[: last + 1]
        width = max((len(r) for r in data), default=0)
        if width > WIDE_SHEET_COLUMNS:
            used = sorted({j for r in data for j, v in enumerate(r) if not (v == "" or v is None)})
            if len(used) * 2 <= width:
                data = [[r[j] if j < len(r) else "" for j in used] for r in data]
                width = len(used)
        return [r + [""] * (width - len(r)) for r in data]

    reader.get_sheet_data = get_sheet_data


def excel_sheets(src: Source) -> Iterator[tuple[str, pd.DataFrame, list[str]]]:
    """Each sheet of an .xlsx/.xls workbook in order, as ``(name, table, all sheet names)``, every
    cell as text; a sheet is only read when asked for (the first one usually holds the data)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # .xls and .ods: python-calamine (pandas' own default for .ods, odfpy, is not installed)
            engine = "calamine" if src.workbook in ("xls", "ods") else None
            book = pd.ExcelFile(io.BytesIO(src.data), engine=engine)
            names = list(book.sheet_names)
            _compact_wide_sheets(book)
    except ImportError as exc:
        raise DataError(f"reading this {'old .xls' if src.workbook == 'xls' else 'Excel'} workbook needs an extra "
                        f"package ({exc}); save the sheet as .xlsx or CSV instead", source=src.name) from None
    except Exception as exc:  # openpyxl/xlrd raise many types for damaged workbooks
        raise DataError(f"this Excel workbook cannot be read ({type(exc).__name__}: {exc}); "
                        "save the sheet as CSV and load that", source=src.name) from None
    for name in names:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                df = book.parse(name, dtype=object)
        except Exception as exc:  # noqa: BLE001 — as above, for one damaged sheet
            raise DataError(f"sheet {name!r} of this Excel workbook cannot be read ({type(exc).__name__}: "
                            f"{exc}); save the sheet as CSV and load that", source=src.name) from None
        cols = clean_headers(list(df.columns))
        yield name, pd.DataFrame({c: [_cell_text(v) for v in df.iloc[:, i]] for i, c in enumerate(cols)},
                                 dtype=object), names
