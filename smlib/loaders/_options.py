"""What every format parser is given: the user's choices and where to count skipped rows."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping

from ._rows import Tracker, norm_handle


ARCHIVE_OWNER = "archive-owner"
"""The author of an archive's own posts when neither ``org_handles``, the profile nor the file
names its owner (a stand-in handle, never an organisation's name)."""

UNNAMED_ORG = "this organisation"
"""The ``org`` written when neither ``org=``, the file's content nor its name names the
organisation: what a report then says ("We monitored this organisation on 5 days")."""


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
    x_folder: bool = False   # an X archive's folder was given: read every tweets part and
    # note-tweet.js with it as one file (twitter_archive.archive_in)
    _keys: set = field(default_factory=set, init=False, repr=False, compare=False)
    _keys_for: list | None = field(default=None, init=False, repr=False, compare=False)

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
        return self.org or ARCHIVE_OWNER

    def is_handle(self, value: Any) -> bool:
        """Is ``value`` one of the organisation's handles (one handle rule: case, "@", Unicode)?

        The keys are made once per list of handles, not once per call: readers ask this for
        every row (a Reddit messages export of 100k rows asked 100k times).
        """
        if not self.handles:
            return False
        if self._keys_for != self.handles:     # a parser may add handles after the start
            self._keys = {norm_handle(h) for h in self.handles}
            self._keys_for = list(self.handles)
        return norm_handle(value) in self._keys


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


# Words an export tool, a platform or a person filing exports puts in a file name, which never
# name an organisation by themselves (see docs/loading.md, "Which organisation"). Plurals
# (``comments``, ``replies``) are added by _export_words.
_EXPORT_WORDS_TEXT = """
x twitter tweet toot facebook fb meta instagram insta ig threads thread linkedin tiktok youtube yt
reddit subreddit twcs mastodon fediverse blog google gbp gmb trustpilot tripadvisor yelp feefo whatsapp
messenger telegram discord pinterest snapchat bluesky bsky apple appstore play playstore android
ios app store connect console customer consumer hootsuite sprout sproutsocial brandwatch talkwalker meltwater brand24 buffer agorapulse sendible
emplifi sprinklr zendesk freshdesk intercom klout tweetreach mention takeout pushshift ytdlp dlp
business suite studio analytics analytic insight metric stat statistic
post comment reply mention review message status conversation chat live inbox outbox dm direct
note story reel video media photo picture caption like reaction share repost retweet boost
follower following activity engagement interaction feedback rating star survey response ticket
case mail email text content feed timeline search result listing hashtag keyword query social
export exported download downloaded data dataset sample archive backup dump report file table
sheet list item record row raw clean cleaned processed final copy new old latest all full part
page batch head tail random test demo example untitled document workbook csv json jsonl js xlsx
xls txt utf utf8 your my our the and of for from to by with per user account profile channel
public private own info information history log sent received in out day week month year daily
weekly monthly yearly today yesterday date time version edit edited fixed redacted anonymised
anonymized pseudonymised personal legacy format formatted converted merged combined extract
extracted subset filtered sorted original updated form excel resaved saved complaint
link url am pm en fr de es it nl pt
book spreadsheet untitled evidence assignment coursework homework task unit lesson module student work
project monitoring monitor tracker tracking output input summary overview notes draft temp tmp mine
last this next previous prev past recent current weekend fortnight quarter term semester period
kommentar kommentare beitrag beitrage beitraege nachricht nachrichten bewertung bewertungen daten
commentaire avis publication donnees resena comentario mensaje publicacion datos recensione
commento commenti messaggio messaggi dati reactie bericht berichten beoordeling gegevens
mensagem mensagens avaliacao avaliacoes dados
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
"""


def _export_words() -> frozenset[str]:
    words = set(_EXPORT_WORDS_TEXT.split())
    for w in list(words):
        words |= {w + "s", w + "es"} | ({w[:-1] + "ies"} if w.endswith("y") else set())
    return frozenset(words)


_EXPORT_WORDS = _export_words()


def _all_export_words(run: str) -> bool:
    """Can ``run`` (lower-case letters) be cut into export words of two letters or more
    (``commentthreads`` = comment + threads, ``youtubecomments``)?"""
    ok = [True] + [False] * len(run)
    for end in range(2, len(run) + 1):
        ok[end] = any(ok[start] and run[start:end] in _EXPORT_WORDS for start in range(0, end - 1))
    return ok[len(run)]


def org_words(stem: str) -> list[str]:
    """The words of a file name (without its extension) that name an organisation, as written:
    what is left after taking away numbers and dates, single letters and export words (see
    :func:`names_organisation`). A word in another alphabet is always kept.

    >>> org_words("tweet_activity_metrics_RiversideColl_20240601_20240701_en")
    ['RiversideColl']
    >>> org_words("Riverside - Jul 7, 2025 - 5 12 53 PM"), org_words("mybrand_tweets"), org_words("commentThreads")
    (['Riverside'], ['mybrand'], [])
    """
    import re
    import unicodedata
    kept = []
    for run in re.findall(r"[^\W\d_]+", str(stem)):   # runs of letters, as written; digits and marks split them
        folded = "".join(c for c in unicodedata.normalize("NFKD", run.lower()) if not unicodedata.combining(c))
        if not folded.isascii() or (len(folded) > 1 and not _all_export_words(folded)):
            kept.append(run)
    return kept


def names_organisation(stem: str) -> bool:
    """Does this file name (without its extension) name an organisation?

    Yes when, after taking away what any export's name is made of, something is left: numbers
    and dates, single letters, and words of platforms, tools, message kinds and filing
    (``export``, ``final``, ``copy``, month names), also written together (``commentThreads``).
    A name in another alphabet is kept (it is the user's own).

    >>> [names_organisation(s) for s in ["commentThreads", "tweets", "sample", "export (3)",
    ...                                  "youtube_comments_2024-03", "reviews", "outbox"]]
    [False, False, False, False, False, False, False]
    >>> [names_organisation(s) for s in ["mybrand_tweets", "Acme Coffee", "My Café (2025)", "Кафе", "店"]]
    [True, True, True, True, True]

    Default spreadsheet names and filing words name nobody either (a report would print them):

    >>> [names_organisation(s) for s in ["Book1", "Untitled spreadsheet - Sheet1", "mentions_last_week",
    ...                                  "P3 evidence", "comments 2026-11-25", "unit3_task2"]]
    [False, False, False, False, False, False]
    """
    return bool(org_words(stem))
