"""Meta's newer ``label_values`` items, found in Facebook and Instagram downloads since about 2024
(posts left on other pages, Instagram posts, saved and liked posts)::

    [{"timestamp": 1732000000, "fbid": "4000…", "media": [],
      "label_values": [{"label": "Message", "value": "Happy birthday!"},
                       {"label": "Media", "media": [{"uri": "your_facebook_activity/posts/media/…"}]},
                       {"title": "Owner", "dict": [{"dict": [{"label": "Username", "value": "ann"}]}]}]}]

The list may be the whole file or the one list inside an object. Labels are written in the
account's language, so the message is the first *top-level* label in :data:`TEXT_LABELS` (English
and six other languages); when no item has one, the load summary warns and lists the labels it
found, so a missing translation shows instead of passing for "no text". Values nested under a
``dict`` or ``vec`` group (``Owner``) are read only for the author.

Mapping: text label → text (kind ``comment`` for a comment label, else ``post``); ``timestamp``
(else the first ``timestamp_value``) → created_at; ``fbid`` → message_id (else
``meta-<section>-<n>``); the ``Owner`` group's ``Username`` (else ``Name``) → author, the
organisation's only when it is one of its handles (a saved or liked post is someone else's);
without an owner group the item is the archive owner's own (``author_is_org`` True). Items with a
photo or video (``media``) are kept with empty text; an Instagram one with no text label takes its
media's ``title`` (the caption). Files whose media live in Instagram's own folders
(``media/posts/…``) are Instagram's.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from ._options import Options
from ._rows import mostly_items
from ._text import as_text, clean_text

TEXT_LABELS = {
    # English
    "message": "post", "caption": "post", "text": "post", "post": "post", "description": "post",
    "status": "post", "comment": "comment", "your comment": "comment",
    # German, French, Spanish, Italian, Dutch, Portuguese
    "nachricht": "post", "bildunterschrift": "post", "beitrag": "post", "kommentar": "comment",
    "légende": "post", "texte": "post", "publication": "post", "commentaire": "comment",
    "mensaje": "post", "descripción": "post", "texto": "post", "publicación": "post",
    "comentario": "comment",
    "messaggio": "post", "didascalia": "post", "testo": "post", "commento": "comment",
    "bericht": "post", "bijschrift": "post", "tekst": "post", "opmerking": "comment", "reactie": "comment",
    "mensagem": "post", "legenda": "post", "publicação": "post", "comentário": "comment",
}
"""Label (lower case) → kind of message it holds."""
OWNER_GROUPS = {"owner", "author", "media owner", "eigentümer", "propriétaire", "propietario",
                "proprietario", "eigenaar", "proprietário"}
IG_MEDIA_FOLDERS = ("media/posts/", "media/stories/", "media/reels/", "media/other/", "media/archived_posts/",
                    "media/recently_deleted/")
"""Folders of an Instagram download that hold the account's own uploads (as a media ``uri``)."""
USER_LABELS = ("username", "user name", "name", "nutzername", "nom d'utilisateur", "nombre de usuario",
               "nome utente", "gebruikersnaam", "nome de usuário")


def is_label_item(x: Any) -> bool:
    return isinstance(x, dict) and isinstance(x.get("label_values"), list)


def label_items(obj: Any) -> tuple[str, list] | None:
    """(section, items) when ``obj`` is, or holds as one of its lists, ``label_values`` items."""
    if isinstance(obj, list):
        return ("items", obj) if obj and mostly_items(obj[:20], is_label_item) else None
    if isinstance(obj, dict):
        for key, v in obj.items():
            if isinstance(v, list) and v and mostly_items(v[:20], is_label_item):
                return str(key), v
    return None


def _strings(x: Any, limit: int = 400) -> list[str]:
    """Up to ``limit`` strings inside ``x`` (for the platform hint)."""
    out: list[str] = []
    stack = [x]
    while stack and len(out) < limit:
        v = stack.pop()
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
    return out


def platform_of(obj: Any) -> str | None:
    """``"instagram"`` or ``"facebook"`` for a file of ``label_values`` items, else None.

    Instagram when the first items' media paths or URL labels name instagram.com or Instagram's
    folders (what people wrote is not looked at), else Facebook (which also writes this layout
    for posts on other pages)."""
    found = label_items(obj)
    if found is None:
        return None
    # only the places things come from (media paths, URL labels), never what people wrote
    where: list[str] = []
    for it in found[1][:20]:
        if isinstance(it, dict):
            where += [s for m in it.get("media") or [] if isinstance(m, dict) for s in _strings(m.get("uri"))]
            for e in it["label_values"] if isinstance(it.get("label_values"), list) else []:
                if isinstance(e, dict):
                    where += _strings(e.get("href")) + _strings([m.get("uri") for m in e.get("media") or []
                                                                 if isinstance(m, dict)])
                    if _label(e) == "url":
                        where += _strings(e.get("value"))
    text = " ".join(where).lower()
    if "instagram.com" in text or "your_instagram_activity" in text:
        return "instagram"
    # Instagram keeps its own uploads under media/posts/<yyyymm>/, media/stories/…, media/reels/…
    # (Facebook's are posts/media/… or your_facebook_activity/posts/media/…)
    ig_folder = any(w.strip().lower().lstrip("./").startswith(IG_MEDIA_FOLDERS) for w in where)
    return "instagram" if ig_folder else "facebook"


def _label(e: dict) -> str:
    return " ".join(str(e.get("label") or e.get("title") or "").strip().lower().split())


def _value(e: dict) -> str:
    return as_text(e.get("value"))


def _group_user(e: dict) -> str:
    """The user name inside an ``Owner`` group (``dict``/``vec`` nesting, any depth)."""
    stack = [e]
    found: dict[str, str] = {}
    while stack:
        v = stack.pop()
        if isinstance(v, dict):
            lab = _label(v)
            if lab in USER_LABELS and _value(v) and lab not in found:
                found[lab] = _value(v)
            stack.extend(x for k in ("dict", "vec") for x in (v.get(k) if isinstance(v.get(k), list) else []))
        elif isinstance(v, list):
            stack.extend(v)
    return next((found[k] for k in USER_LABELS if k in found), "")


def _media_title(it: dict, entries: list[dict]) -> str:
    """An Instagram post's caption when no label holds it: the ``title`` of its media (the item's
    ``media``, or a ``Media`` label's), as Instagram's older posts_1.json also keeps it. A public
    synthetic export of the 2024-25 dialect puts ``Media`` → ``[{uri, creation_timestamp, title}]``
    in label_values with no caption label. Not for Facebook, whose media ``title`` is the album's
    name."""
    media = [m for m in (it.get("media") if isinstance(it.get("media"), list) else []) if isinstance(m, dict)]
    media += [m for e in entries if isinstance(e.get("media"), list) for m in e["media"] if isinstance(m, dict)]
    return next((as_text(m.get("title")) for m in media if as_text(m.get("title")).strip()), "")


def parse_items(section: str, items: list, opts: Options, owner: str,
                platform: str = "facebook") -> tuple[list[dict], int]:
    """Rows (for :func:`smlib.loaders._rows.finish`) from ``label_values`` items, and rows_in."""
    rows: list[dict] = []
    seen_labels: dict[str, None] = {}
    any_text_label = False
    for i, it in enumerate(items):
        where = f"{section}[{i}]" if section != "items" else f"[{i}]"
        if not is_label_item(it):
            opts.tracker.skip("not a Facebook/Instagram item", 1, [where])
            continue
        entries = [e for e in it["label_values"] if isinstance(e, dict)]
        text, kind, when, author, media = "", "post", it.get("timestamp"), "", bool(it.get("media"))
        for e in entries:
            lab = _label(e)
            if lab:
                seen_labels.setdefault(lab, None)
            if lab in TEXT_LABELS and not text and "value" in e:
                any_text_label = True
                text, kind = _value(e), TEXT_LABELS[lab]
            if when is None and e.get("timestamp_value") is not None:
                when = e.get("timestamp_value")
            if lab in OWNER_GROUPS and not author:
                author = _group_user(e)
            if isinstance(e.get("media"), list) and e["media"]:
                media = True
        if not text and platform == "instagram":
            text = _media_title(it, entries)
            any_text_label = any_text_label or bool(text)
        fbid = it.get("fbid")
        mid = str(fbid).strip() if isinstance(fbid, (str, int)) and str(fbid).strip() else f"meta-{section}-{i}"
        who = author or owner
        rows.append({"_row": where, "message_id": mid, "created_at": when, "author_id": who,
                     "author_name": who, "author_is_org": not author or opts.is_handle(author),
                     "kind": kind, "text": clean_text(text), "_has_media": media})
    if rows and not any_text_label:
        labels = ", ".join(repr(x) for x in list(seen_labels)[:12])
        opts.tracker.warnings.append(
            "this file uses Meta's label_values layout, but none of its labels is one smlib reads as "
            f"the message ({labels or 'no labels'}). Meta writes the labels in the account's language: "
            "download the data again with the language set to English")
    return rows, len(items)


def parse(obj: Any, opts: Options, platform: str) -> pd.DataFrame:
    section, items = label_items(obj) or ("items", [])
    owner = opts.owner(platform=platform)
    rows, n_in = parse_items(section, items, opts, owner, platform)
    opts.tracker.rows_in = n_in
    opts.natural_org = owner
    return pd.DataFrame(rows)
