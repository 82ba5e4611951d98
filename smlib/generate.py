"""The sample-data generator: realistic, seeded, deterministic social-media activity.

Each organisation in ``data/organisations/*.toml`` has a ``[sample]`` section (volume, platform
mix, followers, what customers write about, which events happen). From it the generator builds
four weeks (2026-10-05 to 2026-11-01, UTC) of:

* business posts with reach and engagement, customer comments under them, mentions, reviews
  and private messages, other customers joining in, and customer follow-ups;
* the business's replies, timed like real brand support teams (median first reply about 12
  minutes, 90% within about 6 hours, about 1 in 8 messages never answered; measured on the
  real Customer Support on Twitter data), slower outside the organisation's business hours;
* planted events a monitor must catch: an urgent safety report, a customer in distress, a scam
  comment impersonating the brand, an influential account's complaint, a repeat complainer,
  plus a crisis spike (``crisis``) or a product-recall burst (``recall``) where configured;
* audience insights per platform and day (followers, age bands, countries, UK regions, gender).

Messages are composed from pools of openings, details and closings with slots and a personal
style (typos, text-speak, emoji, hashtags, sarcasm), so most texts are distinct.

The ground truth (intent and event of every message) is kept apart in ``truth`` frames and
``truth.csv`` files: analyses never read it; it exists to measure classifiers on the sample.

Everything is vectorised with numpy except composing the text, so a million rows take well
under a minute. The same seed always gives identical frames; each organisation has its own
random stream, so generating one organisation alone gives the same rows as generating all.

Example
-------
>>> import smlib
>>> ds = smlib.generate_sample(3000, seed=7, orgs=["bean-and-leaf"])   # doctest: +SKIP
>>> ds.interactions["kind"].value_counts()                               # doctest: +SKIP
"""
from __future__ import annotations

import random
import re
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import pandas as pd

from . import _sample_text as T
from .errors import DataError
from .paths import data_dir
from .schema import (AGE_BANDS, Dataset, Profile, conform_interactions, new_load_summary,
                     validate_audience, validate_interactions)

DEFAULT_SEED = 2026
START = pd.Timestamp("2026-10-05", tz="UTC")  # a Monday
DAYS = 28
PERIOD_MINUTES = DAYS * 24 * 60
SOCIAL = ("x", "facebook", "instagram", "linkedin", "tiktok", "youtube")
"""Platforms that report audience insights (reviews sites and blogs do not)."""
NAME_PLATFORMS = ("facebook", "linkedin", "youtube", "blog", "reviews")
"""Platforms where people appear under their name rather than an @handle."""

# business posts per day on each platform (bundled size)
POST_RATE = {"x": 2.4, "facebook": 1.1, "instagram": 0.9, "linkedin": 0.3, "tiktok": 0.5,
             "youtube": 0.15, "blog": 0.25, "reviews": 0.0}
# what a customer message is, by platform: kind -> share
KIND_MIX = {
    "x": {"mention": 0.55, "comment": 0.3, "message": 0.15},
    "facebook": {"comment": 0.72, "message": 0.28},
    "instagram": {"comment": 0.65, "mention": 0.15, "message": 0.2},
    "linkedin": {"comment": 0.8, "mention": 0.2},
    "tiktok": {"comment": 0.85, "mention": 0.15},
    "youtube": {"comment": 1.0},
    "blog": {"comment": 1.0},
    "reviews": {"review": 1.0},
}
INTENTS = ("complaint", "question", "praise", "suggestion", "chat", "spam")
# chance the organisation answers, by intent (before platform and event adjustments)
ANSWER_P = {"complaint": 0.95, "question": 0.96, "praise": 0.86, "suggestion": 0.88, "chat": 0.7,
            "spam": 0.0, "scam": 0.5, "safety": 0.99, "distress": 0.99, "concern": 0.9}
PLATFORM_ANSWER = {"x": 1.0, "facebook": 0.92, "instagram": 0.88, "linkedin": 0.85, "tiktok": 0.7,
                   "youtube": 0.6, "blog": 0.8, "reviews": 0.75}
# posting hours (local), weights by hour
POST_HOURS = np.array([0, 0, 0, 0, 0, 0, 0.2, 0.6, 1.2, 1.4, 1.2, 1.0, 1.3, 1.0, 0.9, 0.9, 1.0,
                       1.1, 0.9, 0.8, 0.6, 0.3, 0.1, 0])
# customer activity by local hour: busier evenings, with sector shapes
HOURS = {
    "default": ([0.3, 0.15, 0.08, 0.05, 0.05, 0.1, 0.3, 0.7, 1.0, 1.0, 1.0, 1.05, 1.3, 1.2, 1.0,
                 1.0, 1.1, 1.3, 1.5, 1.8, 1.9, 1.8, 1.3, 0.7], None),
    "rail": ([0.2, 0.1, 0.05, 0.03, 0.05, 0.4, 1.3, 2.4, 2.1, 1.1, 0.7, 0.7, 0.8, 0.8, 0.8, 1.0,
              1.5, 2.2, 2.0, 1.4, 1.1, 1.0, 0.7, 0.4],
             [0.3, 0.15, 0.05, 0.03, 0.03, 0.1, 0.3, 0.5, 0.8, 1.1, 1.3, 1.4, 1.4, 1.3, 1.3, 1.3,
              1.3, 1.4, 1.4, 1.4, 1.3, 1.2, 0.9, 0.5]),
    "cafe": ([0.2, 0.1, 0.05, 0.03, 0.03, 0.1, 0.4, 1.2, 1.6, 1.4, 1.2, 1.3, 1.7, 1.5, 1.1, 1.0,
              1.0, 1.1, 1.3, 1.5, 1.6, 1.4, 1.0, 0.5],
             [0.3, 0.15, 0.05, 0.03, 0.03, 0.05, 0.2, 0.6, 1.3, 1.9, 2.1, 2.0, 1.8, 1.5, 1.2, 1.0,
              1.0, 1.0, 1.2, 1.4, 1.5, 1.3, 1.0, 0.5]),
}
# audience: age-band shares by platform (13-17 … 65+), country shares, gender shares
AGE_SHARE = {
    "tiktok": [0.12, 0.34, 0.27, 0.14, 0.08, 0.04, 0.01],
    "instagram": [0.05, 0.27, 0.31, 0.19, 0.10, 0.05, 0.03],
    "x": [0.02, 0.20, 0.30, 0.22, 0.14, 0.08, 0.04],
    "facebook": [0.01, 0.08, 0.20, 0.22, 0.20, 0.16, 0.13],
    "youtube": [0.06, 0.20, 0.24, 0.19, 0.14, 0.10, 0.07],
    "linkedin": [0.0, 0.12, 0.35, 0.25, 0.16, 0.09, 0.03],
}
AGE_TILT = {"charity": [0.6, 0.8, 0.9, 1.0, 1.2, 1.4, 1.5], "council": [0.4, 0.7, 0.9, 1.1, 1.2, 1.3, 1.4],
            "cafe": [1.1, 1.4, 1.3, 1.0, 0.8, 0.6, 0.5], "rail": [0.8, 1.2, 1.2, 1.1, 1.0, 0.8, 0.6]}
COUNTRIES = {"GB": 0.0, "IE": 0.018, "US": 0.016, "PL": 0.008, "IN": 0.007, "FR": 0.006,
             "DE": 0.005, "ES": 0.005, "AU": 0.004, "PK": 0.004}
"""Share of followers abroad (GB takes what the profile's ``abroad`` leaves)."""
UK_REGIONS = ("North East", "North West", "Yorkshire and the Humber", "East Midlands",
              "West Midlands", "East of England", "London", "South East", "South West", "Wales",
              "Scotland", "Northern Ireland")
REGION_WEIGHTS = {  # by text pool, same order as UK_REGIONS
    "rail": [10, 20, 42, 5, 3, 2, 6, 4, 2, 1, 4, 1],
    "retail": [8, 26, 18, 10, 10, 5, 7, 6, 4, 3, 2, 1],
    "cafe": [3, 36, 6, 19, 16, 3, 6, 5, 2, 2, 1, 1],
    "leisure": [2, 6, 8, 12, 56, 3, 5, 3, 2, 1, 1, 1],
    "charity": [4, 58, 9, 3, 3, 2, 8, 5, 3, 2, 2, 1],
    "council": [2, 74, 6, 2, 2, 1, 5, 3, 2, 1, 1, 1],
    "groomer": [2, 8, 70, 4, 3, 2, 4, 3, 2, 1, 0.5, 0.5],
    "cinema": [2, 60, 10, 3, 3, 2, 8, 5, 3, 2, 1, 1],
}
ABROAD = {"rail": 0.05, "council": 0.03, "retail": 0.08, "cafe": 0.09, "leisure": 0.05,
          "charity": 0.12, "groomer": 0.03, "cinema": 0.06}


# --------------------------------------------------------------------------------------------
# profiles

def _profile_dir() -> Path:
    return data_dir() / "organisations"


def _all_profiles() -> dict[str, Profile]:
    folder = _profile_dir()
    if not folder.is_dir():
        raise DataError("organisation profiles folder not found", source=str(folder))
    return {p.slug: p for p in (Profile.from_toml(f) for f in sorted(folder.glob("*.toml")))}


def _sample_config(p: Profile) -> dict[str, Any]:
    """The profile's ``[sample]`` section, checked, with defaults."""
    src = f"profile {p.slug}"
    cfg = dict(p.extra.get("sample") or {})
    if not cfg:
        raise DataError("profile has no [sample] section, so no sample can be generated", source=src,
                        field="sample")
    text = str(cfg.get("text", ""))
    if text not in T.SECTORS:
        raise DataError(f"sample.text must be one of {sorted(T.SECTORS)}, got {text!r}", source=src,
                        field="sample.text")
    share = {str(k): float(v) for k, v in dict(cfg.get("platform_share") or {}).items()}
    unknown = sorted(set(share) - set(p.handles))
    if not share or unknown:
        raise DataError(f"sample.platform_share must name platforms from [handles] {p.platforms}; "
                        f"unknown: {unknown}", source=src, field="sample.platform_share")
    followers = {str(k): int(v) for k, v in dict(cfg.get("followers") or {}).items()}
    mix = {k: float(dict(cfg.get("intent_mix") or {}).get(k, 0.0)) for k in INTENTS}
    if sum(mix.values()) <= 0:
        raise DataError(f"sample.intent_mix needs positive shares for {list(INTENTS)}", source=src,
                        field="sample.intent_mix")
    events = [str(e) for e in cfg.get("events", [])]
    for e in events:
        if e not in ("crisis", "recall"):
            raise DataError(f"sample.events may contain 'crisis' or 'recall', got {e!r}", source=src,
                            field="sample.events")
        day = cfg.get(f"{e}_day")
        try:
            d = pd.Timestamp(str(day), tz="UTC")
        except (ValueError, TypeError):
            raise DataError(f"sample.{e}_day must be a date like '2026-10-27', got {day!r}",
                            source=src, field=f"sample.{e}_day") from None
        if not START <= d < START + pd.Timedelta(days=DAYS - 4):
            raise DataError(f"sample.{e}_day must fall in the sample period {START.date()} + {DAYS - 4} "
                            f"days, got {day}", source=src, field=f"sample.{e}_day")
    return {"text": text, "interactions": int(cfg.get("interactions", 2000)),
            "weekend_factor": float(cfg.get("weekend_factor", 1.0)),
            "reply_speed": float(cfg.get("reply_speed", 1.0)), "events": events,
            "after_hours": float(cfg.get("after_hours_replies", 0.35)),
            "crisis_day": cfg.get("crisis_day"), "recall_day": cfg.get("recall_day"),
            "platform_share": share, "followers": followers, "intent_mix": mix}


def _org_code(slug: str) -> int:
    """A number from the slug that keeps message ids of different organisations apart."""
    return zlib.crc32(slug.encode()) % 1021


# --------------------------------------------------------------------------------------------
# time helpers: times are float minutes since START (UTC)

class _Clock:
    """Local-time and business-hours arithmetic on a minute grid covering the period."""

    def __init__(self, profile: Profile):
        self.tz = profile.timezone
        n = PERIOD_MINUTES + 10 * 24 * 60
        utc = START + pd.to_timedelta(np.arange(n), unit="min")
        local = utc.tz_convert(self.tz)
        self.offset = ((local.tz_localize(None) - utc.tz_localize(None)) / pd.Timedelta(minutes=1)
                       ).to_numpy()
        dow = local.day_of_week.to_numpy()
        mod = (local.hour * 60 + local.minute).to_numpy()
        hours = profile.opening_hours()
        opens = np.array([hours[d][0] if hours[d] else 0 for d in ("mon", "tue", "wed", "thu", "fri",
                                                                   "sat", "sun")])
        closes = np.array([hours[d][1] if hours[d] else 0 for d in ("mon", "tue", "wed", "thu", "fri",
                                                                    "sat", "sun")])
        self.open = (mod >= opens[dow]) & (mod < closes[dow])
        self.cum = np.concatenate([[0], np.cumsum(self.open)])  # open minutes before minute i
        self.n = n

    def from_local(self, day: np.ndarray, minute_of_day: np.ndarray) -> np.ndarray:
        """UTC minutes for local (day index, minute of day) pairs."""
        approx = day * 1440.0 + minute_of_day
        idx = np.clip(approx.astype(int), 0, self.n - 1)
        return approx - self.offset[idx]

    def local_dow_hour(self, t: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        idx = np.clip(t.astype(int), 0, self.n - 1)
        local = t + self.offset[idx]
        day = np.floor(local / 1440)
        return ((day.astype(int)) % 7), ((local - day * 1440) // 60).astype(int)

    def is_open(self, t: np.ndarray) -> np.ndarray:
        return self.open[np.clip(t.astype(int), 0, self.n - 1)]

    def add_business(self, t: np.ndarray, minutes: np.ndarray) -> np.ndarray:
        """The moment ``minutes`` open minutes after ``t`` (wall clock if already open)."""
        idx = np.clip(t.astype(int), 0, self.n - 1)
        frac = np.where(self.open[idx], t - idx, 0.0)
        target = self.cum[idx] + frac + minutes
        j = np.searchsorted(self.cum, np.floor(target), side="right") - 1
        j = np.clip(j, 0, self.n - 1)
        out = j + (target - np.floor(target))
        return np.maximum(out, t)


# --------------------------------------------------------------------------------------------
# the builder: rows are collected as column lists and turned into a frame at the end

@dataclass
class _Rows:
    platform: list
    kind: list
    t: list
    author: list          # index into the author table (-1 = the organisation)
    parent: list          # row index of the parent (-1 = none)
    thread: list          # row index of the thread's first message
    intent: list
    event: list
    sarcastic: list
    text: list            # None = compose later

    @classmethod
    def empty(cls) -> "_Rows":
        return cls(*[[] for _ in range(10)])

    def add(self, platform, kind, t, author, parent, thread, intent, event, sarcastic=None,
            text=None) -> np.ndarray:
        n = len(t)
        start = len(self.t)
        idx = np.arange(start, start + n)
        rep = lambda v: list(v) if isinstance(v, (list, np.ndarray, tuple)) else [v] * n  # noqa: E731
        self.platform += rep(platform)
        self.kind += rep(kind)
        self.t += list(np.asarray(t, dtype=float))
        self.author += rep(author)
        self.parent += rep(parent)
        thr = rep(thread)
        self.thread += [idx[i] if thr[i] is None or thr[i] < 0 else thr[i] for i in range(n)]
        self.intent += rep(intent)
        self.event += rep(event)
        self.sarcastic += rep(sarcastic if sarcastic is not None else False)
        self.text += rep(text)
        return idx


class _Authors:
    """Invented people: names, handles, followers and (on X) free-text locations."""

    def __init__(self, rng: np.random.Generator, r: random.Random, n: int):
        fam = {f for f in T.FAMOUS}
        first = rng.integers(0, len(T.FIRST_NAMES), n)
        sur = rng.integers(0, len(T.SURNAMES), n)
        names = []
        for i in range(n):
            a, b = T.FIRST_NAMES[first[i]], T.SURNAMES[sur[i]]
            while f"{a} {b}".lower() in fam:
                b = T.SURNAMES[(T.SURNAMES.index(b) + 1) % len(T.SURNAMES)]
            names.append((a, b))
        self.first = [a for a, _ in names]
        self.name = [f"{a} {b}" for a, b in names]
        handles, seen = [], set()
        for a, b in names:
            pat = r.randrange(8)
            yy = r.randrange(70, 100) if r.random() < 0.5 else r.randrange(0, 12)
            h = [f"{a}{b[0]}{yy:02d}", f"{a.lower()}_{b.lower()}", f"{a.lower()}.{b.lower()}{yy:02d}",
                 f"{a}{b}", f"{a.lower()}{r.choice(T.HANDLE_WORDS)}", f"its{a.lower()}{b[0].lower()}",
                 f"{b.lower()}{a[0].lower()}{r.randrange(1, 999)}", f"{a[0].lower()}{b.lower()}_"][pat]
            while h.lower() in seen:
                h += str(r.randrange(10))
            seen.add(h.lower())
            handles.append("@" + h)
        self.handle = handles
        self.followers = np.minimum(np.round(rng.lognormal(np.log(160), 1.5, n)), 95000).astype(int)
        has_loc = rng.random(n) < 0.45
        loc = rng.integers(0, len(T.LOCATIONS), n)
        self.location = [T.LOCATIONS[loc[i]] if has_loc[i] else None for i in range(n)]
        self.n_plain = n   # ordinary customers; special ones (spam, scam, influencer) follow

    def add_special(self, name: str, handle: str, followers: int, first: str = "",
                    location: str | None = None) -> int:
        self.first.append(first or name.split()[0])
        self.name.append(name)
        self.handle.append(handle)
        self.followers = np.append(self.followers, followers)
        self.location.append(location)
        return len(self.name) - 1


def _choice(rng: np.random.Generator, options: Sequence, weights: Sequence[float], n: int) -> np.ndarray:
    w = np.asarray(weights, dtype=float)
    return np.asarray(options, dtype=object)[rng.choice(len(options), size=n, p=w / w.sum())]


def _lognormal(rng, median, sigma, n):
    return rng.lognormal(np.log(median), sigma, n)


# --------------------------------------------------------------------------------------------
# text composition

class _Writer:
    """Composes message texts for one organisation."""

    def __init__(self, profile: Profile, sector: str, r: random.Random):
        self.p, self.S, self.r = profile, T.SECTORS[sector], r
        self.sector = sector
        self.org = profile.name
        self.last_answer: str | None = None
        self.last_slots: _Slots | None = None

    def fill(self, s: str, slots: "_Slots | None" = None, **extra) -> str:
        """Fill the ``{slots}`` of a pool line with random choices (only the slots it uses).

        Pass the same ``slots`` to two lines to make them talk about the same place or thing.
        """
        if "{" not in s:
            return s
        return s.format_map(slots if slots is not None else _Slots(self, extra))

    def style(self, text: str, intent: str, platform: str, sarcastic: bool) -> str:
        r = self.r
        if r.random() < 0.2:
            for k, v in T.ABBREV.items():
                if r.random() < 0.6:
                    text = text.replace(f" {k} ", f" {v} ")
        if r.random() < 0.09:
            words = text.split(" ")
            cand = [i for i, w in enumerate(words) if len(w) > 4 and w.isalpha()]
            if cand:
                i = r.choice(cand)
                w = words[i]
                j = r.randrange(1, len(w) - 1)
                words[i] = r.choice([w[:j] + w[j + 1] + w[j] + w[j + 2:], w[:j] + w[j + 1:],
                                     w[:j] + w[j] + w[j:]])
                text = " ".join(words)
        if r.random() < 0.22:
            text = text.lower().rstrip(".")
        if intent == "complaint" and r.random() < 0.04:
            text = text.upper()
        emo = T.EMOJI.get("sarcasm" if sarcastic else intent)
        if emo and r.random() < (0.6 if sarcastic else 0.33):
            text += " " + r.choice(emo) * (2 if r.random() < 0.2 else 1)
        if platform in ("x", "instagram", "tiktok") and r.random() < 0.25:
            text += " " + " ".join(r.sample(self.S["hashtags"], 1 + (r.random() < 0.3)))
        return text

    def customer(self, intent: str, platform: str, kind: str, sarcastic: bool) -> str:
        r, S = self.r, self.S
        if intent == "spam":
            return self.fill(r.choice(T.SPAM))
        if sarcastic:
            body = self.fill(r.choice(S["sarcasm"]))
            text = body + r.choice([".", "", "!", "..."])
        else:
            self.last_answer = None
            qa = T.QA.get(self.sector)
            slots = _Slots(self, {})
            if intent == "question" and qa:
                q, a = r.choice(qa)
                detail = self.fill(q, slots)
                self.last_answer = self.fill(a, slots)
            else:
                detail = self.fill(r.choice(S[intent]), slots)
            self.last_slots = slots
            if kind == "review" and r.random() < 0.5:
                detail += ". " + _cap(self.fill(r.choice(S[intent])))
            op = self.fill(r.choice(T.OPEN[intent]))
            cl = self.fill(r.choice(T.CLOSE[intent]))
            if op and (op[-1] in ",:" or op[-1].isalpha()):
                body = f"{op} {detail}"
            elif op:
                body = f"{op} {_cap(detail)}"
            else:
                body = _cap(detail)
            if not body.endswith("?"):
                body += r.choice({"complaint": [".", ".", "!", "!!", "", "..."],
                                  "praise": ["!", ".", "", "!!"]}.get(intent, [".", "", "!"]))
            if cl and body[-1] not in ".!?":
                body += r.choice([".", "!", "."])
            text = f"{body} {cl}".strip() if cl else body
        text = self.style(text, intent, platform, sarcastic)
        if kind == "mention" and platform in ("x", "instagram", "tiktok"):
            handle = self.p.handles.get(platform, "")
            text = f"{handle} {text}" if r.random() < 0.7 else f"{text} {handle}"
        return text

    def reply(self, intent: str, first: str, answer: str | None = None,
              slots: "_Slots | None" = None) -> str:
        """The organisation's reply; ``answer`` is what the customer's question needs and
        ``slots`` the place/thing the customer talked about."""
        r, S = self.r, self.S
        key = intent if intent in T.REPLY else ("question" if intent == "concern" else "chat")
        base = r.choice(T.REPLY[key])
        if not first:
            base = base.replace(" {first}", "").replace("{first}, ", "").replace("{first}", "")
        txt = base.format(first=first, org=self.org, action=self.fill(r.choice(S["action"]), slots),
                          answer=answer or self.fill(r.choice(S["answer"])))
        return _sentences(txt) + r.choice(T.SIGNATURE)


def _sentences(s: str) -> str:
    """Capitalise the first letter after each full stop (pool pieces start in lower case)."""
    return re.sub(r"([.!?] )([a-z])", lambda m: m.group(1) + m.group(2).upper(), s)


class _Slots(dict):
    """Slot values made on demand, so filling a line costs only the slots it names."""

    def __init__(self, writer: "_Writer", extra: dict):
        super().__init__(extra)
        self.w = writer

    def __missing__(self, key: str) -> Any:
        r, slots = self.w.r, self.w.S["slots"]
        if key in slots:
            v = r.choice(slots[key])
        elif key == "org":
            v = self.w.org
        elif key == "n":
            v = r.randrange(2, 10)
        elif key == "time":
            v = f"{r.choice([6, 7, 7, 8, 8, 9, 12, 16, 17, 17, 18, 19, 21]):02d}:{r.randrange(0, 60):02d}"
        elif key == "first":
            v = r.choice(T.FIRST_NAMES)
        elif key == "month":
            v = r.choice(T.MONTHS)
        elif key == "short":
            v = self.w.S["short"]
        else:
            raise KeyError(key)
        self[key] = v
        return v


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


# --------------------------------------------------------------------------------------------
# one organisation

def _reply_delays(rng, clock: _Clock, t: np.ndarray, speed: float, urgent: np.ndarray,
                  swamped: np.ndarray, after_hours: float = 0.35) -> np.ndarray:
    """When the organisation replies to messages posted at ``t`` (minutes since START).

    Most replies come within minutes of the message while the team is on duty; a minority wait
    in a backlog for hours; outside business hours the clock stops until the team is back,
    except for the share ``after_hours`` picked up by someone checking in the evening or at the
    weekend. Urgent messages are fast; a swamped team (crisis) is slow.
    """
    n = len(t)
    slow = rng.random(n) < 0.12
    base = np.where(slow, _lognormal(rng, 150 * speed, 1.0, n), _lognormal(rng, 7 * speed, 0.95, n))
    base = np.where(urgent, _lognormal(rng, 5, 0.7, n), base)
    base = np.where(swamped & ~urgent, _lognormal(rng, 45 * speed, 1.1, n), base)
    out = clock.add_business(t, base)
    closed = ~clock.is_open(t)
    quick = closed & ((rng.random(n) < after_hours) | urgent)
    out = np.where(quick, t + _lognormal(rng, 30, 0.9, n), out)
    return out + rng.random(n) * 0.9


def _generate_org(profile: Profile, n_rows: int | None, seed: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    cfg = _sample_config(profile)
    code = _org_code(profile.slug)
    ss = np.random.SeedSequence([int(seed) & 0xFFFFFFFF, zlib.crc32(profile.slug.encode())])
    rng = np.random.default_rng(ss)
    r = random.Random(int(ss.generate_state(1)[0]))
    clock = _Clock(profile)
    S = T.SECTORS[cfg["text"]]
    W = _Writer(profile, cfg["text"], r)
    practice = bool(profile.extra.get("practice", False))
    target = int(n_rows if n_rows is not None else cfg["interactions"])
    scale = target / cfg["interactions"]
    rows = _Rows.empty()
    plats = list(cfg["platform_share"])
    pshare = np.array([cfg["platform_share"][p] for p in plats])
    pshare = pshare / pshare.sum()
    speed = cfg["reply_speed"]

    # ---- daily volume: weekday/weekend, a little day-to-day noise
    dow = (np.arange(DAYS) + START.day_of_week) % 7
    day_w = np.where(dow >= 5, cfg["weekend_factor"], 1.0) * rng.lognormal(0, 0.15, DAYS)
    wk, we = HOURS.get(cfg["text"], HOURS["default"])
    hw_week = np.asarray(wk, float)
    hw_end = np.asarray(we if we is not None else wk, float)

    def draw_times(n: int) -> np.ndarray:
        day = rng.choice(DAYS, size=n, p=day_w / day_w.sum())
        weekend = dow[day] >= 5
        hours = np.where(weekend, rng.choice(24, size=n, p=hw_end / hw_end.sum()),
                         rng.choice(24, size=n, p=hw_week / hw_week.sum()))
        t = clock.from_local(day.astype(float), hours * 60 + rng.random(n) * 60)
        return np.abs(t)   # local midnight on the first day is 23:00 UTC the day before

    # ---- business posts: fewer on days the team is off (scheduled posts only)
    open_days = np.array([profile.opening_hours()[d] is not None
                          for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")])
    post_day_w = np.where(open_days[dow], 1.0, 0.3) * np.where(dow >= 5, min(1.0, cfg["weekend_factor"]), 1.0)
    for p in cfg["platform_share"]:
        rate = POST_RATE.get(p, 0.5)
        if rate <= 0:
            continue
        k = max(3, int(rng.poisson(rate * DAYS * scale)))
        # spread over the period like a content calendar (stratified, not clumped)
        cum = np.cumsum(post_day_w) / post_day_w.sum()
        day = np.minimum(np.searchsorted(cum, (np.arange(k) + rng.random(k)) / k), DAYS - 1)
        hour = rng.choice(24, size=k, p=POST_HOURS / POST_HOURS.sum())
        t = clock.from_local(day.astype(float), hour * 60 + rng.random(k) * 60)
        rows.add(p, "post", t, -1, -1, None, "business_post", "none")

    # ---- events that add business posts first (so comments can attach to them)
    crisis_t0 = recall_t0 = None
    if "crisis" in cfg["events"]:
        d = (pd.Timestamp(str(cfg["crisis_day"]), tz="UTC") - START).days
        crisis_t0 = float(clock.from_local(np.array([float(d)]), np.array([6 * 60 + 35.0]))[0])
        for p in [q for q in ("x", "facebook") if q in cfg["platform_share"]]:
            offs = np.array([8, 70, 190, 420]) + rng.random(4) * 10
            for j, o in enumerate(offs):
                rows.add(p, "post", [crisis_t0 + o], -1, -1, None, "business_post", "crisis",
                         text=[W.fill(S["crisis"]["posts"][j])])
    if "recall" in cfg["events"]:
        d = (pd.Timestamp(str(cfg["recall_day"]), tz="UTC") - START).days
        recall_t0 = float(clock.from_local(np.array([float(d)]), np.array([10 * 60 + 2.0]))[0])
        for p in [q for q in SOCIAL if q in cfg["platform_share"]]:
            rows.add(p, "post", [recall_t0 + rng.random() * 15], -1, -1, None, "business_post", "recall",
                     text=[S["recall"]["posts"][0]])
            for j, dd in ((1, 1440 + 200), (2, 3 * 1440 + 120)):
                if p in ("x", "facebook"):
                    rows.add(p, "post", [recall_t0 + dd + rng.random() * 60], -1, -1, None,
                             "business_post", "recall", text=[S["recall"]["posts"][j]])

    posts_idx = np.arange(len(rows.t))
    post_plat = np.array(rows.platform, dtype=object)
    post_t = np.array(rows.t)

    # reach: views of each post, from the platform's followers
    # ---- how many ordinary customer messages: each brings about one more row (replies etc.)
    n_posts = len(rows.t)
    n_cust = max(60, int((target - n_posts) / 2.0 / (1.0 + 0.2 * ("crisis" in cfg["events"])
                                                        + 0.12 * ("recall" in cfg["events"]))))
    authors = _Authors(rng, r, max(40, int(n_cust * 0.8)))
    n_auth = len(authors.name)

    plat = _choice(rng, plats, pshare, n_cust)
    kind = np.empty(n_cust, dtype=object)
    for p in plats:
        m = plat == p
        mix = KIND_MIX.get(p, {"comment": 1.0})
        kind[m] = _choice(rng, list(mix), list(mix.values()), int(m.sum()))
    mix = cfg["intent_mix"]
    intent = _choice(rng, list(mix), list(mix.values()), n_cust)
    # reviews rarely chat, DMs rarely spam
    is_rev = kind == "review"
    intent[is_rev] = _choice(rng, ["praise", "complaint", "suggestion", "question"],
                             [mix["praise"] + 0.15, mix["complaint"] + 0.12, 0.08, 0.03],
                             int(is_rev.sum()))
    dm = kind == "message"
    intent[dm & (intent == "spam")] = "question"
    # private messages are mostly problems and questions
    intent[dm & np.isin(intent, ["chat", "praise"]) & (rng.random(len(intent)) < 0.6)] = "question"
    # spam bots mostly comment under the brand's posts rather than mention it
    kind[(intent == "spam") & (kind == "mention") & (rng.random(len(kind)) < 0.7)] = "comment"
    sarcastic = (intent == "complaint") & (rng.random(n_cust) < 0.13)

    # times: comments follow their post; others follow the daily/hourly pattern
    t = draw_times(n_cust)
    parent = np.full(n_cust, -1)
    is_com = kind == "comment"
    for p in plats:
        m = is_com & (plat == p)
        cand = posts_idx[(post_plat == p) & (post_t < PERIOD_MINUTES - 30)]
        if not m.any():
            continue
        if len(cand) == 0:
            kind[m] = "mention"
            continue
        weights = np.ones(len(cand))
        pick = cand[rng.choice(len(cand), size=int(m.sum()), p=weights / weights.sum())]
        parent[m] = pick
        # a comment arrives a while after the post; evenings pull a little later
        # a comment arrives a while after the post: some soon, many when people scroll in
        # the evening (that day or the next), following the customers' daily rhythm
        k = int(m.sum())
        soon = post_t[pick] + _lognormal(rng, 45, 1.2, k)
        pday = np.floor((post_t[pick] + clock.offset[np.clip(post_t[pick].astype(int), 0, clock.n - 1)])
                        / 1440) + (rng.random(k) < 0.3)
        weekend = dow[np.clip(pday.astype(int), 0, DAYS - 1)] >= 5
        hrs = np.where(weekend, rng.choice(24, size=k, p=hw_end / hw_end.sum()),
                       rng.choice(24, size=k, p=hw_week / hw_week.sum()))
        later = clock.from_local(pday, hrs * 60 + rng.random(k) * 60)
        use_later = (rng.random(k) < 0.6) & (later > post_t[pick] + 5)
        t[m] = np.where(use_later, later, soon)
    keep = t < PERIOD_MINUTES
    plat, kind, intent, sarcastic, t, parent = (a[keep] for a in (plat, kind, intent, sarcastic, t, parent))
    n_cust = len(t)

    # authors: a few regulars post often, most people once or twice
    author = np.minimum((n_auth * rng.random(n_cust) ** 1.8).astype(int), n_auth - 1)
    spam_auth = [authors.add_special(nm, h, int(rng.lognormal(np.log(900), 1.0)))
                 for nm, h in zip(T.SPAM_NAMES, T.SPAM_HANDLES)]
    spam = intent == "spam"
    author[spam] = rng.choice(spam_auth, size=int(spam.sum()))

    cust_idx = rows.add(list(plat), list(kind), t, list(author), list(parent),
                        [(pp if pp >= 0 else -1) for pp in parent], list(intent), "none",
                        list(sarcastic))
    # comments belong to the post's thread
    for i, pp in zip(cust_idx, parent):
        if pp >= 0:
            rows.thread[i] = rows.thread[pp]

    # ---- planted events
    def pick_platform(prefs):
        for p in prefs:
            if p in cfg["platform_share"]:
                return p
        return plats[0]

    def add_event(intent_, text, platform, kind_, t_, author_, event, parent_=-1):
        thread = rows.thread[parent_] if parent_ >= 0 else -1
        return rows.add(platform, kind_, [t_], author_, parent_, thread, intent_, event, False,
                        text=[text])[0]

    def random_time(lo_day=0, hi_day=DAYS):
        d = rng.integers(lo_day, hi_day)
        h = rng.choice(24, p=hw_week / hw_week.sum())
        return abs(float(clock.from_local(np.array([float(d)]), np.array([h * 60 + rng.random() * 60]))[0]))

    def posts_on(p):
        return posts_idx[(post_plat == p) & (post_t < PERIOD_MINUTES - 200)]

    n_rep = 1 if practice else 2
    for j, txt in enumerate(r.sample(S["safety"], min(n_rep, len(S["safety"])))):
        p = pick_platform(["x", "facebook", "instagram"][j:] + ["facebook"])
        a = int(rng.integers(0, n_auth))
        add_event("safety", W.style(W.fill(txt), "safety", p, False), p,
                  "mention" if p in ("x", "instagram") else "message", random_time(3, DAYS - 1), a, "safety")
    for j, txt in enumerate(r.sample(S["distress"], min(n_rep, len(S["distress"])))):
        p = pick_platform(["x", "facebook"][j:] + ["instagram", "facebook"])
        a = int(rng.integers(0, n_auth))
        add_event("distress", W.fill(txt), p, "mention" if p == "x" else "message",
                  random_time(2, DAYS - 1), a, "distress")
    # scam comments impersonating the brand, under the brand's own posts
    k = r.randrange(0, len(T.SCAM_NAMES))
    scam_a = authors.add_special(T.SCAM_NAMES[k].format(org=profile.name),
                                 T.SCAM_HANDLES[k].format(short=S["short"]), int(rng.integers(3, 80)))
    scam_texts = r.sample(T.SCAM_TEXT[1:], len(T.SCAM_TEXT) - 1)
    for j in range(1 if practice else 3):
        p = pick_platform([["x", "facebook", "instagram"], ["facebook", "x"], ["instagram", "facebook"]][j])
        # the first one replies to a customer's public complaint offering a "refund" (a
        # favourite phishing trick); the others comment under the brand's own posts
        victims = np.nonzero((plat == p) & (intent == "complaint") & (kind == "mention"))[0]
        if j == 0 and len(victims):
            v = int(cust_idx[int(rng.choice(victims))])
            txt = W.fill(T.SCAM_TEXT[0], short=S["short"].lower())
            add_event("scam", txt, p, "reply", rows.t[v] + float(_lognormal(rng, 25, 0.8, 1)[0]), scam_a,
                      "scam", v)
            continue
        cand = posts_on(p)
        if len(cand) == 0:
            continue
        pp = int(rng.choice(cand))
        txt = W.fill(scam_texts[j], short=S["short"].lower())
        add_event("scam", txt, p, "comment", post_t[pp] + float(_lognormal(rng, 40, 1.0, 1)[0]), scam_a,
                  "scam", pp)
    # an influential account's complaint, shared widely, with others piling on
    inf = S["influencer"]
    nk = int(rng.integers(2, 6))
    infl_a = authors.add_special(inf["name"], inf["handle"], nk * 100_000 + int(rng.integers(1000, 99_000)))
    p_inf = pick_platform(["x", "instagram", "tiktok", "facebook"])
    t_inf = random_time(8, DAYS - 3)
    infl_row = add_event("complaint", W.fill(inf["text"], n=nk), p_inf,
                         "mention" if p_inf != "facebook" else "comment", t_inf, infl_a, "influencer",
                         -1 if p_inf != "facebook" else int(rng.choice(posts_on("facebook"))))
    # a repeat complainer, same person over several days
    rep_a = int(rng.integers(0, n_auth))
    p_rep = pick_platform(["x", "facebook"])
    day0 = int(rng.integers(2, 9))
    rep_rows = []
    same = _Slots(W, {})   # the same train, item or street every time
    day = day0
    for j, txt in enumerate(S["repeat"]):
        day += int(rng.integers(2, 5)) if j else 0
        if day >= DAYS:
            break
        tt = float(clock.from_local(np.array([float(day)]), np.array([7 * 60 + 40 + rng.random() * 700]))[0])
        rep_rows.append(add_event("complaint", W.fill(txt, same), p_rep,
                                  "mention" if p_rep == "x" else "message", tt, rep_a, "repeat"))
    if p_rep != "x":  # private messages: one conversation
        for i in rep_rows[1:]:
            rows.thread[i] = rep_rows[0]

    # crisis spike: a burst of angry posts and questions on one day
    if crisis_t0 is not None:
        k = int(0.2 * n_cust)
        tt = crisis_t0 + rng.gamma(1.6, 120, k)
        cp = _choice(rng, ["x", "facebook", "instagram"], [0.72, 0.22, 0.06], k)
        ci = _choice(rng, ["complaint", "question", "chat", "distress"], [0.62, 0.3, 0.06, 0.02], k)
        crisis_posts = {p: posts_idx[(post_plat == p) & (np.array(rows.event[:len(posts_idx)]) == "crisis")]
                        for p in ("x", "facebook")}
        for i in range(k):
            p = cp[i] if cp[i] in cfg["platform_share"] else "x"
            it = ci[i]
            if it == "complaint":
                sarc = rng.random() < 0.15
                txt = W.style(W.fill(r.choice(S["sarcasm"] if sarc else S["crisis"]["complaint"])),
                              "complaint", p, sarc)
            elif it == "question":
                sarc = False
                txt = W.style(_cap(W.fill(r.choice(S["crisis"]["question"]))), "question", p, False)
            elif it == "chat":
                sarc = False
                txt = r.choice(["Thoughts with everyone stuck at {place} this morning",
                                "Working from home today then 😅", "Anyone want to share a taxi from {place}?",
                                "The station is rammed, never seen anything like it"])
                txt = W.style(W.fill(txt), "chat", p, False)
            else:
                sarc = False
                txt = W.fill(r.choice(S["distress"]))
            parent_ = -1
            kind_ = "mention" if p in ("x", "instagram") else "comment"
            if p == "facebook" or (p == "x" and rng.random() < 0.35):
                cands = [c for c in crisis_posts.get(p, []) if rows.t[c] <= tt[i]]
                if cands:
                    parent_ = int(cands[-1])
                    kind_ = "comment"
            if kind_ == "mention" and p == "x" and not txt.startswith("@"):
                txt = f"{profile.handles['x']} {txt}"
            if kind_ == "comment" and parent_ < 0:
                kind_ = "mention"
            rows.add(p, kind_, [tt[i]], int(rng.integers(0, n_auth)), parent_,
                     rows.thread[parent_] if parent_ >= 0 else -1, it, "crisis", sarc, text=[txt])

    # recall burst: questions and worried posts decaying over a few days
    if recall_t0 is not None:
        k = int(0.14 * n_cust)
        tt = recall_t0 + 20 + rng.exponential(1.2 * 1440, k)
        tt = tt[tt < PERIOD_MINUTES]
        rc = S["recall"]
        rposts = [i for i in posts_idx if rows.event[i] == "recall"]
        for ti in tt:
            it = _choice(rng, ["question", "concern", "complaint"], [0.6, 0.25, 0.15], 1)[0]
            pool = {"question": rc["question"], "concern": rc["worried"], "complaint": rc["complaint"]}[it]
            p = _choice(rng, ["facebook", "x", "instagram", "tiktok"], [0.45, 0.3, 0.17, 0.08], 1)[0]
            p = p if p in cfg["platform_share"] else "facebook"
            u = rng.random()
            if u < 0.6:
                cands = [c for c in rposts if rows.platform[c] == p and rows.t[c] <= ti]
                parent_ = cands[-1] if cands else -1
            else:
                parent_ = -1
            kind_ = "comment" if parent_ >= 0 else ("message" if u > 0.85 else "mention")
            if kind_ == "mention" and p == "facebook":
                kind_ = "message"
            txt = W.style(_cap(W.fill(r.choice(pool))), "question" if it == "concern" else it, p, False)
            if kind_ == "mention" and p in ("x", "instagram", "tiktok"):
                txt = f"{profile.handles[p]} {txt}"
            rows.add(p, kind_, [ti], int(rng.integers(0, n_auth)), parent_,
                     rows.thread[parent_] if parent_ >= 0 else -1, it, "recall", False, text=[txt])

    # ---- the organisation's replies, customer follow-ups, people piling on
    n_now = len(rows.t)
    P = np.array(rows.platform, dtype=object)
    K = np.array(rows.kind, dtype=object)
    I = np.array(rows.intent, dtype=object)
    E = np.array(rows.event, dtype=object)
    TT = np.array(rows.t)
    cust = np.array([a >= 0 for a in rows.author]) & (K != "post")
    p_ans = np.array([ANSWER_P.get(i, 0.5) for i in I]) * np.array([PLATFORM_ANSWER.get(p, 0.8) for p in P])
    p_ans = np.where(K == "message", np.minimum(1.0, p_ans * 1.04), p_ans)
    p_ans = np.where(E == "crisis", p_ans * 0.75, p_ans)
    p_ans = np.where(E == "repeat", 0.5, p_ans)
    p_ans = np.where(E == "influencer", 1.0, p_ans)
    answered = cust & (rng.random(n_now) < p_ans)
    urgent = np.isin(I, ["safety", "distress"])
    swamped = E == "crisis"
    rt = _reply_delays(rng, clock, TT, speed, urgent, swamped, cfg["after_hours"])
    answered &= rt < PERIOD_MINUTES
    src = np.nonzero(answered)[0]
    org_kind = np.where(K[src] == "message", "message", "reply")
    rep_idx = rows.add(list(P[src]), list(org_kind), rt[src], -1, list(src),
                       [rows.thread[i] for i in src], "business_reply", list(E[src]))
    reply_of = dict(zip(rep_idx.tolist(), src.tolist()))

    # customer follow-ups after a reply (thanks / still waiting / DM sent), sometimes answered
    fu_p = np.isin(I[src], ["complaint", "question", "concern"]) & np.isin(P[src], ["x", "facebook", "instagram"])
    fu = fu_p & (rng.random(len(src)) < 0.3)
    fu_src = rep_idx[fu]
    fu_t = rt[src][fu] + _lognormal(rng, 20, 1.2, int(fu.sum()))
    ok = fu_t < PERIOD_MINUTES
    fu_src, fu_t = fu_src[ok], fu_t[ok]
    picks = [r.choice(T.FOLLOWUP) for _ in fu_src]
    fu_idx = rows.add([rows.platform[i] for i in fu_src],
                      ["message" if rows.kind[i] == "message" else "reply" for i in fu_src], fu_t,
                      [rows.author[reply_of[i]] for i in fu_src], list(fu_src),
                      [rows.thread[i] for i in fu_src], [p[0] for p in picks],
                      [rows.event[i] for i in fu_src], False,
                      text=[W.style(p[1], p[0], rows.platform[i], False) for p, i in zip(picks, fu_src)])
    fu_int = np.array([p[0] for p in picks], dtype=object)
    fu_ans = np.isin(fu_int, ["complaint", "question"]) & (rng.random(len(fu_idx)) < 0.6)
    fu_rt = _reply_delays(rng, clock, fu_t, speed * 1.5, np.zeros(len(fu_t), bool), np.zeros(len(fu_t), bool),
                          cfg["after_hours"])
    fu_ans &= fu_rt < PERIOD_MINUTES
    rows.add([rows.platform[i] for i in fu_idx[fu_ans]],
             ["message" if rows.kind[i] == "message" else "reply" for i in fu_idx[fu_ans]], fu_rt[fu_ans],
             -1, list(fu_idx[fu_ans]), [rows.thread[i] for i in fu_idx[fu_ans]], "business_reply",
             [rows.event[i] for i in fu_idx[fu_ans]], False, text=[W.reply("followup", "") for _ in range(int(fu_ans.sum()))])

    # other customers joining public complaints; many for the influencer
    public = cust & (I == "complaint") & np.isin(K, ["mention", "comment"])
    n_pile = np.where(public, rng.poisson(0.12, n_now), 0)
    n_pile[infl_row] = int(rng.integers(12, 20))
    for i in np.nonzero(n_pile)[0]:
        k = int(n_pile[i])
        tt = TT[i] + _lognormal(rng, 50 if i != infl_row else 240, 1.3, k)
        tt = tt[tt < PERIOD_MINUTES]
        rows.add(P[i], "reply", tt, list(rng.integers(0, n_auth, len(tt))), int(i), rows.thread[i],
                 "complaint", E[i], False,
                 text=[W.style(W.fill(r.choice(T.PILE_ON)), "complaint", P[i], False) for _ in tt])

    return _finish(profile, cfg, rows, authors, W, rng, r, code, clock, crisis_t0, recall_t0, infl_row)


def _finish(profile, cfg, rows: _Rows, authors: _Authors, W: _Writer, rng, r, code, clock,
            crisis_t0, recall_t0, infl_row):
    n = len(rows.t)
    P = np.array(rows.platform, dtype=object)
    K = np.array(rows.kind, dtype=object)
    I = np.array(rows.intent, dtype=object)
    A = np.array(rows.author)
    par = np.array(rows.parent)
    t = np.array(rows.t)
    is_org = A < 0

    # followers of the organisation per platform and day (also the audience table)
    audience, org_followers = _audience(profile, cfg, rng, crisis_t0, recall_t0)
    day = np.clip((t // 1440).astype(int), 0, DAYS - 1)

    # texts
    texts = list(rows.text)
    answers: dict[int, str] = {}     # row -> the answer its question needs
    used_slots: dict[int, _Slots] = {}  # row -> the place/thing it mentions
    first_of = lambda i: authors.first[A[i]] if A[i] >= 0 else ""  # noqa: E731
    for i in range(n):
        if texts[i] is not None:
            continue
        if K[i] == "post":
            u = r.random()
            upd = T.UPDATES.get(W.sector) if P[i] == "x" else None
            if upd and u < 0.3:
                txt = W.fill(r.choice(upd))
            elif u < 0.45:
                txt = W.fill(r.choice(T.POSTS_COMMON), hours=r.choice(["every day", "seven days a week",
                                                                        "in office hours"]))
            else:
                txt = r.choice(T.POST_PREFIX) + W.fill(r.choice(W.S["posts"]))
                txt = txt.rstrip() + (r.choice(T.POST_SUFFIX) if txt[-1:] in ".!?🍂🍿🐾✨☕🌍🐳🎬" else "")
            if P[i] == "youtube":
                txt = "New video: " + txt
            elif P[i] == "blog":
                txt = "New on the blog: " + txt
            elif P[i] == "linkedin" and not txt.startswith("We"):
                txt = r.choice(["", "We're proud to share: ", "News: "]) + txt
            if P[i] in ("x", "instagram", "tiktok") and r.random() < 0.6:
                txt += " " + r.choice(W.S["hashtags"])
            texts[i] = txt
        elif is_org[i]:
            src = par[i]
            it = I[src] if src >= 0 else "chat"
            if rows.event[src] == "crisis" if src >= 0 else False:
                texts[i] = r.choice([
                    "Sorry {first}, a signalling fault is causing disruption. Tickets are accepted on local buses and you can claim Delay Repay.",
                    "Hi {first}, we're really sorry. Engineers are working to fix the fault; please check our journey planner before travelling.",
                    "Apologies {first}, services are disrupted until the end of the day. Keep your ticket to claim compensation.",
                ]).format(first=first_of(src)) + r.choice(T.SIGNATURE)
            elif (rows.event[src] == "recall" if src >= 0 else False):
                texts[i] = r.choice([
                    "Hi {first}, the affected kettle is model BK-170; the number is on the base. Any store will refund you, no receipt needed.",
                    "Thanks {first}. Please stop using the kettle and bring it to any BrightMart store for a full refund.",
                    "Hi {first}, sorry for the worry. DM us your address if you can't get to a store and we'll collect it.",
                    "Hi {first}, only the 1.7L BK-170 is affected. Other kettles are safe to use.",
                ]).format(first=first_of(src)) + r.choice(T.SIGNATURE)
            else:
                texts[i] = W.reply(it, first_of(src) if src >= 0 else "", answers.get(src),
                                   used_slots.get(src))
        else:
            texts[i] = W.customer(I[i], P[i], K[i], bool(rows.sarcastic[i]))
            if W.last_answer:
                answers[i] = W.last_answer
                W.last_answer = None
            if W.last_slots is not None:
                used_slots[i] = W.last_slots
                W.last_slots = None

    # authors (vectorised: look up each row's author in the author table)
    handle_plat = np.isin(P, ["x", "instagram", "tiktok"])
    Ac = np.where(is_org, 0, A)
    handles = np.array(authors.handle, dtype=object)[Ac]
    names = np.array(authors.name, dtype=object)[Ac]
    num = (100_000 + Ac.astype(np.int64) * 1021 + code).astype(str).astype(object)
    plain_id = np.where(P == "facebook", (100_004_000_000_000 + Ac.astype(np.int64) * 1021 + code)
                        .astype(str).astype(object), P.astype(object) + ":" + num)
    special = Ac >= authors.n_plain     # spam, scam, influencer: same handle on every platform
    author_id = np.where(handle_plat | special, handles, plain_id)
    short = np.array([_short_name(x) for x in authors.name], dtype=object)[Ac]
    author_name = np.where((P == "reviews") & ~special, short, names)
    followers = np.where(np.isin(P, ["facebook", "reviews", "blog"]) & ~special, -1,
                         authors.followers[Ac]).astype(np.int64)
    location = np.where(P == "x", np.array(authors.location, dtype=object)[Ac], None)
    for p in np.unique(P[is_org]):
        m = is_org & (P == p)
        author_id[m] = profile.handles.get(p, profile.name)
        author_name[m] = profile.name
        followers[m] = org_followers[p][day[m]] if p in org_followers else -1
        location[m] = None

    # engagement
    likes = np.zeros(n, np.int64)
    shares = np.zeros(n, np.int64)
    reach = np.full(n, -1, np.int64)
    post = K == "post"
    fol = np.full(n, 500, dtype=np.int64)
    for p, series in org_followers.items():
        m = P == p
        fol[m] = series[day[m]]
    reach_rate = {"x": 0.06, "facebook": 0.12, "instagram": 0.18, "tiktok": 0.6, "youtube": 0.35,
                  "linkedin": 0.1, "blog": 0.05}
    rr = np.array([reach_rate.get(p, 0.1) for p in P])
    reach[post] = np.round(fol[post] * rr[post] * rng.lognormal(0, 0.6, post.sum())).astype(np.int64) + 20
    eng = rng.lognormal(np.log(0.025), 0.7, n)
    likes[post] = rng.poisson(reach[post] * eng[post])
    shares[post] = rng.poisson(likes[post] * 0.09)
    cf = np.where(followers > 0, followers, 150)
    lam = 0.3 + 0.004 * cf * rng.lognormal(0, 0.8, n)
    lam = np.where(np.array(rows.sarcastic), lam * 3, lam)
    c = ~post & ~is_org
    likes[c] = rng.poisson(lam[c])
    shares[c] = np.where(P[c] == "x", rng.poisson(lam[c] * 0.15), 0)
    likes[is_org & ~post] = rng.poisson(0.6, int((is_org & ~post).sum()))
    dmm = K == "message"
    likes[dmm] = 0
    shares[dmm] = 0
    likes[infl_row] = int(rng.integers(1500, 9000))
    shares[infl_row] = int(rng.integers(400, 2600))
    rev = K == "review"
    likes[rev] = rng.poisson(0.4, rev.sum())

    # ids: platform-style, unique within platform (across organisations too)
    ids = _make_ids(P, t, code, profile.slug)
    parent_id = np.array([ids[j] if j >= 0 else None for j in par], dtype=object)
    thread_id = np.array([ids[j] for j in rows.thread], dtype=object)
    replies = np.bincount(par[par >= 0], minlength=n)

    rating = np.full(n, -1)
    rmap = {"praise": (4, 5, 5), "complaint": (1, 1, 2), "suggestion": (3, 4, 4), "question": (3, 4, 5),
            "spam": (5, 5, 1), "chat": (4, 5, 3)}
    for i in np.nonzero(rev)[0]:
        rating[i] = r.choice(rmap.get(I[i], (3,)))

    created = START + pd.to_timedelta(np.round(t * 60), unit="s")
    lang = np.where(np.isin(P, ["x", "reviews"]), "en", None)
    frame = pd.DataFrame({
        "org": profile.slug, "platform": P, "message_id": ids, "parent_id": parent_id,
        "thread_id": thread_id, "created_at": created, "author_id": author_id,
        "author_name": author_name, "author_is_org": is_org, "kind": K, "text": texts,
        "likes": likes, "shares": shares, "replies": replies,
        "reach": pd.array(np.where(reach >= 0, reach, 0), dtype="Int64"),
        "author_followers": pd.array(np.where(followers >= 0, followers, 0), dtype="Int64"),
        "location": location, "age_band": None, "language": lang,
        "rating": pd.array(np.where(rating > 0, rating, 0), dtype="Int64"),
    })
    frame.loc[reach < 0, "reach"] = pd.NA
    frame.loc[followers < 0, "author_followers"] = pd.NA
    frame.loc[rating <= 0, "rating"] = pd.NA
    truth = pd.DataFrame({"platform": P, "message_id": ids, "intent": I, "event": rows.event,
                          "sarcastic": np.array(rows.sarcastic, dtype=bool)})
    order = np.lexsort((ids.astype(str), P.astype(str), created.to_numpy()))
    frame = frame.iloc[order].reset_index(drop=True)
    truth = truth.iloc[order].reset_index(drop=True)
    frame = conform_interactions(frame)
    return frame, audience, truth


def _short_name(name: str) -> str:
    a, _, b = name.partition(" ")
    return f"{a} {b[:1]}." if b else a


def _make_ids(P: np.ndarray, t: np.ndarray, code: int, slug: str) -> np.ndarray:
    """Platform-style message ids, unique within a platform (the org code keeps orgs apart)."""
    out = np.empty(len(P), dtype=object)
    created_ms = (START.value // 1_000_000 + np.round(t * 60_000)).astype(np.int64)
    for p in np.unique(P):
        m = np.nonzero(P == p)[0]
        seq = np.arange(len(m), dtype=np.int64)
        if p == "x":
            snow = ((created_ms[m] - 1288834974657) << 22) | (code << 12) | (seq & 0xFFF)
            out[m] = snow.astype(str)
        elif p == "facebook":
            page = 100_000_000_000_000 + code * 7_919
            out[m] = [f"{page}_{10**15 + code * 10**12 + s}" for s in seq]
        elif p == "instagram":
            out[m] = (17_841_400_000_000_000 + code * 10**12 + seq).astype(str)
        elif p == "tiktok":
            out[m] = (7_430_000_000_000_000_000 + code * 10**12 + seq).astype(np.uint64).astype(str)
        elif p == "linkedin":
            out[m] = [f"urn:li:activity:{7_250_000_000_000_000_000 + code * 10**12 + s}" for s in seq]
        elif p == "youtube":
            out[m] = [f"Ugx{_b62(code * 10**9 + s)}" for s in seq]
        else:
            out[m] = [f"{p[:2]}-{code}{s:07d}" for s in seq]
    return out


_B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def _b62(v: int) -> str:
    s = ""
    while True:
        v, k = divmod(int(v), 62)
        s = _B62[k] + s
        if v == 0:
            return s.rjust(8, "0")


# --------------------------------------------------------------------------------------------
# audience insights

def _largest_remainder(total: int, shares: np.ndarray) -> np.ndarray:
    raw = shares / shares.sum() * total
    base = np.floor(raw).astype(np.int64)
    rest = total - base.sum()
    if rest > 0:
        base[np.argsort(-(raw - base))[:rest]] += 1
    return base


def _audience(profile, cfg, rng, crisis_t0, recall_t0) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
    sector = cfg["text"]
    target = float(profile.kpi_targets.get("follower_growth_pct", 1.0))
    rows = []
    totals: dict[str, np.ndarray] = {}
    dates = pd.date_range(START, periods=DAYS, freq="D")
    for p, f0 in cfg["followers"].items():
        if p not in SOCIAL or p not in profile.handles:
            continue
        g = target * rng.uniform(0.4, 1.5) / 100 / DAYS
        daily = rng.normal(g, abs(g) * 0.8 + 0.0002, DAYS)
        if crisis_t0 is not None:
            d = int(crisis_t0 // 1440)
            daily[d] -= {"x": 0.009, "facebook": 0.004}.get(p, 0.002)
            daily[d + 1: d + 3] -= 0.001
        if recall_t0 is not None:
            d = int(recall_t0 // 1440)
            daily[d] -= 0.003
        total = np.round(f0 * np.cumprod(1 + daily)).astype(np.int64)
        totals[p] = total
        age = np.asarray(AGE_SHARE[p], float) * np.asarray(AGE_TILT.get(sector, [1] * 7), float)
        gb_share = 1 - ABROAD.get(sector, 0.07)
        region_w = np.asarray(REGION_WEIGHTS.get(sector, REGION_WEIGHTS["retail"]), float)
        gender = np.array({"x": [0.44, 0.53, 0.03], "linkedin": [0.47, 0.51, 0.02]}.get(p, [0.58, 0.4, 0.02]))
        if sector in ("rail", "council"):
            gender = gender[[1, 0, 2]] * [1, 1, 1]
        drift = rng.normal(0, 0.01, (DAYS, 7 + len(COUNTRIES) + len(UK_REGIONS)))
        drift = np.cumsum(drift, axis=0)
        for d in range(DAYS):
            tot = int(total[d])
            rows.append((p, dates[d], "followers", "total", tot))
            a = age * np.exp(drift[d, :7])
            a[age == 0] = 0
            for band, v in zip(AGE_BANDS, _largest_remainder(tot, a)):
                if AGE_SHARE[p][AGE_BANDS.index(band)] > 0:
                    rows.append((p, dates[d], "age_band", band, int(v)))
            ab = np.array(list(COUNTRIES.values()))[1:] * np.exp(drift[d, 7:7 + len(COUNTRIES) - 1])
            ab = ab / ab.sum() * (1 - gb_share)
            cshares = np.concatenate([[gb_share], ab, [max(0.0, 1 - gb_share - ab.sum()) + 0.01]])
            counts = _largest_remainder(tot, cshares)
            for cc, v in zip(list(COUNTRIES), counts[:-1]):  # platforms list top countries only
                rows.append((p, dates[d], "country", cc, int(v)))
            rw = region_w * np.exp(drift[d, 7 + len(COUNTRIES):])
            for reg, v in zip(UK_REGIONS, _largest_remainder(int(counts[0]), rw)):
                rows.append((p, dates[d], "region", reg, int(v)))
            if p in ("facebook", "instagram", "tiktok", "youtube", "linkedin"):
                for gname, v in zip(("female", "male", "unknown"), _largest_remainder(tot, gender)):
                    rows.append((p, dates[d], "gender", gname, int(v)))
    aud = pd.DataFrame(rows, columns=["platform", "date", "dimension", "value", "count"])
    aud.insert(0, "org", profile.slug)
    aud["count"] = aud["count"].astype("int64")
    return aud, totals


# --------------------------------------------------------------------------------------------
# public API

def generate_frames(n_interactions: int | None = None, seed: int = DEFAULT_SEED,
                    orgs: Sequence[str] | None = None) -> dict[str, tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]]:
    """Per organisation: ``(interactions, audience, truth)`` frames, ready to write or check.

    ``n_interactions`` (if given) is shared between the organisations in proportion to their
    bundled sizes; each organisation gets about its share (within a few per cent).
    """
    profiles = _all_profiles()
    if orgs is None:
        orgs = [s for s, p in profiles.items() if not p.extra.get("practice")]
    unknown = [o for o in orgs if o not in profiles]
    if unknown:
        raise DataError(f"unknown organisation(s) {unknown}; known: {sorted(profiles)}")
    codes = {}
    for o in profiles:
        codes.setdefault(_org_code(o), []).append(o)
    clash = [v for v in codes.values() if len(v) > 1]
    if clash:
        raise DataError(f"organisation slugs {clash[0]} would share message ids; rename one of them")
    sizes = {o: _sample_config(profiles[o])["interactions"] for o in orgs}
    out = {}
    for o in orgs:
        n = None if n_interactions is None else max(200, round(n_interactions * sizes[o] / sum(sizes.values())))
        out[o] = _generate_org(profiles[o], n, seed)
    return out


def generate_sample(n_interactions: int | None = None, seed: int = DEFAULT_SEED,
                    orgs: list[str] | None = None) -> Dataset:
    """Generate realistic activity for the sample organisations as one :class:`Dataset`.

    ``n_interactions=None`` gives the bundled size (about 1,700-2,700 rows per organisation);
    a number (e.g. 1_000_000 for benchmarks) is shared between the organisations. ``orgs``
    defaults to the six assessment organisations. The ``org`` column tells them apart; the
    profile is set when a single organisation is asked for. Same seed, same frames.

    >>> ds = generate_sample(5000, seed=1, orgs=["kelby-council"])   # doctest: +SKIP
    """
    frames = generate_frames(n_interactions, seed, orgs)
    inter = conform_interactions(pd.concat([f[0] for f in frames.values()], ignore_index=True))
    aud = pd.concat([f[1] for f in frames.values()], ignore_index=True)
    aud = _conform_audience(aud)
    profile = None
    if len(frames) == 1:
        profile = _all_profiles()[next(iter(frames))]
    summary = new_load_summary(f"generated (seed={seed}, orgs={','.join(frames)})", len(inter))
    summary["rows_kept"] = len(inter)
    ds = Dataset(interactions=inter, audience=aud, profile=profile, load_summary=summary)
    return ds.validate()


def _conform_audience(aud: pd.DataFrame) -> pd.DataFrame:
    out = aud.copy()
    for c in ("org", "platform", "dimension"):
        out[c] = out[c].astype("category")
    out["date"] = pd.to_datetime(out["date"], utc=True).astype("datetime64[ns, UTC]")
    out["value"] = out["value"].astype("object")
    out["count"] = out["count"].astype("int64")
    return out.reset_index(drop=True)


def frames_to_csv(inter: pd.DataFrame, aud: pd.DataFrame, truth: pd.DataFrame) -> dict[str, str]:
    """The exact CSV texts written for one organisation (used by tests to detect drift)."""
    f = inter.copy()
    f["created_at"] = f["created_at"].dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    a = aud.copy()
    a["date"] = pd.to_datetime(a["date"]).dt.strftime("%Y-%m-%d")
    return {"interactions.csv": f.to_csv(index=False, lineterminator="\n"),
            "audience.csv": a.to_csv(index=False, lineterminator="\n"),
            "truth.csv": truth.to_csv(index=False, lineterminator="\n")}


def write_sample(out_dir: str | Path | None = None, seed: int = DEFAULT_SEED,
                 orgs: Sequence[str] | None = None) -> list[Path]:
    """Write ``<out_dir>/<slug>/{interactions,audience,truth}.csv`` for each organisation.

    Defaults: ``data/sample`` and every organisation, practice ones included.
    """
    out = Path(out_dir) if out_dir is not None else data_dir() / "sample"
    if orgs is None:
        orgs = list(_all_profiles())
    written = []
    for slug, (inter, aud, truth) in generate_frames(None, seed, orgs).items():
        validate_interactions(inter, source=slug)
        validate_audience(_conform_audience(aud), source=slug)
        folder = out / slug
        folder.mkdir(parents=True, exist_ok=True)
        for name, text in frames_to_csv(inter, aud, truth).items():
            (folder / name).write_text(text, encoding="utf-8", newline="")
            written.append(folder / name)
    return written


def main(args: Any) -> int:
    """CLI entry: ``smlib generate-sample [--seed N] [--out DIR]``."""
    seed = DEFAULT_SEED if getattr(args, "seed", None) is None else int(args.seed)
    out = getattr(args, "out", None)
    paths = write_sample(out, seed=seed)
    folders = sorted({p.parent for p in paths})
    print(f"wrote the sample for {len(folders)} organisations (seed {seed}) to "
          f"{folders[0].parent if folders else out}")
    return 0
