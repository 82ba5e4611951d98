"""Security risks in an organisation's social-media activity: things to report, never to click.

Unit 3 (1.2) asks learners to recognise malware, spyware, Trojans and viruses, and the
National Occupational Standard asks them to identify and report cyber-security risks. This
module flags four kinds of risk in the messages:

* **scam or phishing links** – a web address that imitates the organisation's (a lookalike
  domain), hides where it goes (a link shortener), uses a throwaway ending such as ``.xyz``
  together with bait, or comes with bait such as "claim your refund" or "verify your account";
* **fake accounts** – a handle or name that looks like the organisation's but is not one of
  its real accounts ("BrightMart_Help" when the real one is "BrightMart");
* **requests for secrets** – asking people to send passwords, PINs, card numbers or codes;
* **malware lures** – "download this .apk", "install this app to claim".

Every word list lives in ``data/priority_rules.toml`` (section ``[security]``), so a tutor can
edit it. Links in the output are made inert (``hxxps://bad[.]example``) so nobody clicks them.

Example
-------
>>> import pandas as pd
>>> from smlib.schema import conform_interactions, Profile
>>> f = conform_interactions(pd.DataFrame({
...     "org": "shop", "platform": "x", "message_id": ["1"],
...     "created_at": pd.to_datetime(["2026-01-05 10:00"], utc=True),
...     "author_id": ["ShopHelpDesk"], "author_name": ["ShopHelpDesk"], "author_is_org": [False],
...     "kind": ["reply"], "text": ["Claim your refund at https://shop-refunds.xyz/claim"]}))
>>> risks = find_security_risks(f, Profile(slug="shop", name="Shop", handles={"x": "Shop"}))
>>> risks["risk_types"].iloc[0]
['scam or phishing link', 'fake account']
"""
from __future__ import annotations

import difflib
import re
from functools import lru_cache
from typing import Any, Iterable, Iterator

import numpy as np
import pandas as pd

from .errors import DataError
from .privacy import bare_addresses, handle_key, handle_keys, inert_urls, pseudonym, pseudonymise
from .schema import Dataset, Profile, org_flags
from .textforms import fold_unicode

RISK_TYPES = ("scam or phishing link", "fake account", "asks for passwords or card details",
              "malware lure")

_URL = re.compile(r"\b(?:(?:https?|ftp)://|www\.)[^\s<>\"']+", re.IGNORECASE)
# a web address without "https://": labels joined by dots, the last starting with 2 to 12 letters,
# not straight after "@", a letter, digit, "_" or "." (what ``(?<![@\w.])((?:[a-z0-9-]+\.)+
# [a-z]{2,12})(/[^\s<>"']*)?`` finds), found in linear time by smlib.privacy's
# :func:`~smlib.privacy.bare_addresses` with these two rules: that regex took 6 s on 50 KB of
# "a-a-a-…" (every "-" a new start, each read to the end)
_LETTERS = re.compile(r"[a-z]{2,12}", re.IGNORECASE)
_NOT_BEFORE = re.compile(r"[@\w.]")


def _letters_ending(text: str, label: str, start: int) -> int | None:
    """Where the 2 to 12 letters that start ``label`` end (None if it does not start so)."""
    m = _LETTERS.match(label)
    return start + m.end() if m else None


def _not_after_word(text: str, k: int) -> bool:
    """``text[k]`` is not straight after "@", a word character or "."."""
    return not (k and _NOT_BEFORE.match(text, k - 1))


def _bare_links(text: str) -> Iterator[tuple[str, str]]:
    """``(host, whole link)`` for each web address without a scheme, left to right.

    >>> list(_bare_links("go to x-bad.site/claim now, or a.b"))
    [('x-bad.site', 'x-bad.site/claim')]
    """
    for begin, host_end, end in bare_addresses(text, _letters_ending, _not_after_word):
        yield text[begin:host_end], text[begin:end]


_LEET = str.maketrans({"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "$": "s",
                       "@": "a", "!": "i", "|": "l"})
_NEGATION = re.compile(r"\b(never|don't|dont|do not|won't|wont|will not|not|no one will)\b[^.!?]{0,30}$",
                       re.IGNORECASE)
# endings accepted for web addresses written without https:// (plus two-letter countries)
_COMMON_TLDS = {"com", "net", "org", "uk", "co", "io", "gov", "ac", "edu", "me", "ly", "app", "biz",
                "shop", "store", "xyz", "top", "info", "online", "site"}


def _norm_handle(text: object) -> str:
    """Lower-case, undo look-alike characters (0→o, 1→l, rn→m) and keep letters/digits only."""
    s = fold_unicode(str(text or "")).lower().lstrip("@").translate(_LEET).replace("rn", "m")
    return re.sub(r"[^a-z0-9]", "", s)


def _words_regex(words: Iterable[str]) -> re.Pattern | None:
    from .priority import words_regex
    return words_regex(list(words))


@lru_cache(maxsize=8)
def _compiled(rules_key: int, rules_items: tuple) -> dict[str, Any]:
    rules = dict(rules_items)
    req = "|".join(re.escape(w) for w in rules["request_words"])
    sec = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in
                   sorted(rules["secret_words"], key=len, reverse=True))
    return {
        "lure": _words_regex(rules["lure_words"]),
        "marketing": _words_regex(rules.get("marketing_words", [])),
        "malware": _words_regex(rules["malware_words"]),
        "secret": re.compile(rf"\b(?:{req})\b(?:\W+\w+){{0,4}}?\W+(?:your|ur|yer)\b"
                             rf"(?:\W+\w+){{0,6}}?\W+(?:{sec})\b", re.IGNORECASE),
        "ext": re.compile(r"\.(" + "|".join(map(re.escape, rules["malware_extensions"])) + r")(?:[?#/]|$)",
                          re.IGNORECASE),
        "shorteners": {s.lower() for s in rules["shorteners"]},
        "risky_tlds": {t.lower().lstrip(".") for t in rules["risky_tlds"]},
        "impostor": sorted({_norm_handle(w) for w in rules["impostor_words"]}, key=len, reverse=True),
        "similarity": float(rules.get("lookalike_similarity", 0.85)),
    }


def _security_rules(rules: dict | None = None) -> dict[str, Any]:
    from .priority import load_priority_rules
    r = rules if rules is not None else load_priority_rules()
    sec = r.get("security", r)
    items = tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in sorted(sec.items()))
    return _compiled(hash(items), items)


def _hosts(text: str, extra_tlds: Iterable[str] = ()) -> list[tuple[str, str]]:
    """(host, whole link) for every web address in the text, with or without ``https://``.

    Addresses without a scheme ("bad-site.xyz/claim") count only when they end in a known
    ending (``.com``, ``.uk``, a two-letter country, or one in ``extra_tlds``), so ordinary
    words joined by a full stop ("hello.there") are not mistaken for links.
    """
    out = []
    seen = set()
    for m in _URL.finditer(text):
        link = m.group(0).rstrip(".,;:!?)")
        rest = link.split("://", 1)[-1]
        host = rest.split("/", 1)[0].split("?", 1)[0].split(":", 1)[0].lower()
        out.append((host, link))
        seen.add(host)
    known = _COMMON_TLDS | set(extra_tlds)
    for host, link in _bare_links(_URL.sub(" ", text)):
        host = host.lower()
        tld = host.rsplit(".", 1)[-1]
        if host in seen or not (tld in known or (len(tld) == 2 and len(host) > 5)):
            continue
        out.append((host, link.rstrip(".,;:!?)")))
    return out


def _registrable(host: str) -> str:
    """The name part a person registers: 'www.brightmart-refunds.co.uk' -> 'brightmart-refunds'."""
    parts = host.lower().removeprefix("www.").split(".")
    if len(parts) >= 3 and parts[-2] in ("co", "org", "gov", "ac", "com", "net") and len(parts[-1]) == 2:
        return parts[-3]
    return parts[-2] if len(parts) >= 2 else parts[0]


def _official(frame: pd.DataFrame, profile: Profile | None) -> tuple[set[str], set[str], set[str], str]:
    """The organisation's real handles (as :func:`smlib.privacy.handle_key`s), brand tokens
    (normalised), real domains, display name.

    Real domains are the profile's ``website``/``domains`` (if set) and every web address the
    organisation itself posted in ``frame``.
    """
    handles: set[str] = set()
    name = ""
    domains: set[str] = set()
    if profile is not None:
        handles |= handle_keys(profile.handles.values())
        name = profile.name
        for key in ("website", "websites", "domain", "domains"):
            v = profile.extra.get(key)
            for item in ([v] if isinstance(v, str) else list(v or [])):
                host = re.sub(r"^[a-z]+://", "", str(item).lower()).split("/")[0].removeprefix("www.")
                if host:
                    domains.add(host)
    if "author_is_org" in frame:
        org_rows = frame[org_flags(frame["author_is_org"])]
        for col in ("author_id", "author_name"):
            if col in org_rows:
                handles |= handle_keys(org_rows[col].dropna().unique())
        if not name and "author_name" in org_rows and len(org_rows):
            name = str(org_rows["author_name"].dropna().iloc[0]) if org_rows["author_name"].notna().any() else ""
    if "author_is_org" in frame and "text" in frame:
        for t in frame.loc[org_flags(frame["author_is_org"]), "text"].dropna():
            domains |= {h.removeprefix("www.") for h, _link in _hosts(str(t))}
    tokens = {_norm_handle(h) for h in handles} | ({_norm_handle(name)} if name else set())
    tokens = {t for t in tokens if len(t) >= 4}
    return handles, tokens, domains, name or "the organisation"


def _is_brand_like(value: str, tokens: set[str], impostor: list[str], similarity: float) -> str | None:
    """Why a handle/domain label looks like the brand (None if it does not)."""
    n = _norm_handle(value)
    if not n or not tokens:
        return None
    for t in tokens:
        if n == t:
            return "is spelt like the real one with different characters"
        if t in n:
            rest = n.replace(t, "", 1)
            rest_wo = rest
            for w in impostor:
                rest_wo = rest_wo.replace(w, "")
            if not re.sub(r"\d", "", rest_wo):
                return "adds words like 'help' or 'support' to the real name"
        if len(n) >= 4 and difflib.SequenceMatcher(None, n, t).ratio() >= similarity:
            return "is a near copy of the real name"
    return None


def make_inert(text: str, extra_tlds: Iterable[str] = ()) -> str:
    """:func:`smlib.privacy.inert_urls`, plus any bare web address it does not know the ending of
    (e.g. ``prize-centre.win``): every address found here loses its clickable dots."""
    if not isinstance(text, str):
        return ""
    out = inert_urls(text)
    for host, _link in _hosts(text, extra_tlds):
        if host in out:
            out = re.sub(r"(?<![\w\[.-])" + re.escape(host) + r"(?![\w-])", host.replace(".", "[.]"),
                         out, flags=re.IGNORECASE)
    return out


def _defang(host: str) -> str:
    return host.replace(".", "[.]")


def _domain_brand_like(label: str, tokens: set[str], similarity: float) -> str | None:
    """Why a web address's name looks like the brand's (None if it does not).

    Any extra word around the brand name counts ("secure-brightmart-verify"): a classic
    phishing trick, because the real organisation's own addresses are known (profile or its
    own posts) and are never checked.
    """
    n = _norm_handle(label)
    if not n:
        return None
    for t in tokens:
        if n == t:
            return "is the brand name"
        if t in n:
            return "wraps the brand name in other words"
        if len(n) >= 4 and difflib.SequenceMatcher(None, n, t).ratio() >= similarity:
            return "is a near copy of the brand name"
    return None


def _message_risks(text: str, author: tuple[str, str], is_org: bool, handles: set[str],
                   tokens: set[str], domains: set[str], org_name: str,
                   c: dict[str, Any]) -> list[tuple[str, str]]:
    """[(risk type, plain-English reason)] for one message."""
    risks: list[tuple[str, str]] = []
    text = text if isinstance(text, str) else ""
    links = _hosts(text, c["risky_tlds"])
    lure = c["lure"].search(text) if c["lure"] else None
    bait = lure or (c["marketing"].search(text) if c["marketing"] else None)
    link_reasons = []
    for host, link in links:
        bare = host.removeprefix("www.")
        if bare in c["shorteners"] or any(bare.endswith("." + s) for s in c["shorteners"]):
            link_reasons.append(f"a shortened link ({_defang(bare)}) hides where it really goes")
            continue
        official = bare in domains or any(bare.endswith("." + d) for d in domains)
        label = _registrable(bare)
        tld = bare.rsplit(".", 1)[-1]
        why = None if official else _domain_brand_like(label, tokens, c["similarity"])
        # the plain brand name (brightmart.com) may well be a real site we were not told about:
        # only suspicious with a throwaway ending or bait
        plain = re.sub(r"[^a-z0-9]", "", label) in tokens
        if why and (not plain or tld in c["risky_tlds"] or bait):
            link_reasons.append(f"the web address {_defang(bare)} pretends to be {org_name}'s "
                                f"but is not its real website")
            continue
        if tld in c["risky_tlds"] and bait:
            link_reasons.append(f"a link to a throwaway-style web address ({_defang(bare)}) "
                                f"with bait ('{bait.group(0)}')")
            continue
        if lure and not official:
            link_reasons.append(f"a link with bait ('{lure.group(0)}') to {_defang(bare)}")
    if link_reasons:
        risks.append(("scam or phishing link", "; ".join(dict.fromkeys(link_reasons))))

    # the account is its handle (author_id), compared as everywhere (smlib.privacy.handle_key:
    # "NorthwayRail ", "＠ＮｏｒｔｈｗａｙＲａｉｌ" are @NorthwayRail): the real account is never a fake,
    # whatever its display name. A display name is free text, so it is let off only when written
    # as a real handle or name is: one in full-width letters that only folds to the brand's is
    # how an impostor writes it, and is checked.
    real_account = bool(author[1]) and handle_key(author[1]) in handles
    if not is_org and not real_account:
        for value in dict.fromkeys(v for v in author if v):
            if str(value).strip().lstrip("@").lower() in handles:
                continue
            why = _is_brand_like(value, tokens, c["impostor"], c["similarity"])
            if why:
                risks.append(("fake account", f"looks like a fake {org_name} account: the name "
                                              f"'{value}' {why}, but it is not one of "
                                              f"{org_name}'s real accounts"))
                break

    m = c["secret"].search(text)
    if m and not _NEGATION.search(text[:m.start()]):
        risks.append(("asks for passwords or card details",
                      f"asks people to hand over secret details ('{m.group(0).strip()}'): "
                      f"real organisations never ask for these"))

    ext = next((link for _h, link in links if c["ext"].search(link.split("?")[0])), None)
    mw = c["malware"].search(text) if c["malware"] else None
    if ext:
        risks.append(("malware lure", f"a link to a file that installs software "
                                      f"({make_inert(ext, c['risky_tlds'])}): it could be malware"))
    elif mw:
        risks.append(("malware lure", f"tells people to install or download something "
                                      f"('{mw.group(0)}'): it could be malware"))
    return risks


def _check_frame(frame: Any) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise DataError(f"find_security_risks needs an interactions DataFrame or Dataset, got "
                        f"{type(frame).__name__}")
    if "text" not in frame.columns:
        raise DataError(f"find_security_risks needs a 'text' column; columns found: "
                        f"{list(map(str, frame.columns))}", field="text")


def _risks_by_row(frame: pd.DataFrame, profile: Profile | None, rules: dict | None,
                  c: dict[str, Any]) -> pd.Series:
    """For each row (same index): a list of (risk type, reason); empty when none."""
    handles, tokens, domains, org_name = _official(frame, profile)
    is_org = org_flags(frame["author_is_org"]) if "author_is_org" in frame else pd.Series(False, index=frame.index)
    ids = frame["author_id"] if "author_id" in frame else pd.Series(None, index=frame.index)
    names = frame["author_name"] if "author_name" in frame else pd.Series(None, index=frame.index)
    out = []
    for idx, text in frame["text"].items():
        aid, aname = ids.get(idx), names.get(idx)
        author = (str(aname) if isinstance(aname, str) else "", str(aid) if isinstance(aid, str) else "")
        out.append(_message_risks(text, author, bool(is_org.get(idx)), handles, tokens, domains,
                                  org_name, c))
    return pd.Series(out, index=frame.index, dtype=object)


def _shown_text(frame: pd.DataFrame, found: pd.Series, is_org: pd.Series,
                profile: Profile | None) -> dict[int, tuple[Any, list[str]]]:
    """The text and the reasons of each risky row (by position) as learners may see them:
    customers' handles, names, e-mail addresses and phone numbers pseudonymised or hidden
    (:func:`smlib.privacy.pseudonymise`); a reason quoting the message ("asks people to hand
    over secret details ('DM @jane_doe your PIN')") is shown as the text is. A fake account's own
    text keeps its contact details (they are what gets reported), like the organisation's."""
    positions = [i for i, risks in enumerate(found.to_numpy()) if risks]
    if not positions:
        return {}
    cols = [c for c in ("author_id", "author_name", "text") if c in frame.columns]
    sub = frame.iloc[positions][cols].copy()
    sub["reasons"] = [[r for _, r in found.iloc[i]] for i in positions]
    fake = [any(t == "fake account" for t, _ in found.iloc[i]) for i in positions]
    sub["author_is_org"] = is_org.iloc[positions].to_numpy(dtype=bool) | pd.Series(fake).to_numpy(dtype=bool)
    keep = tuple(profile.handles.values()) if profile is not None and profile.handles else ()
    if "author_id" in frame.columns:
        keep += tuple(str(v) for v in frame.loc[is_org.to_numpy(dtype=bool), "author_id"].dropna().unique())
    done = pseudonymise(sub, keep=keep, people=frame, org_details="all")
    shown, reasons = done["text"].to_numpy(dtype=object), list(done["reasons"])
    # the organisation's own flagged posts still hide a customer's mobile or personal e-mail;
    # only a fake account keeps its details (they are what gets reported)
    from .privacy import hide_personal_details
    own = is_org.iloc[positions].to_numpy(dtype=bool) & ~np.array(fake, dtype=bool)
    shown = [hide_personal_details(t) if o else t for t, o in zip(shown, own)]
    reasons = [[hide_personal_details(r) for r in rs] if o else list(rs) for rs, o in zip(reasons, own)]
    return dict(zip(positions, zip(shown, reasons)))


def find_security_risks(frame: pd.DataFrame | Dataset, profile: Profile | None = None,
                        rules: dict | None = None) -> pd.DataFrame:
    """One row per message that carries a security risk, with the reason in plain words.

    ``frame`` is an interactions table (or a :class:`Dataset`, whose profile is then used).
    Columns: ``org, platform, message_id, created_at, author`` (the account as shown: a fake
    account by its handle, what a report to the platform needs; the organisation by its name;
    customers pseudonymised),
    ``risk_types`` (list), ``reasons`` (list), ``reason`` (one sentence), ``text_inert`` (links
    defanged; customers' handles, names, e-mail addresses and phone numbers pseudonymised or
    hidden as in :func:`smlib.privacy.pseudonymise`, and so in the reasons, which may quote the
    message), ``action``. The organisation's own posts
    are checked for links too.
    """
    if isinstance(frame, Dataset):
        profile = profile or frame.profile
        frame = frame.interactions
    _check_frame(frame)
    if not frame.index.is_unique:   # two tables glued without ignore_index: rows are looked up by label
        frame = frame.reset_index(drop=True)
    c = _security_rules(rules)
    found = _risks_by_row(frame, profile, rules, c)
    is_org = org_flags(frame["author_is_org"]) if "author_is_org" in frame else pd.Series(False, index=frame.index)
    shown_text = _shown_text(frame, found, is_org, profile)
    rows = []
    for pos, (idx, risks) in enumerate(found.items()):
        if not risks:
            continue
        row = frame.loc[idx]
        aid, aname = row.get("author_id"), row.get("author_name")
        author = (str(aname) if isinstance(aname, str) else "", str(aid) if isinstance(aid, str) else "")
        fake = any(t == "fake account" for t, _ in risks)
        # a fake account is shown by its handle (what the platform needs in a report; its display
        # name may be a real person's, "Sarah Jones" on @brightmart_fan); the organisation by name
        shown = ((author[1] or author[0]) if fake else (author[0] or author[1]) if bool(is_org.get(idx))
                 else pseudonym(author[1] or author[0]))
        types = list(dict.fromkeys(t for t, _ in risks))
        text_shown, reasons = shown_text[pos]
        rows.append({
            "org": row.get("org"), "platform": row.get("platform"), "message_id": row.get("message_id"),
            "created_at": row.get("created_at"), "author": shown, "risk_types": types,
            "reasons": reasons, "reason": "; ".join(reasons),
            "text_inert": make_inert(text_shown, c["risky_tlds"]),
            "action": ("Report it to the platform and to your manager; warn customers not to "
                       "click; never click the link yourself."),
        })
    cols = ["org", "platform", "message_id", "created_at", "author", "risk_types", "reasons",
            "reason", "text_inert", "action"]
    out = pd.DataFrame(rows, columns=cols)
    if len(out) and out["created_at"].notna().any():
        out = out.sort_values(["created_at", "message_id"], kind="stable").reset_index(drop=True)
    return out


def security_flags(frame: pd.DataFrame, profile: Profile | None = None,
                   rules: dict | None = None) -> pd.Series:
    """For each row of ``frame`` (same index): the list of risk reasons (empty list when none)."""
    _check_frame(frame)
    found = _risks_by_row(frame, profile, rules, _security_rules(rules))
    return found.map(lambda rs: [r for _, r in rs])
