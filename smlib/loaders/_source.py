"""Open the user's file safely: check it exists, is a file, is not empty or binary junk, and
decode it (UTF-8 with or without BOM, UTF-16 with BOM, else cp1252/Latin-1 with a warning).

Every problem becomes a :class:`smlib.DataError` naming the file and saying what was expected.
"""
from __future__ import annotations

import codecs
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataError

_EXPECTED = ("a CSV or Excel file, or a platform export (X tweets.js, Facebook/Instagram JSON, "
             "TikTok user_data_tiktok.json, YouTube JSON or Takeout CSV, Reddit JSON or CSV, "
             "Mastodon outbox.json)")


@dataclass
class Source:
    path: Path
    data: bytes
    encoding: str = "utf-8"
    warnings: list[str] = field(default_factory=list)
    has_cr: bool = True   # set by the CSV reader: does the raw file contain any CR byte?
    label: str = ""       # the encoding the file was in, for the summary (data may be transcoded)
    skip_lines: int = 0   # lines above the CSV header (Excel's "sep=" hint, export title rows)
    delim: str | None = None   # separator, when the file states it ("sep=;")
    bad_lines: list[int] = field(default_factory=list)  # CSV lines skipped for too many fields
    bad_json_lines: list[int] = field(default_factory=list)  # JSON Lines lines that are not JSON
    no_header: bool = False   # the CSV's first line is data, not column names (set by the loader)
    verbatim: bool = False   # ``data`` is the file's bytes as read (no bytes removed or re-encoded)
    workbook: str = ""       # "xlsx", "xls" or "ods" for a spreadsheet (how excel_sheets reads it)

    @property
    def name(self) -> str:
        return str(self.path)

    def kind(self) -> str:
        """'excel', 'json', 'csv' from the first bytes (not the name)."""
        head = self.data[:8]
        if head.startswith(b"PK\x03\x04"):
            return "zip"
        if head.startswith(b"\xd0\xcf\x11\xe0"):
            return "excel"
        text = self.head_text().lstrip()
        if text.startswith(("{", "[", "window.YTD.", "Grailbird.data.")):
            return "json"
        if text.rstrip() in ("null", "true", "false"):  # bare JSON values: a JSON file, just not an export
            return "json"
        return "csv"

    def head_text(self, n: int = 4096) -> str:
        return self._decode(self.data[:n])

    def text(self) -> str:
        return self._decode(self.data)

    def _decode(self, data: bytes) -> str:
        """Bytes → text in the file's encoding (bad bytes become �). Some codecs a user can
        force (``punycode``, ``idna``) refuse bytes even so: that is a DataError naming it."""
        try:
            return data.decode(self.encoding, errors="replace").lstrip("\ufeff")
        except (UnicodeError, ValueError, LookupError) as exc:
            raise DataError(f"cannot read the file as encoding {self.encoding!r} ({exc}); try 'utf-8', "
                            "'utf-8-sig', 'cp1252' or 'latin-1' (or leave encoding= out)",
                            source=self.name, field="encoding") from None


_RE_URL = re.compile(r"^\s*(?:https?|ftp)://", re.I)


def open_source(path: Any, encoding: str | None = None) -> Source:
    """Read ``path`` into a :class:`Source`, or raise :class:`DataError` saying why not."""
    if path is None or (isinstance(path, str) and not path.strip()):
        raise DataError(f"no file given; expected a path to {_EXPECTED}")
    if isinstance(path, str) and _RE_URL.match(path):
        raise DataError("this is a web address, not a file on this computer: download the file first "
                        "(open the link and save the file), then load the saved file by its path",
                        source=path.strip())
    try:
        p = Path(path).expanduser()
    except TypeError:
        raise DataError(f"expected a file path (text or pathlib.Path), got {type(path).__name__}") from None
    if not p.exists():
        near = sorted(q.name for q in p.parent.glob("*"))[:8] if p.parent.is_dir() else []
        hint = f"; files in {p.parent}: {near}" if near else ""
        raise DataError(f"file not found{hint}", source=str(p))
    if p.is_dir():
        files = sorted(str(q.relative_to(p)) for q in p.rglob("*")
                       if q.is_file() and q.suffix.lower() in {".csv", ".json", ".js", ".jsonl", ".xlsx", ".xls"})
        known = sorted((f for f in files if _message_file_rank(f) is not None), key=_message_file_rank)
        if known:   # an unzipped platform download: name the file with the messages
            raise DataError(f"this is a folder (an unzipped download?); load the messages file inside, "
                            f"{known[0]!r}" + (f" (also: {known[1:6]})" if len(known) > 1 else ""),
                            source=str(p))
        hint = f" Files here that smlib can read: {files[:8]}" if files else ""
        raise DataError(f"this is a folder; pass one file inside it, e.g. {_EXPECTED}.{hint}", source=str(p))
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise DataError(f"cannot read the file ({exc.strerror or exc})", source=str(p)) from None
    blank = b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"
    if not data[:65536].strip(blank) and not data.strip(blank):  # whole-file strip only if needed
        raise DataError(f"the file is empty; expected {_EXPECTED}", source=str(p))
    src = Source(p, data, verbatim=True)
    _reject_other_files(src)
    src.encoding = _choose_encoding(src, encoding)
    if src.kind() == "zip":
        src.workbook = _reject_zip(src)
        src.encoding = "binary"
        return src
    if src.kind() == "excel":
        src.workbook = "xls"
        src.encoding = "binary"
        return src
    _reject_binary(src)
    src.label = src.encoding
    if src.encoding.lower().replace("_", "-").startswith(("utf-16", "utf-32")):
        # one text form for the readers below: UTF-16 (Excel "Unicode Text") becomes UTF-8 bytes
        src.data = src.data.decode(src.encoding, errors="replace").lstrip("\ufeff").encode("utf-8")
        src.encoding = "utf-8"
        src.verbatim = False
    return src


_COMPRESSED = ((b"\x1f\x8b", "gzip", ".gz"), (b"BZh", "bzip2", ".bz2"), (b"\xfd7zXZ\x00", "xz", ".xz"),
               (b"7z\xbc\xaf\x27\x1c", "7-Zip", ".7z"), (b"Rar!\x1a\x07", "RAR", ".rar"))
"""Compressed files by their first bytes: (magic, what it is, usual ending)."""


def _reject_other_files(src: Source) -> None:
    """A DataError that says what the file is, for files no encoding can make into a table: a
    compressed file (gzip ``1f 8b``, bzip2, xz, 7-Zip, RAR) or a PDF (``%PDF``). Without it they
    got advice about text encodings (``encoding='cp1251'``) or "binary data"."""
    head = src.data[:8]
    if head.startswith(b"%PDF"):
        raise DataError("this is a PDF document, not a table of data: smlib cannot read messages out of a "
                        "PDF. Export the data from the tool that made it as CSV or Excel (.xlsx) instead",
                        source=src.name)
    for magic, what, ending in _COMPRESSED:
        if head.startswith(magic):
            archive = what == "gzip" and _gzip_holds_tar(src.data)
            if archive or src.path.name.lower().endswith((".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")):
                raise DataError(f"this is a compressed archive of several files ({what} of a .tar): extract it "
                                "first (double-click it, or run 'tar -xf' on it) and load the messages file "
                                "inside", source=src.name)
            raise DataError(f"this file is compressed ({what}, usually ending {ending}): decompress it first "
                            f"(double-click it, or use 7-Zip) and load the file that comes out", source=src.name)


def _gzip_holds_tar(data: bytes) -> bool:
    """Does this gzip file hold a tar archive (``ustar`` at byte 257 of its content)?"""
    import zlib
    try:
        head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:65536], 1024)
    except zlib.error:
        return False
    return head[257:262] == b"ustar"


def _choose_encoding(src: Source, forced: str | None) -> str:
    data = src.data
    if forced:
        try:
            "".encode(forced)
            codecs.lookup(forced)
        except (LookupError, TypeError):
            raise DataError(f"unknown encoding {forced!r}; try 'utf-8', 'utf-8-sig', 'cp1252' or 'latin-1'",
                            source=src.name, field="encoding") from None
        src.encoding = forced
        src.head_text(65536)   # a codec that cannot read these bytes at all: DataError now
        _warn_replaced(src, forced)
        return forced
    if data.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        return "binary"
    bomless = _utf16_without_bom(data[:4096])
    if bomless:
        src.warnings.append(f"the file is {bomless.upper()} text without a byte-order mark; read it as {bomless}")
        return bomless
    if data.isascii():  # fast, no copy
        return "utf-8"
    dec = codecs.getincrementaldecoder("utf-8")()
    step = 1 << 22
    try:  # in 4 MB pieces: checks UTF-8 without holding a decoded copy of a big file
        for i in range(0, len(data), step):
            dec.decode(data[i:i + step], final=i + step >= len(data))
        return "utf-8"
    except UnicodeDecodeError as exc:
        bad_at = i + max(0, exc.start)
    if _UTF8_SEQUENCE.search(data):
        mixed = _mixed_lines(data)
        if mixed is not None:   # UTF-8 rows and a few Windows rows (a row typed in Notepad, two
            src.data, n_bad, first = mixed   # exports joined): each line in its own encoding
            src.verbatim = False
            src.warnings.append(f"the file mixes UTF-8 and Windows (cp1252) text: {n_bad} line(s) "
                                f"(the first is line {first}) were read as cp1252, the others as UTF-8")
            return "utf-8"
    for enc in ("cp1252", "latin-1"):
        try:
            data.decode(enc)
        except UnicodeDecodeError:
            continue
        line = data[:bad_at].count(b"\n") + 1
        if _refuse_if_not_western(src, enc) == "mac_roman":
            src.warnings.append(f"the file is not UTF-8 (first odd byte on line {line}); its accented letters "
                                "read as Western text only in Mac Roman (old Mac Excel's 'CSV'), so it was read "
                                "as mac_roman. Save it as 'CSV UTF-8' to be sure")
            return "mac_roman"
        odd = _mac_roman_reads_better(data[: 1 << 20]) if enc == "cp1252" else None
        if odd:
            src.warnings.append(f"the file is not UTF-8 (first odd byte on line {line}); read as cp1252 it has "
                                f"capitals inside words ({odd[0]!r}), read as Mac Roman (old Mac Excel's 'CSV') "
                                f"it does not ({odd[1]!r}), so it was read as mac_roman. Save it as 'CSV UTF-8' "
                                "to be sure, or pass encoding='cp1252' if that is wrong")
            return "mac_roman"
        src.warnings.append(f"the file is not UTF-8 (first odd byte on line {line}); read it as {enc}")
        return enc
    return "latin-1"  # unreachable: latin-1 decodes any bytes


def _warn_replaced(src: Source, forced: str) -> None:
    """Warn, with a count, when a forced ``encoding=`` does not fit some bytes of the file: they
    are read as "�" (a cp1252 file forced to UTF-8 loses every accented letter)."""
    data = src.data
    if data.isascii() or data.startswith((b"PK\x03\x04", b"\xd0\xcf\x11\xe0")):
        return
    try:
        data.decode(forced)
        return
    except (UnicodeError, ValueError, LookupError):
        pass
    try:
        text = data.decode(forced, errors="replace")
    except (UnicodeError, ValueError, LookupError):
        return   # a codec that refuses even so: the reader says it
    utf8 = codecs.lookup(forced).name in ("utf-8", "utf-8-sig")
    n = text.count("\ufffd") - (data.count("\ufffd".encode()) if utf8 else 0)
    if n > 0:
        src.warnings.append(f"{n} character(s) could not be read as encoding={forced!r} and became '\ufffd': "
                            "that encoding does not fit the file. Leave encoding= out to let smlib detect it")


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
"""A character written in UTF-8 (2-4 bytes); Windows (cp1252) text almost never holds one."""


def _mixed_lines(data: bytes) -> tuple[bytes, int, int] | None:
    """The file as UTF-8 when it is UTF-8 except for some lines in cp1252 (or Latin-1), with the
    number of such lines and the first one; None when no line is non-ASCII UTF-8 (a cp1252 file)."""
    out, bad, first, utf8 = [], 0, 0, 0
    for k, line in enumerate(data.split(b"\n"), start=1):
        if line.isascii():
            out.append(line)
            continue
        try:
            line.decode("utf-8")
            utf8 += 1
            out.append(line)
        except UnicodeDecodeError:
            bad += 1
            first = first or k
            try:
                out.append(line.decode("cp1252").encode("utf-8"))
            except UnicodeDecodeError:
                out.append(line.decode("latin-1").encode("utf-8"))
    return (b"\n".join(out), bad, first) if utf8 and bad else None


_OTHER_CODE_PAGES = (("gbk", "Chinese (simplified)", ("CJK",)),
                     ("shift_jis", "Japanese", ("CJK", "HIRAGANA", "KATAKANA")),
                     ("big5", "Chinese (traditional)", ("CJK",)),
                     ("euc_kr", "Korean", ("HANGUL",)),
                     ("cp1251", "Cyrillic (Russian, Ukrainian, Bulgarian …)", ("CYRILLIC",)),
                     ("cp1253", "Greek", ("GREEK",)))
"""Windows code pages Excel saves "CSV (comma delimited)" in on non-Western systems, with the
scripts their text is written in (for the suggestion in the error). The double-byte ones come
first: they refuse most bytes that are not theirs, while a one-byte page reads anything."""


def _western(sample: bytes, enc: str) -> tuple[bool, list[str]]:
    """(does ``sample`` read as Western European text in ``enc``, words made only of accented
    letters): see :func:`_refuse_if_not_western`."""
    decoded = sample.decode(enc, errors="replace")
    words = [w for w in re.findall(r"[^\W\d_]{3,}", decoded) if not w.isascii()]
    alien = [w for w in words if all(ord(c) > 127 for c in w)]
    # Latin-1 is only tried when cp1252 cannot read a byte: those bytes are C1 control codes
    # there, which no text uses; many of them mean a double-byte code page (Japanese, …)
    high = [c for c in decoded if ord(c) > 127]
    controls = sum("\x80" <= c <= "\x9f" for c in high)
    return not ((len(alien) >= 3 and len(alien) * 2 >= len(words)) or (high and controls * 10 >= len(high))), alien


def _mac_roman_fits(sample: bytes) -> bool:
    """Does ``sample`` read as Western text in Mac Roman (what Excel for Mac saved as "CSV"
    before 'CSV UTF-8')? Its accented letters are the bytes that are control codes in
    Latin-1 (``é`` is 0x8E), so a Mac file fails the cp1252/Latin-1 reading; read as Mac Roman
    its letters must be Latin ones inside ordinary words."""
    import unicodedata
    ok, _ = _western(sample, "mac_roman")
    if not ok:
        return False
    text = sample.decode("mac_roman")
    letters = [c for c in text if ord(c) > 127 and c.isalpha()]
    if not letters or sum(unicodedata.name(c, "").startswith("LATIN") for c in letters) < 0.9 * len(letters):
        return False
    # Western words mix plain and accented letters ("café", "Grüße"); a Cyrillic or Greek code
    # page read as Mac Roman gives runs of accented letters and symbols only ("—Ô‡ÒË·Ó")
    # (only runs with an accented *letter* count: "£6", "–" and "…" are symbols in any text)
    runs = [r for r in text.split() if sum(c.isalpha() for c in r) >= 2
            and any(ord(c) > 127 and c.isalpha() for c in r)]
    mixed = sum(1 for r in runs if any(c.isascii() and c.isalpha() for c in r))
    return mixed >= 0.5 * len(runs)


_LETTER_THEN_OTHER = re.compile(r"[^\W\d_][^\x00-\x7f]")
"""A letter followed by a character beyond ASCII (checked further by :func:`_capitals_inside`)."""


def _capitals_inside(text: str) -> list[int]:
    """Where a capital beyond ASCII follows a small letter ("cafŽ", "donÕt"): how a Mac Roman
    "café" or "don’t" reads in cp1252, and how a cp1252 "naïve" reads in Mac Roman ("naÔve");
    real text of either almost never has one."""
    return [m.start() + 1 for m in _LETTER_THEN_OTHER.finditer(text) if m[0][0].islower() and m[0][1].isupper()]


def _mac_roman_reads_better(sample: bytes) -> tuple[str, str] | None:
    """(the word in cp1252, the word in Mac Roman) when a file that reads as cp1252 is Mac Roman.

    A Mac Roman file with few accented letters also reads as cp1252, wrongly: its ``é`` (0x8E)
    is ``Ž`` there, ``ä`` ``Š``, ``ü`` ``Ÿ``, its ’ “ ” are ``Õ Ò Ó``: capitals inside words. A
    cp1252 file read as Mac Roman has them instead (``ï`` becomes ``Ô``, ``é`` ``È``), while its
    ``£``, ``€``, curly quotes and dashes give none either way. So the reading with fewer
    capitals inside words wins, when Mac Roman gives Western text (:func:`_mac_text`); a tie
    (no such capital either way: "Espa–a" for "España") stays cp1252, which is the common case."""
    win, mac = sample.decode("cp1252"), sample.decode("mac_roman")
    odd = _capitals_inside(win)
    if not odd or len(odd) <= len(_capitals_inside(mac)) or not _mac_text(sample, mac):
        return None
    at = odd[0]
    start = max(win.rfind(c, 0, at) for c in " \t\r\n,;\"'") + 1
    ends = [k for k in (win.find(c, at) for c in " \t\r\n,;\"") if k >= 0]
    end = min(ends) if ends else len(win)
    return win[start:end], mac[start:end]   # one byte per character in both: the same place


def _mac_text(sample: bytes, mac: str) -> bool:
    """Is the Mac Roman reading Western text: no control codes, and its letters beyond ASCII, when
    it has any, Latin ones inside words (:func:`_mac_roman_fits`)? A Mac file whose only such bytes
    are ’ and “ ” has none (it reads "donÕt" in cp1252)."""
    if not any(ord(c) > 127 and c.isalpha() for c in mac):
        return _western(sample, "mac_roman")[0]
    return _mac_roman_fits(sample)


def _refuse_if_not_western(src: Source, enc: str) -> str | None:
    """DataError when a file that is not UTF-8 does not read as Western European text in ``enc``.

    Excel on a Russian, Greek, Chinese or Japanese Windows saves CSV in that system's code page.
    Read as cp1252, every word of it becomes accented Latin letters ('Ñïàñèáî' for 'Спасибо'),
    and before session 10 such text was kept as it came out. Western text has its accented
    letters inside otherwise plain words ('café', 'Grüße', 'déçu'); here at least half of the
    words with an accented letter are made only of them (3 letters or more, at least 3 such
    words). The error names the code pages whose reading gives one script, so the tutor can
    pass ``encoding=``. Returns ``"mac_roman"`` when the text reads as Western text in Mac Roman
    (then that is the file's encoding)."""
    import unicodedata
    sample = src.data[: 1 << 20]
    ok, alien = _western(sample, enc)
    if ok:
        return None
    if _mac_roman_fits(sample):
        return "mac_roman"
    fits = []
    for code, language, scripts in _OTHER_CODE_PAGES:
        try:
            text = sample.decode(code)
        except UnicodeDecodeError:
            continue
        letters = [c for c in text if ord(c) > 127 and c.isalpha()]
        if letters and sum(unicodedata.name(c, "").startswith(scripts) for c in letters) >= 0.9 * len(letters):
            fits.append((code in ("gbk", "shift_jis", "big5", "euc_kr"), f"encoding={code!r} for {language}"))
    if any(double for double, _ in fits):   # a double-byte page that reads the file is the better clue
        fits = [f for f in fits if f[0]]
    hint = ("; it may be " + ", or ".join(f for _, f in fits[:3])) if fits else ""
    seen = f"words such as {alien[0]!r} come out" if alien else "many characters come out as control codes"
    raise DataError(f"this file is not UTF-8 and its text does not read as Western European ({enc}): "
                    f"{seen}{hint}. Load it with the right encoding=, "
                    "or save it from Excel as 'CSV UTF-8'", source=src.name, field="encoding")


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when ``head`` is UTF-16 text written without a byte-order mark
    (some tools do): mostly-Latin text then has a NUL in (nearly) every second byte, on one side."""
    head = head[: len(head) // 2 * 2]
    if len(head) < 8:
        return None
    odd_nul, even_nul, half = head[1::2].count(0), head[0::2].count(0), len(head) // 2
    if odd_nul >= 0.6 * half and even_nul <= 0.05 * half:
        return "utf-16-le"
    if even_nul >= 0.6 * half and odd_nul <= 0.05 * half:
        return "utf-16-be"
    return None


def _reject_binary(src: Source) -> None:
    """Refuse binary junk; remove the odd stray NUL byte from an otherwise-text file.

    Binary files (images, databases, programs) have many NUL and control bytes near the start.
    A text export can carry a few NULs (padding from a database dump, a broken copy-paste):
    they are removed, with a warning saying how many, instead of refusing the whole file."""
    head = src.data[:4096]
    if src.encoding.lower().replace("_", "-").startswith(("utf-16", "utf-32")):
        return
    nul = head.count(0)
    ctrl = sum(1 for b in head if b < 32 and b not in (0, 9, 10, 13))
    if nul > max(2, len(head) // 200) or nul + ctrl > max(2, len(head) // 50):
        raise DataError(f"this looks like binary data, not text; expected {_EXPECTED}", source=src.name)
    if b"\x00" in src.data:
        total = src.data.count(0)
        if total > max(2, len(src.data) // 200):
            raise DataError(f"this looks like binary data, not text ({total} NUL bytes); expected {_EXPECTED}",
                            source=src.name)
        src.data = src.data.replace(b"\x00", b"")
        src.verbatim = False
        src.warnings.append(f"{total} NUL byte(s) (character 0, not text) were removed from the file")


_ODS_TYPE = b"application/vnd.oasis.opendocument.spreadsheet"


def _reject_zip(src: Source) -> str:
    """``"xlsx"`` or ``"ods"`` for a spreadsheet in a zip container; otherwise a DataError
    saying what to do with the archive."""
    import io
    try:
        box = zipfile.ZipFile(io.BytesIO(src.data))
        names = box.namelist()
        kind = box.read("mimetype")[:200].strip() if "mimetype" in names else b""
    except (zipfile.BadZipFile, NotImplementedError, ValueError, OSError, EOFError, KeyError, RuntimeError):
        # damaged: zipfile also raises NotImplementedError ("zip file version 14.8") and others
        raise DataError(f"the file starts like a zip archive but is damaged; expected {_EXPECTED}",
                        source=src.name) from None
    if any(n.startswith("xl/") for n in names):
        return "xlsx"  # an .xlsx workbook
    if kind.startswith(b"application/vnd.oasis.opendocument"):
        if kind == _ODS_TYPE and _calamine():
            return "ods"   # read with python-calamine, as .xls
        what = "spreadsheet" if kind == _ODS_TYPE else "document (not a spreadsheet)"
        raise DataError(f"this is an OpenDocument {what} (LibreOffice/OpenOffice), which smlib cannot read "
                        "here: open it and save it as Excel (.xlsx) or CSV, then load that", source=src.name)
    useful = [n for n in names if n.lower().endswith((".json", ".js", ".csv", ".jsonl"))]
    known = sorted((n for n in useful if _message_file_rank(n) is not None), key=_message_file_rank)
    if known:
        raise DataError(f"this is a zip archive (a platform download): unzip it and load the messages file "
                        f"inside, {known[0]!r}" + (f" (also: {known[1:6]})" if len(known) > 1 else ""),
                        source=src.name)
    raise DataError("this is a zip archive (a platform download?): unzip it and pass one file inside, "
                    f"e.g. {useful[:8] or names[:8]}", source=src.name)


_META_HTML = re.compile(r'class="[^"]*\b_(?:a6-g|2ph_|a706|3-94|2pin|a6-p|a72d)\b|facebook\.com|instagram\.com|'
                        r'fbcdn\.net|cdninstagram', re.I)
_GOOGLE_HTML = re.compile(r'class="[^"]*\b(?:content-cell|outer-cell|header-cell|mdl-grid)\b|Google Takeout|'
                          r'youtube\.com/(?:watch|channel)', re.I)


def html_download(src: Source, name: str) -> str | None:
    """``"meta"`` or ``"google"`` when this HTML file is the web-page version of a Facebook/
    Instagram "Download your information" or a Google Takeout download (their class names, links
    or the file's name, e.g. ``your_posts_1.html``, ``my-comments.html``), else None. Those
    downloads can be asked for in JSON, which smlib reads."""
    head = src.head_text(65536)
    base = name.replace("\\", "/").rsplit("/", 1)[-1].lower()
    stem = base[:-5] if base.endswith(".html") else base[:-4] if base.endswith(".htm") else ""
    google_names = ("my-comments", "my-live-chat-messages", "watch-history", "search-history", "my activity",
                    "myactivity", "comments", "live chats")
    if _GOOGLE_HTML.search(head) or stem in google_names:
        return "google"
    if _META_HTML.search(head) or _message_file_rank(stem + ".json") is not None:
        return "meta"
    return None


def _calamine() -> bool:
    """Is python-calamine (which reads .xls and .ods workbooks) installed?"""
    import importlib.util
    return importlib.util.find_spec("python_calamine") is not None


MESSAGE_FILES = ("tweets.js", "tweet.js", "direct-messages.js", "note-tweet.js", "your_posts_1.json",
                 "posts_1.json", "comments.json", "post_comments_1.json", "reels_comments.json",
                 "message_1.json", "outbox.json", "user_data_tiktok.json", "user_data.json",
                 "comments.csv", "posts.csv", "messages.csv", "live chats.csv")
"""Files of platform downloads that hold messages, most useful first (for the zip message)."""


def _message_file_rank(name: str) -> int | None:
    base = name.replace("\\", "/").rsplit("/", 1)[-1].lower()
    return MESSAGE_FILES.index(base) if base in MESSAGE_FILES else None


_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _no_lone_surrogates(obj: Any, text: str, src: Source) -> Any:
    """JSON may escape half of an emoji on its own (``"\\ud83d"``, e.g. a post cut short at
    a length limit); Python keeps it as a lone surrogate, which no text column can store. Each
    one becomes U+FFFD (�), with a warning. A forced ``encoding=`` (e.g. ``utf-7``) can leave
    such halves in the decoded text itself. Only walks the data when the text has either."""
    if not (_SURROGATE_ESCAPE.search(text) or _SURROGATE.search(text)):
        return obj
    count = [0]

    def fix(v: Any) -> Any:
        if isinstance(v, str):
            if _SURROGATE.search(v):
                v, n = _SURROGATE.subn("\ufffd", v)
                count[0] += n
            return v
        if isinstance(v, list):
            return [fix(x) for x in v]
        if isinstance(v, dict):
            return {fix(k): fix(x) for k, x in v.items()}
        return v

    out = fix(obj)
    if count[0]:
        src.warnings.append(f"{count[0]} broken character(s) (half an emoji, a lone UTF-16 surrogate) "
                            "were replaced by \ufffd")
    return out


def _json_lines(text: str, src: Source) -> list | None:
    """The values of a JSON Lines file, one per non-blank line; a line that is not valid JSON (a
    download cut off in its last line, a line broken by an editor) is left out and its line
    number put in ``src.bad_json_lines``, for the loader to count. None (not JSON Lines) when
    the first line or at least half of the lines are not JSON."""
    rows, bad, first_ok = [], [], None
    for k, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
            first_ok = True if first_ok is None else first_ok
        except json.JSONDecodeError:
            bad.append(k)
            first_ok = False if first_ok is None else first_ok
    if not first_ok or len(bad) * 2 >= len(rows) + len(bad):
        return None
    src.bad_json_lines = bad
    return rows


def parse_json(src: Source) -> Any:
    """Parse JSON, JSON Lines (as a list), or an X archive ``window.YTD.x.part0 = [...]`` script
    (or the pre-2019 ``Grailbird.data.tweets_2015_01 = [...]`` one);
    DataError when broken."""
    text = src.text()
    stripped = text.lstrip()
    if stripped.startswith(("window.YTD.", "Grailbird.data.")):  # X archives: current and pre-2019
        eq = stripped.find("=")
        stripped = stripped[eq + 1:] if eq >= 0 else stripped
        stripped = stripped.strip().rstrip(";")
    try:
        return _no_lone_surrogates(json.loads(stripped), stripped, src)
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data":  # JSON Lines (one object per line), e.g. Reddit dumps
            rows = _json_lines(text, src)
            if rows is not None:
                return _no_lone_surrogates(rows, stripped, src)
        where = "it ends too early (truncated?)" if exc.pos >= len(stripped.rstrip()) - 1 else exc.msg
        raise DataError(f"not valid JSON at line {exc.lineno}, column {exc.colno}: {where}; "
                        "expected a complete JSON export file", source=src.name) from None
    except RecursionError:
        raise DataError("JSON nested too deeply to read", source=src.name) from None
