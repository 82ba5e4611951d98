"""Load exported social-media data into the canonical tables: ``smlib.load(path, ...)``.

One module per source format; the format is detected from the file's content (first bytes,
JSON shape, CSV headers), not its name. Every format ends in the same shared step
(:func:`smlib.loaders._rows.finish`) that counts unusable rows under named reasons, so
``load_summary["rows_kept"] + load_summary["rows_skipped"] == load_summary["rows_in"]``.

=================  ===========================================================================
format             what it reads
=================  ===========================================================================
twitter_archive    X/Twitter archive ``tweets.js`` / legacy ``tweet.js``
facebook           Facebook "Download your information" JSON (posts, comments, reactions)
instagram          Instagram data download JSON (posts/media, comments)
threads            Threads (Meta) download ``threads_and_replies.json`` (the account's posts and replies)
youtube            YouTube Data API ``commentThreads`` / ``comments`` responses
reddit             Reddit JSON (comments page with nested replies, ``morechildren``)
mastodon           Mastodon archive ``outbox.json``
tiktok             TikTok "Download your data" ``user_data_tiktok.json`` (posts, comments, DMs)
records            any other JSON list of records (JSON Lines too), columns mapped as for a CSV
twcs               Customer Support on Twitter CSV (Kaggle, thoughtvector)
youtube_takeout    Google Takeout YouTube ``comments.csv`` / ``live chats.csv``
reddit_export      Reddit data request ``comments.csv`` / ``posts.csv`` / ``messages.csv``
airline            Twitter US Airline Sentiment ``Tweets.csv``
google_play        Google Play Console monthly reviews report ``reviews_reviews_<package>_<yyyymm>.csv``
trustpilot         Trustpilot Business review export (CSV/Excel) or Trustpilot API reviews JSON
app_store          App Store Connect API ``customerReviews`` JSON (with ``customerReviewResponses``)
csv                any CSV / text table, with ``columns=`` or guessed headers
excel              any .xlsx/.xls sheet, with ``columns=`` or guessed headers
=================  ===========================================================================

Example
-------
>>> import smlib
>>> ds = smlib.load("exports/tweets.js", org_handles=["mybrand"])          # doctest: +SKIP
>>> ds.load_summary["rows_kept"], ds.load_summary["reasons"]                 # doctest: +SKIP
(515, {})
>>> smlib.load("my_sheet.csv", columns={"text": "Message", "created_at": "Sent"})  # doctest: +SKIP
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Iterable, Mapping

from ..errors import DataError
from ..schema import Dataset, Profile, empty_audience
from . import (airline, facebook, google_reviews, instagram, mastodon, records, reddit, reddit_export,
               review_exports, tabular, threads, tiktok, twcs, twitter_archive, youtube, youtube_takeout)
from . import _meta
from ._csv import clean_headers, excel_sheets, head_cells, read_delimited, read_header
from ._options import ARCHIVE_OWNER, UNNAMED_ORG, Options, names_organisation, org_words, slug
from ._rows import Tracker, check_platform, finish, norm_platform, text_read_dtype
from ._source import html_download, open_source, parse_json
from ._time import UTC_ASSUMED, local_assumed

JSON_FORMATS = {"twitter_archive": twitter_archive, "mastodon": mastodon, "youtube": youtube,
                "reddit": reddit, "threads": threads, "facebook": facebook, "instagram": instagram,
                "tiktok": tiktok,
                "google_reviews": google_reviews, **review_exports.JSON_FORMATS, "records": records}
"""JSON formats, in the order they are tried (most specific shape first)."""
TABLE_FORMATS = {"twcs": twcs, "airline": airline, "youtube_takeout": youtube_takeout,
                 "reddit_export": reddit_export, **review_exports.TABLE_FORMATS}
FORMATS = ("auto", *dict.fromkeys([*JSON_FORMATS, *TABLE_FORMATS]), "csv", "excel")
"""Every format name once (``trustpilot`` reads both its table export and its API's JSON)."""
ALIASES = {"x": "twitter_archive", "twitter": "twitter_archive", "tweets.js": "twitter_archive",
           "x_archive": "twitter_archive", "tabular": "csv", "generic": "csv", "xlsx": "excel",
           "xls": "excel", "outbox": "mastodon", "fb": "facebook", "ig": "instagram",
           "takeout": "youtube_takeout", "google": "google_reviews", "gbp": "google_reviews",
           "play": "google_play", "play_console": "google_play", "app_store_connect": "app_store",
           "apple": "app_store"}

__all__ = ["load", "detect_format", "FORMATS"]


def _check_format(fmt: Any, source: str | None = None) -> str:
    f = str(fmt or "auto").strip().lower()
    f = ALIASES.get(f, f)
    if f not in FORMATS:
        raise DataError(f"unknown format {fmt!r}; valid formats: {', '.join(FORMATS)}", source=source,
                        field="format")
    return f


def _check_timezone(tz: Any, source: str | None = None) -> str | None:
    """An IANA zone name such as ``"Europe/London"``, checked (DataError otherwise); a blank
    one means "not given" (None), as for ``platform``."""
    from ..schema import check_zone
    name = str(tz).strip()
    return check_zone(name, source, "timezone") if name else None


def _profile_for(org: str | None) -> Profile | None:
    """The organisation's profile when ``org`` names one in ``data/organisations``, else None.

    An ``org`` with no profile file is fine (any name can label an export). A profile file
    that exists but has a mistake is a :class:`DataError` naming the file and field: quietly
    ignoring it would read the organisation's own posts as customers' messages.
    """
    if not org:
        return None
    from .. import sample
    path = sample._profile_files().get(str(org))
    if path is None:
        return None
    return Profile.from_toml(path)


def _as_list(handles: Any, source: str | None = None) -> list[str]:
    if handles is None:
        return []
    if isinstance(handles, str):
        return [h for h in (x.strip() for x in handles.split(",")) if h]
    try:
        return [str(h).strip() for h in handles if str(h).strip()]
    except TypeError:
        raise DataError(f"org_handles= must be a list of handles, got {type(handles).__name__}",
                        source=source, field="org_handles") from None


def _as_map(columns: Any, source: str | None = None) -> dict[str, str] | None:
    if columns is None:
        return None
    if not isinstance(columns, Mapping):
        raise DataError(f"columns= must be a dict like {{'text': 'Message'}}, got {type(columns).__name__}",
                        source=source, field="columns")
    return dict(columns)


def _resolves(headers: list[str], given: dict[str, Any] | None, source: str) -> bool:
    """Do these header names give a text and a date column (with ``columns=``, if given)?"""
    try:
        tabular.resolve_columns(clean_headers(headers), given, source)
        return True
    except DataError:
        return False


def _only_positions(given: dict[str, Any] | None) -> bool:
    return bool(given) and all(tabular.is_position(v) for v in given.values())


def _pick_header(cands: list[list[str]], given: dict[str, Any] | None, source: str) -> int | None:
    """Which candidate line is the header: the first whose names give a text and a date column
    (by ``columns=``; when ``columns=`` gives only positions, which say nothing about names, by the
    names themselves)."""
    by = None if _only_positions(given) else given
    return next((i for i, c in enumerate(cands) if _resolves(c, by, source)), None)


def _find_header(src: Any, headers: list[str], columns: Any) -> list[str]:
    """The header line: the first one, unless it does not name the needed columns and one of
    the next few lines does (tool exports with title rows above the header). Sets
    ``src.skip_lines`` and notes it in the warnings. A first line that is data (a file without
    column names) sets ``src.no_header`` and gives the names ``column 1``, ``column 2``…"""
    from ._csv import header_lines
    given = _as_map(columns, src.name)
    cands = [(src.skip_lines, headers)] + header_lines(src)
    i = _pick_header([c for _, c in cands], given, src.name)
    if i == 0:
        return headers
    if i is not None:
        k, cand = cands[i]
        src.warnings.append(f"skipped {k - src.skip_lines} line(s) above the column names (the header is "
                            f"line {k + 1})")
        src.skip_lines = k
        return cand
    if not tabular.looks_like_data(headers):
        if _only_positions(given):
            return headers   # names smlib does not know; the positions say which is which
        tabular.resolve_columns(clean_headers(headers), given, src.name)   # raises: what is missing
    src.no_header = True   # the first line is a row of data: the columns get numbers
    return [f"column {i + 1}" for i in range(len(headers))]


def _excel_header(df: Any, columns: Any, src: Any) -> Any:
    """The sheet with its real header row: the first row, unless it does not name the needed
    columns and one of the next ten rows does (tool exports put a title and a date above the
    table); the rows above it are dropped with a warning."""
    given = _as_map(columns, src.name)
    rows = [clean_headers([str(v) if v is not None else "" for v in df.iloc[k].tolist()])
            for k in range(min(10, len(df) - 1))]
    i = _pick_header([list(df.columns)] + rows, given, src.name)
    if i == 0 or (i is None and _only_positions(given)):
        return df
    if i is None:
        tabular.resolve_columns(list(df.columns), given, src.name)   # raises: what is missing
        return df
    src.warnings.append(f"skipped {i} row(s) above the column names (the header is row {i + 1} of the sheet)")
    out = df.iloc[i:].reset_index(drop=True)
    out.columns = rows[i - 1]
    return out


_RE_HTML = re.compile(r"\s*(<\?xml[^>]*>\s*)?(<!--.*?-->\s*)*<(!doctype\s+html|html|table|head|body)\b",
                      re.I | re.S)


def _excel_table(src: Any, columns: Any) -> Any:
    """The first sheet of the workbook that holds a table of messages (its header found as in
    :func:`_excel_header`): tool exports often put a summary sheet first. When none does, the
    error names every sheet and what the first one lacked."""
    given = _as_map(columns, src.name)
    tried: list[str] = []
    first_error: DataError | None = None
    for name, df, names in excel_sheets(src):
        said = len(src.warnings)
        try:
            table = _excel_header(df, columns, src)
            if not (src.no_header or _only_positions(given)):
                tabular.resolve_columns(list(table.columns), given, src.name)   # raises: what is missing
        except DataError as exc:
            del src.warnings[said:]
            tried.append(name)
            first_error = first_error or exc
            continue
        if tried:
            src.warnings.append(f"read sheet {name!r}: the sheet(s) before it {tried} have no table of "
                                "messages")
        if len(names) > len(tried) + 1:
            src.warnings.append(f"the workbook has {len(names)} sheets {names[:6]}; only {name!r} was read "
                                "(save another sheet on its own to load it)")
        return table
    if len(tried) == 1 and first_error is not None:
        raise first_error
    raise DataError(f"none of the workbook's {len(tried)} sheets {tried[:8]} has a table of messages; "
                    f"on the first: {first_error.reason if first_error else 'it is empty'}", source=src.name)


def _number_hint(src: Any, delim: str) -> Any:
    """How the file writes numbers (``tabular.number_style`` of its first rows), looked at once
    and only when a count column cannot tell by itself."""
    seen: list = []

    def hint() -> tuple[str | None, str | None]:
        if not seen:
            seen.append(tabular.number_style(head_cells(src, delim)))
        return seen[0]
    return hint


def _org_when_not_given(opts: Options, path: Path, tracker: Tracker) -> str:
    """The ``org`` of a file loaded without ``org=`` and with no org column: the organisation the
    file names (the archive's owner, the brand, the channel, the subreddit); else the file's
    name when it names one (:func:`._options.names_organisation`: ``Acme Coffee.csv``, not
    ``commentThreads.json`` or ``export (3).csv``); else ``"this organisation"``. Folder names
    are never used (``Downloads``, a home or temporary folder). The summary says when the name
    was guessed or missing, and how to give it."""
    named = opts.natural_org if opts.natural_org and opts.natural_org != ARCHIVE_OWNER else None
    if named:
        return slug(named)
    how = 'name it with org=, e.g. smlib.load(path, org="my-shop")'
    if names_organisation(path.stem):
        # the words that name it, without dates and export words: "tweet_activity_metrics_
        # RiversideColl_20240601_20240701_en.csv" is 'riversidecoll'
        value = slug(" ".join(org_words(path.stem)))
        tracker.warnings.append(f"the file does not name the organisation, so it is called '{value}' after "
                                f"the file's name; {how}")
        return value
    tracker.warnings.append(f"neither the file nor its name ('{path.name}') names the organisation, so it "
                            f"is called '{UNNAMED_ORG}'; {how}")
    return UNNAMED_ORG


def detect_format(path: str | Path, encoding: str | None = None) -> str:
    """The format smlib would use for ``path`` (from its content), e.g. ``'twcs'``."""
    src = open_source(path, encoding)
    kind = src.kind()
    if kind in ("excel", "zip"):
        try:   # a review-site export saved as a workbook (Trustpilot) is that format, as in load()
            cols = [str(c) for c in _excel_table(src, None).columns]
        except DataError:
            return "excel"
        return next((n for n, m in review_exports.TABLE_FORMATS.items() if m.detect(cols)), "excel")
    if kind == "json":
        obj = parse_json(src)
        return _json_module(obj, src.name, src.head_text(64))[0]
    headers = read_header(src)
    return next((n for n, m in TABLE_FORMATS.items() if m.detect(headers)), "csv")


def _json_module(obj: Any, source: str, head: str = "") -> tuple[str, Any]:
    for name, mod in JSON_FORMATS.items():
        if mod.detect(obj):
            return name, mod
    if obj == [] and head.lstrip().startswith("window.YTD."):   # an X archive file with nothing in it
        return "twitter_archive", twitter_archive
    if isinstance(obj, dict):
        shape = f"an object with keys {list(obj)[:12]}"
    elif isinstance(obj, list):
        inner = list(obj[0])[:12] if obj and isinstance(obj[0], dict) else type(obj[0]).__name__ if obj else "nothing"
        shape = f"a list of {len(obj)} item(s) ({'keys ' + str(inner) if isinstance(inner, list) else inner})"
    else:
        shape = f"a single {type(obj).__name__}"
    raise DataError(f"this JSON is not an export smlib knows: it holds {shape}. Expected an X archive "
                    "tweets.js, Facebook, Instagram or Threads export JSON, YouTube commentThreads, Reddit "
                    "comments JSON, Mastodon outbox.json or TikTok user_data_tiktok.json, or a list of records "
                    "with a text and a date field (name them with columns=, as for a CSV)", source=source)


def _skip_lines(tracker: Any, lines: list[int], reason: str, warning: str) -> None:
    """Count lines the reader left out (they never became rows) as skipped rows, with a warning."""
    if lines:
        tracker.rows_in += len(lines)
        tracker.skip(reason, len(lines), where=[f"line {k}" for k in lines])
        tracker.warnings.append(f"{len(lines)} " + warning.format(first=lines[0]))


def _x_archive_folder(path: Any, fmt: str, columns: Any) -> Path | None:
    """tweets.js of an X archive when ``path`` is the archive's folder (or its ``data/`` folder)
    and no other format or ``columns=`` is asked for; else None (other folders stay a DataError
    naming the file to load). Its posts are read from tweets.js, its parts and note-tweet.js as one
    file, so a long post (cut in tweets.js, whole in note-tweet.js) is counted once."""
    if fmt not in ("auto", "twitter_archive") or columns is not None:
        return None
    try:
        p = Path(path).expanduser()
        return twitter_archive.archive_in(p) if p.is_dir() else None
    except (TypeError, ValueError, OSError):
        return None   # open_source says what is wrong with the path


def load(path: str | Path, org: str | None = None, format: str = "auto",
         columns: Mapping[str, str] | None = None, platform: str | None = None,
         encoding: str | None = None, org_handles: Iterable[str] | str | None = None,
         timezone: str | None = None) -> Dataset:
    """Read an exported file into a :class:`smlib.Dataset` in the canonical schema.

    ``org``: the organisation slug for every row (a sample slug also brings its profile and
    handles); when omitted it comes from the file (the brand in twcs, the airline, the archive
    owner), else from the file's name when that names an organisation, else it is
    ``"this organisation"`` (see :func:`_org_when_not_given`; the summary warns). ``format``: ``"auto"`` (detect from content) or one of :data:`FORMATS`.
    ``columns``: ``{model_field: source_column}`` for CSV/Excel. ``platform``: the platform code
    for every row (e.g. ``"facebook"`` for a CSV). ``encoding``: force a text encoding.
    ``org_handles``: the organisation's own handles, so its messages get ``author_is_org``.
    ``timezone``: the zone of dates written without one (e.g. ``"Europe/London"``); by default
    the sample organisation's zone when ``org`` names one, else UTC (the summary warns either way).

    Raises :class:`smlib.DataError` (only) when the file cannot be used.
    """
    fmt = _check_format(format, str(path))   # the file named in the message, as for every error
    if org is not None and not isinstance(org, str):
        raise DataError(f"org= must be the organisation's name or handle as text, e.g. org='acme-coffee'; got "
                        f"{type(org).__name__} {org!r}", source=str(path), field="org")
    if platform is not None and not str(platform).strip():
        platform = None
    tweets_file = _x_archive_folder(path, fmt, columns)
    path = tweets_file or path
    try:
        src = open_source(path, encoding)
    except DataError:
        raise
    except (OSError, ValueError, TypeError) as exc:  # e.g. a path with a NUL byte, a socket
        raise DataError(f"cannot open this path ({type(exc).__name__}: {exc})", source=str(path)) from None
    tracker = Tracker(src.name)
    if platform is not None:   # "Facebook Page" → facebook; a typing slip ("tiktokk") is an error
        platform, said = check_platform(platform, src.name)
        if said:
            tracker.warnings.append(said)
    columns = _as_map(columns, src.name)   # checked once, for every path (CSV, Excel, JSON)
    profile = _profile_for(org)
    local_tz = (_check_timezone(timezone, src.name) if timezone is not None else None) or \
        (profile.timezone if profile else None)
    own = _as_list(org_handles, src.name)
    handles = own + (list(profile.handles.values()) if profile else [])
    opts = Options(path=src.path, tracker=tracker, org=org, platform=platform, handles=handles,
                   columns=columns, own_handles=own,
                   profile_handles=dict(profile.handles) if profile else {}, x_folder=tweets_file is not None)
    kind = src.kind()
    try:
        if columns is not None and kind == "json":
            if fmt not in ("auto", "records"):
                raise DataError(f"columns= is for CSV or Excel tables and JSON lists of records; format "
                                f"{fmt!r} reads a known export shape (leave columns= out)", source=src.name,
                                field="columns")
            fmt = "records"   # a list of records, mapped like a CSV
        if columns is not None and fmt == "auto":
            fmt = "excel" if kind in ("excel", "zip") else "csv"
        # a format read from JSON and from tables (trustpilot) follows the file's kind
        read_json = (fmt in JSON_FORMATS and (kind == "json" or fmt not in TABLE_FORMATS)) or \
            (fmt == "auto" and kind == "json")
        if read_json:
            if kind != "json":
                raise DataError(f"format {fmt!r} expects a JSON export, but this file does not start like "
                                "JSON", source=src.name)
            obj = parse_json(src)
            if fmt == "auto":
                fmt, mod = _json_module(obj, src.name, src.head_text(64))
            else:
                mod = JSON_FORMATS[fmt]
                # records: parse says what is wrong; label_values items are Facebook's or Instagram's
                meta = fmt in ("facebook", "instagram") and _meta.label_items(obj) is not None
                if mod is not records and not meta and not mod.detect(obj):
                    raise DataError(f"this JSON does not have the {fmt} shape (see docs/loading.md); "
                                    "try format='auto'", source=src.name)
            frame = mod.parse(obj, opts)
            default_platform = opts.platform_found or mod.PLATFORM
        else:
            if kind == "json" and (fmt == "csv" or fmt in TABLE_FORMATS):
                raise DataError(f"format {fmt!r} expects a CSV table, but this file is JSON", source=src.name)
            mapping = None
            if kind == "csv" and _RE_HTML.match(src.head_text(512)):
                download = html_download(src, src.name)
                if download == "meta":
                    raise DataError("this is the web-page (HTML) version of a Facebook or Instagram download, "
                                    "which smlib cannot read. Request your information again and choose the "
                                    "format JSON (Accounts Centre → Your information and permissions → "
                                    "Download your information → Format: JSON), then load the .json file "
                                    "with the messages", source=src.name)
                if download == "google":
                    raise DataError("this is the web-page (HTML) version of a Google Takeout download, which "
                                    "smlib cannot read. Request the download again and choose JSON (or CSV) "
                                    "instead of HTML under 'Multiple formats', then load that file",
                                    source=src.name)
                raise DataError("this file is a web page (HTML), not a CSV or Excel file. Some tools save "
                                "their 'Excel' export as a web page: open it in Excel or LibreOffice and save "
                                "it as .xlsx or .csv, then load that", source=src.name)
            if kind in ("excel", "zip"):
                df = _excel_table(src, columns)
                if fmt == "auto":   # review-site exports also come as workbooks (Trustpilot)
                    fmt = next((n for n, m in review_exports.TABLE_FORMATS.items()
                                if columns is None and m.detect([str(c) for c in df.columns])), "excel")
            else:
                headers = read_header(src)
                if fmt == "auto":
                    fmt = next((n for n, m in TABLE_FORMATS.items() if m.detect(headers)), "csv")
                usecols = text_cols = cat_cols = None
                if fmt in ("csv", "excel"):
                    headers = _find_header(src, headers, columns)
                if src.no_header:   # read every column, then tell them apart by their contents
                    df, delim = read_delimited(src, names=headers)
                    mapping = tabular.resolve_headerless(df, columns, src.name, src.warnings)
                elif fmt in ("csv", "excel") and len(set(headers)) == len(headers):
                    # the map names cleaned headers (as the frame will have them); pandas is
                    # asked for the columns by their names in the file
                    clean = clean_headers(headers)
                    mapping = tabular.resolve_columns(clean, _as_map(columns, src.name), src.name)
                    raw_of = dict(zip(clean, headers))
                    usecols = list(dict.fromkeys(raw_of[h] for h in mapping.values()))
                    if "platform" not in mapping and not opts.platform:   # links may say it
                        usecols += [raw_of[h] for h in tabular.link_columns(clean, mapping)]
                    text_cols = {raw_of[h] for f_, h in mapping.items() if f_ not in tabular.NUMERIC_FIELDS}
                    cat_cols = {raw_of[h] for f_, h in mapping.items() if f_ in ("platform", "org")} - \
                        {raw_of[h] for f_, h in mapping.items() if f_ not in ("platform", "org")}
                if not src.no_header:
                    df, delim = read_delimited(src, usecols=usecols, text_cols=text_cols,
                                               category_cols=cat_cols, names=headers)
                opts.delimiter = delim
                opts.number_hint = _number_hint(src, delim)
            tracker.warnings.extend(src.warnings)
            tracker.may_have_cr = src.has_cr
            if kind not in ("excel", "zip"):
                # a whole-file byte scan rules Excel-rounded ids out cheaply for Python strings;
                # Arrow text columns are checked one by one instead (faster than scanning the file)
                tracker.may_have_exp = text_read_dtype() == "str" or b"E+" in src.data or b"e+" in src.data
                tracker.no_nan = True   # read with na_filter=False: empty cells are "", never NaN
            if len(df.columns) == 0:
                raise DataError("no columns found; expected a header row", source=src.name)
            if len(df) == 0:
                raise DataError(f"the file has a header ({list(df.columns)[:12]}) but no rows of data",
                                source=src.name)
            headers = [str(c) for c in df.columns]
            if fmt == "auto":
                fmt = next((n for n, m in TABLE_FORMATS.items() if m.detect(headers)), "csv")
            if fmt in TABLE_FORMATS:
                mod = TABLE_FORMATS[fmt]
                if not mod.detect(headers):
                    raise DataError(f"this table does not have the {fmt} columns {sorted(mod.REQUIRED)}; "
                                    f"headers found: {headers}", source=src.name)
                frame = mod.parse(df, opts)
                default_platform = mod.PLATFORM
            else:
                frame = tabular.parse(df, opts, mapping)
                default_platform = ""  # from a 'platform' column, else 'other'
        if read_json:
            tracker.warnings.extend(src.warnings)
            _skip_lines(tracker, src.bad_json_lines, "not valid JSON",
                        "line(s) of this JSON Lines file are not valid JSON (e.g. line {first}: cut off, "
                        "or broken by an editor); they were skipped")
        else:
            _skip_lines(tracker, src.bad_lines, "more fields than the header",
                        "row(s) have more fields than the header row (e.g. line {first}), so their "
                        "columns are shifted; they were skipped. Usually a separator inside text that "
                        'is not in "quotes": save the file again from a spreadsheet, or quote such text')
        plat = norm_platform(platform) if platform else default_platform
        if plat == "" and "platform" not in frame.columns:
            plat = "other"
        if opts.zone and timezone is None:
            local_tz = opts.zone   # the date column's name says so: "Date (UTC)"
            tracker.warnings.append(f"the date column's name says its times are {opts.zone}; they were read so")
        elif opts.zone and local_tz != opts.zone:
            tracker.warnings.append(f"the date column's name says its times are {opts.zone}, but "
                                    f"timezone={timezone!r} was given and used")
        if "_tz" in frame.columns and timezone is not None:
            tz_col = tracker.info.get("columns_used", {}).get("_tz", "_tz")
            frame = frame.drop(columns="_tz")
            tracker.info.get("columns_used", {}).pop("_tz", None)
            tracker.warnings.append(f"column '{tz_col}' gives each row's time zone, but timezone={timezone!r} "
                                    "was given and used for every date written without a zone")
        org_value = org or ("" if "org" in frame.columns else _org_when_not_given(opts, src.path, tracker))
        interactions, summary = finish(frame, tracker, org=org_value, platform=plat, org_handles=handles,
                                       fmt=fmt, encoding=src.label or src.encoding, local_tz=local_tz)
        if opts.zone and local_tz == opts.zone:   # said once, with the reason
            summary["warnings"] = [w for w in summary["warnings"]
                                   if w not in (UTC_ASSUMED, local_assumed(opts.zone))]
        if local_tz:   # timezone=, the date column's name or the profile: the analyses' clock too
            summary["timezone"] = local_tz
    except DataError:
        raise
    except RecursionError:
        raise DataError("the data are nested too deeply to read", source=src.name) from None
    except (KeyError, TypeError, ValueError, AttributeError, IndexError, OverflowError) as exc:
        # a shape we did not foresee: say so plainly rather than show a deep traceback
        raise DataError(f"could not read this file as {fmt!r} ({type(exc).__name__}: {exc}); check it "
                        "is an unchanged export, or pass format=/columns=", source=src.name) from None
    return Dataset(interactions=interactions, audience=empty_audience(), profile=profile, load_summary=summary)
