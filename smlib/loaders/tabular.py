"""Any CSV or Excel sheet: map its columns onto the model, given or guessed.

``columns={model_field: source_column}`` says which column holds what, e.g.
``{"text": "Message", "created_at": "Date sent", "author_id": "From"}``. ``text`` is needed;
``created_at`` is needed too (monitoring is about *when*). Without ``columns``, obvious headers
are guessed (case, spaces and punctuation ignored):

========================  ======================================================================
model field               headers recognised
========================  ======================================================================
text                      text, message, body, content, comment, post, tweet, full_text, caption
created_at                created_at, date, datetime, timestamp, time, created, posted, published…
message_id                message_id, id, tweet_id, comment_id, post_id (a comment id before a post id)
parent_id                 parent_id, in_reply_to, reply_to, in_response_to_tweet_id, parent_comment_id
author_id                 author_id, author, user, username, handle, screen_name, from, sender
author_name               author_name, name, display_name, user_name
platform                  platform, network, channel, social_network, site
kind                      kind, type, message_type (values must be post, comment, reply, …)
likes / shares / replies  likes, reactions, favorites / shares, retweets, reposts / replies, comments_count
reach                     reach, impressions, views
author_followers          followers, followers_count, author_followers
location / language       location, country, region / language, lang
author_is_org             author_is_org, is_org, from_business, is_business (True/False)
========================  ======================================================================

The same fields are also guessed from French, German, Spanish, Italian, Dutch and Portuguese names
(``Datum``, ``Nachricht``, ``Fecha de publicación``, ``Auteur``, ``Me gusta``…), kept in
:data:`SYNONYMS` with the English ones; accents and case never matter (:func:`_fold`).

See docs/loading.md ("What tool exports add") for the rules on zones in headers, titles,
Excel day numbers, the organisation's own post analytics, recipients and workbooks.

A date-only column (``Date``) next to a time column (``Time``) is combined into one timestamp
(``columns={"_time": "Hour"}`` names the time column yourself). Rows with no ``message_id`` column get ids ``row-N`` (N = the data row, 1 = first row under the
header). Unknown ``kind`` values become ``comment`` (or ``post``/``reply`` for the organisation)
and are reported in the warnings.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

from ..errors import DataError
from ..schema import FALSE_WORDS, INTERACTION_COLUMNS, KINDS, TRUE_WORDS, duplicated_ids
from ..stars import not_whole_stars, read_stars
from ._options import Options
from ._rows import Joined, any_contains, as_str, clean_ids

SYNONYMS: dict[str, tuple[str, ...]] = {
    # English first, then French, German, Spanish, Italian, Dutch and Portuguese (one line each,
    # in that order). Names are header keys: lower case, accents dropped, words joined by "_"
    # ("Date de publication" -> date_de_publication, "Gefällt mir" -> gefallt_mir); see _key.
    # ("hit_sentence": Meltwater, where a social post's words are; "status" after "description":
    # a help-desk ticket's Status is Open/Closed, its Description the customer's words)
    "text": ("text", "message", "message_text", "body", "content", "comment", "comment_text", "post",
             "post_text", "tweet", "tweet_text", "full_text", "hit_sentence", "caption", "review",
             "review_text", "comment_body", "description", "status", "sharecommentary", "share_commentary",
             "texte", "texte_du_message", "contenu", "commentaire", "publication", "legende", "avis",
             "nachricht", "nachrichtentext", "inhalt", "kommentar", "beitrag", "beitragstext",
             "bildunterschrift", "bewertung",
             "texto", "mensaje", "contenido", "comentario", "publicacion", "resena",
             "testo", "messaggio", "contenuto", "commento", "didascalia", "recensione",
             "tekst", "bericht", "inhoud", "opmerking", "reactie", "bijschrift", "recensie",
             "mensagem", "conteudo", "publicacao", "legenda",
             "beschreibung", "descripcion", "descrizione", "beschrijving", "descricao",
             # a video's words are its title (YouTube Studio, TikTok Studio), the last resort
             "video_title", "title"),
    # specific names first: an export with both "Publish time" and a "Date" (often a reporting
    # period such as "Lifetime") means the first; a bare date or time in any language comes last
    "created_at": ("created_at", "created_time", "created", "date_created", "creation_time", "create_time",
                   "posted_at", "posted", "post_date", "published_at", "published", "publish_time",
                   "sent_at", "sent", "date_sent", "tweet_created", "comment_create_timestamp",
                   "date_de_publication", "date_de_creation", "cree_le", "publie_le", "date_d_envoi",
                   "envoye_le", "date_et_heure", "horodatage",
                   "erstellt_am", "erstellungsdatum", "veroffentlicht_am", "veroffentlichungsdatum",
                   "gesendet_am", "datum_und_uhrzeit", "zeitstempel",
                   "fecha_de_publicacion", "fecha_de_creacion", "creado", "publicado", "fecha_de_envio",
                   "enviado", "fecha_y_hora", "marca_de_tiempo",
                   "data_di_pubblicazione", "data_di_creazione", "creato_il", "pubblicato_il",
                   "data_di_invio", "inviato_il", "data_e_ora",
                   "publicatiedatum", "datum_van_publicatie", "aangemaakt_op", "gemaakt_op", "geplaatst_op",
                   "verzonden_op", "datum_en_tijd", "tijdstempel",
                   "data_de_publicacao", "data_de_criacao", "criado_em", "publicado_em", "enviado_em",
                   "data_e_hora",
                   "timestamp", "datetime", "date_time", "date", "datum", "fecha", "data", "time",
                   "heure", "uhrzeit", "zeit", "hora", "ora", "tijd"),
    # a row with both a comment id and a post id is a comment on that post: the comment id is its own
    "message_id": ("message_id", "id", "tweet_id", "comment_id", "post_id", "status_id", "review_id",
                   "id_du_message", "id_du_commentaire", "id_de_la_publication", "identifiant",
                   "nachrichten_id", "kommentar_id", "beitrags_id",
                   "id_del_mensaje", "id_del_comentario", "id_de_la_publicacion",
                   "id_messaggio", "id_commento", "id_post",
                   "bericht_id", "reactie_id",
                   "id_da_mensagem", "id_do_comentario", "id_da_publicacao"),
    "parent_id": ("parent_id", "in_reply_to", "reply_to", "in_reply_to_id", "in_response_to_tweet_id",
                  "in_reply_to_status_id", "parent_comment_id", "parent", "replies_to_id", "reply_to_id", "reply_to_cid",
                  "en_reponse_a", "reponse_a", "id_parent",
                  "antwort_auf", "als_antwort_auf", "ubergeordnete_id",
                  "en_respuesta_a", "respuesta_a", "id_padre",
                  "in_risposta_a", "risposta_a",
                  "antwoord_op", "als_antwoord_op", "reactie_op",
                  "em_resposta_a", "resposta_a", "id_pai"),
    "thread_id": ("thread_id", "conversation_id", "top_level_comment_id", "thread"),
    "author_id": ("author_id", "author", "user", "user_id", "username", "handle", "screen_name",
                  "from", "sender", "account_username", "account_handle", "account", "account_name",
                  "page_name", "profile", "profile_name", "reviewer_id", "reviewer", "customer_id",
                  "requester",
                  "auteur", "utilisateur", "nom_d_utilisateur", "pseudo", "expediteur", "compte",
                  "autor", "verfasser", "benutzer", "benutzername", "nutzername", "absender", "konto",
                  "usuario", "nombre_de_usuario", "remitente", "cuenta",
                  "autore", "utente", "nome_utente", "mittente",
                  "gebruiker", "gebruikersnaam", "afzender",
                  "utilizador", "nome_de_usuario", "nome_de_utilizador", "remetente", "conta"),
    "author_name": ("author_name", "name", "display_name", "user_name", "full_name", "reviewer_name",
                    "customer_name", "consumer_name", "account_name",
                    "nom", "nom_de_l_auteur", "nom_complet",
                    "anzeigename", "vollstandiger_name",
                    "nombre", "nombre_del_autor", "nombre_completo",
                    "nome", "nome_autore", "nome_completo",
                    "naam", "volledige_naam", "weergavenaam",
                    "nome_do_autor"),
    "platform": ("platform", "network", "channel", "social_network", "site", "source_platform",
                 "plateforme", "reseau", "reseau_social", "canal",
                 "plattform", "netzwerk", "kanal",
                 "plataforma", "red_social",
                 "piattaforma", "canale",
                 "netwerk", "kanaal",
                 "rede_social"),
    "kind": ("kind", "type", "message_type"),
    "likes": ("likes", "like", "like_count", "reactions", "favorites", "favourites", "favorite_count", "digg_count", "vote_count",
              "j_aime", "mentions_j_aime", "reactions_j_aime",
              "gefallt_mir", "gefallt_mir_angaben", "reaktionen",
              "me_gusta", "reacciones",
              "mi_piace", "reazioni",
              "vind_ik_leuks", "vind_ik_leuk",
              "curtidas", "gostos", "reacoes"),
    "shares": ("shares", "share", "share_count", "retweets", "retweet_count", "reposts", "repost_count", "boosts",
               "partages",
               "geteilt", "mal_geteilt",
               "compartidos", "veces_compartido",
               "condivisioni",
               "gedeeld", "keer_gedeeld",
               "compartilhamentos", "partilhas"),
    "replies": ("replies", "reply_count", "comments_count", "comment_count", "num_comments", "comments",
                "reponses", "commentaires",
                "antworten", "kommentare",
                "respuestas", "comentarios",
                "risposte", "commenti",
                "antwoorden", "reacties",
                "respostas"),
    "reach": ("reach", "impressions", "views", "view_count",
              "portee", "vues",
              "reichweite", "impressionen", "aufrufe",
              "alcance", "impresiones", "visualizaciones",
              "copertura", "impressioni", "visualizzazioni",
              "bereik", "weergaven", "vertoningen",
              "impressoes", "visualizacoes"),
    "author_followers": ("author_followers", "followers", "followers_count", "follower_count",
                         "abonnes", "abonnenten", "seguidores", "follower", "volgers"),
    "location": ("location", "country", "region", "user_location",
                 "lieu", "pays", "localisation",
                 "ort", "land", "standort",
                 "ubicacion", "pais", "region",
                 "luogo", "paese", "regione",
                 "locatie", "regio",
                 "localizacao", "regiao"),
    "language": ("language", "lang", "langue", "sprache", "idioma", "lingua", "taal"),
    "age_band": ("age_band", "age_group", "age"),
    "author_is_org": ("author_is_org", "is_org", "from_business", "is_business", "by_business", "is_brand",
                      "author_is_channel_owner"),
    "org": ("org", "organisation", "organization", "brand", "company"),
    "rating": ("rating", "stars", "star_rating", "review_rating", "review_stars"),   # kept as an extra column
}


def _key(h: str) -> str:
    """A header as lower-case words joined by ``_``; camelCase counts as words (``createdAt``,
    ``reviewText``, ``likeCount``, ``reviewerID`` → ``created_at``, ``review_text``, …). Headers are
    looked up under this key and under :func:`_plain_key`, which wins.

    >>> [_key(h) for h in ["Created At", "createdAt", "reviewerID", "LIKES", "ShareCommentary"]]
    ['created_at', 'created_at', 'reviewer_id', 'likes', 'share_commentary']
    """
    h = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", _fold(str(h).strip()))
    return re.sub(r"[^a-z0-9]+", "_", h.lower()).strip("_")


def _plain_key(h: str) -> str:
    """The header as lower-case words, camelCase kept whole (``UserName`` → ``username``)."""
    return re.sub(r"[^a-z0-9]+", "_", _fold(str(h).strip()).lower()).strip("_")


_LIGATURES = str.maketrans({"ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O"})


def _fold(h: str) -> str:
    """A header without its accents, so that names match however they are written
    (``Fecha de publicación`` = ``Fecha de publicacion``, ``Gefällt mir``, ``Straße``).

    >>> [_fold(h) for h in ["Fecha de publicación", "Gefällt mir", "Straße", "Légende"]]
    ['Fecha de publicacion', 'Gefallt mir', 'Strasse', 'Legende']
    """
    if h.isascii():
        return h
    import unicodedata
    h = unicodedata.normalize("NFKD", h.translate(_LIGATURES))
    return "".join(c for c in h if not unicodedata.combining(c))


def _by_key(headers: list[str]) -> dict[str, str]:
    """{key: header}, every header under its plain key and its camelCase-split key; a plain key
    wins (``UserName`` is ``username``, an author id, before it is ``user_name``)."""
    out: dict[str, str] = {}
    for key in (_plain_key, _key):
        for h in headers:
            out.setdefault(key(h), h)
    return out


_LOOSE_FIELDS = ("text", "created_at", "message_id", "author_id")
"""Fields also found by a word inside a longer header (``Date (GMT)``, ``Post Content``)."""
_NOT_WHEN = {"updated", "modified", "edited", "deleted", "last", "first", "end", "birth", "scheduled",
             "link", "url", "permalink", "type", "count", "length", "lang", "language", "id",
             # the same in French, German, Spanish, Italian, Dutch and Portuguese
             "modification", "modifie", "naissance", "lien", "longueur", "langue", "dernier", "derniere",
             "geandert", "aktualisiert", "bearbeitet", "geburt", "geburtsdatum", "lange", "sprache", "letzte",
             "typ", "modificacion", "modificado", "actualizacion", "nacimiento", "enlace", "longitud",
             "idioma", "tipo", "ultimo", "ultima", "modifica", "modificato", "aggiornamento", "nascita",
             "collegamento", "lunghezza", "lingua", "gewijzigd", "bijgewerkt", "geboorte", "lengte",
             "taal", "laatst", "laatste", "soort", "modificacao", "atualizacao", "atualizado",
             "nascimento", "comprimento"}
"""Words that make a longer header something else (``Last updated``, ``Text length``)."""
_MESSAGE_NOUNS = {"message", "tweet", "post", "comment", "status", "review", "mention", "reply", "media",
                  "content", "item", "entry", "story", "reel", "article", "note", "toot", "activity", "dm"}
"""The only words that may stand with ``id`` in a longer message-id header (``Media ID``,
``Mention Id``). Any other ``… Id`` names a person or a container (``reviewerID``, ``Thread Id``)
or the export's own bookkeeping (``Query Id``, ``Campaign ID``, ``cluster_id``), which repeats on
every row."""
_NOT_FOR = {
    # a count or a property *of* the author (``user profile clicks``, ``Author Gender``,
    # ``Twitter Followers``, ``reviewer.profilePhotoUrl``) is not who wrote the message
    "author_id": {"clicks", "click", "engagement", "engagements", "engaged", "reach", "impressions",
                  "influence", "score", "gender", "followers", "follower", "following", "follows",
                  "rate", "views", "visits", "photo", "picture", "avatar", "image", "verified", "bio",
                  "location", "age", "country", "city", "growth", "mentions", "posts", "likes",
                  "reactions", "description", "title",
                  # a true/false about the message ("likedByAuthor", "pinnedByAuthor")
                  "liked", "pinned", "hearted", "favourited", "favorited",
                  # what is stored about a user, not the user ("User data", "User agent")
                  "data", "info", "information", "details", "agent", "settings", "preferences",
                  # French, German, Spanish, Italian, Dutch, Portuguese
                  "abonnes", "genre", "sexe", "pays", "ville", "clics", "portee", "photo",
                  "abonnenten", "geschlecht", "alter", "stadt", "klicks", "reichweite", "bild",
                  "seguidores", "genero", "edad", "pais", "ciudad", "alcance", "foto", "imagen",
                  "genere", "eta", "paese", "citta", "copertura", "immagine",
                  "volgers", "geslacht", "leeftijd", "stad", "bereik", "afbeelding",
                  "idade", "cidade", "imagem"},
    # a message's time, link or kind is not its text (``Post time``, ``Post type``, ``Post Link``)
    "text": {"time", "date", "timestamp", "at", "link", "clicks", "click", "rate", "reach",
             "impressions", "views", "likes", "shares", "comments", "saves", "format", "media",
             "language", "sentiment", "title", "snippet",
             # French, German, Spanish, Italian, Dutch, Portuguese
             "heure", "lien", "datum", "uhrzeit", "zeit", "fecha", "hora", "enlace", "data", "ora",
             "tijd", "vues", "langue", "sprache", "idioma", "lingua", "taal", "titre", "titel",
             "titulo", "titolo", "typ", "tipo", "soort", "longueur", "lange", "longitud"},
}
"""Words that stop a longer header from being taken for a field by one of its words."""


_SCRAPER_SHAPES = (
    ({"cid", "uniqueid", "digg_count"}, {"message_id": "cid", "author_id": "uniqueid"}),   # TikTok (Apify)
    ({"cid", "reply_to_cid", "vote_count"}, {"message_id": "cid"}),                          # YouTube (Apify)
)


def guess_columns(headers: list[str]) -> dict[str, str]:
    """{model_field: header} for the headers that obviously match (first synonym wins).

    A header matches when, ignoring case, spaces and punctuation, it *is* a known name; failing
    that, the text, date, id and author fields also take a header that contains a known name as a
    word (``Date (GMT)``, ``Post Content``, ``Tweet ID``), unless another of its words says it is
    something else (``Last updated``, ``Text length``).

    >>> guess_columns(["Message ID", "Sent", "From", "Message", "Notes"])
    {'text': 'Message', 'created_at': 'Sent', 'message_id': 'Message ID', 'author_id': 'From'}
    >>> guess_columns(["Date (GMT)", "Network", "Post Content", "Permalink"])
    {'platform': 'Network', 'text': 'Post Content', 'created_at': 'Date (GMT)'}
    """
    by_key = _by_key(headers)
    found: dict[str, str] = {}
    used: set[str] = set()
    # comment scrapers' own shapes: their "cid" and "uniqueId" are the comment's id and author
    # only together with the scraper's other columns (in a CRM export "CID" is a customer id)
    for shape, fields in _SCRAPER_SHAPES:
        if shape <= set(by_key):
            for fld, key in fields.items():
                found[fld] = by_key[key]
                used.add(by_key[key])
    for fld, names in SYNONYMS.items():
        if fld in found:
            continue
        for n in names:
            h = by_key.get(n)
            if h is not None and h not in used:
                found[fld] = h
                used.add(h)
                break
    for fld in _LOOSE_FIELDS:
        if fld in found:
            continue
        for n in SYNONYMS[fld]:
            words = n.split("_")
            h = next((h for k, h in by_key.items() if h not in used and _has_words(k, words)
                      and _loose_ok(fld, _words(h) - set(words)) and (n != "data" or _data_is_date(h))), None)
            if h is not None:
                found[fld] = h
                used.add(h)
                break
    return found


_DATA_NEXT = {"de", "di", "do", "da", "del", "della", "dell", "e", "ora", "hora", "pubblicazione", "creazione",
              "invio", "publicacao", "criacao", "envio", "postagem", "commento", "comentario", "messaggio",
              "mensagem", "registo", "registro"}
"""Words that may follow ``Data`` in a date header (Italian and Portuguese: ``Data de publicação``,
``Data di invio``, ``Data/ora``, ``Data pubblicazione``)."""


def _data_is_date(h: str) -> bool:
    """Is this header with the word ``data`` a date (Italian/Portuguese *data*), not English
    *data* (``Extra data``, ``User data``, ``Data source``)? Only ``Data`` on its own (a zone
    note allowed: ``Data (UTC)``) or followed by one of :data:`_DATA_NEXT`.

    >>> [_data_is_date(h) for h in ["Data", "Data (UTC)", "Data de envio", "Data/ora", "Extra data", "Data source"]]
    [True, True, True, True, False, False]
    """
    h = _RE_ZONE_NOTE.sub("", h) if _header_zone(h) else h
    parts = [w for w in _plain_key(h).split("_") if w not in _ZONE_NOTE]
    return bool(parts) and parts[0] == "data" and (len(parts) == 1 or parts[1] in _DATA_NEXT)


def _words(h: str) -> set[str]:
    """A header's words, read both ways (``profilePhotoUrl`` → profilephotourl, profile, photo, url)."""
    return set(_plain_key(h).split("_")) | set(_key(h).split("_"))


def _loose_ok(fld: str, others: set[str]) -> bool:
    """May a header whose *other* words are ``others`` be taken for ``fld`` by one of its words?"""
    if others & _NOT_WHEN - ({"id"} if fld == "message_id" else set()):
        return False
    if fld == "message_id":
        return others <= _MESSAGE_NOUNS
    return not others & _NOT_FOR.get(fld, set())


def _has_words(key: str, words: list[str]) -> bool:
    """Does ``key`` (words joined by ``_``) contain ``words`` in a row?"""
    parts = key.split("_")
    return any(parts[i:i + len(words)] == words for i in range(len(parts) - len(words) + 1))


def _hint(headers: list[str]) -> str:
    return (f"headers found: {headers}. Tell smlib which column is which, e.g. smlib.load(path, "
            "columns={'text': '<column with the message>', 'created_at': '<column with the date>'})")


_DATE_ONLY = {"date", "post_date", "date_sent", "sent_date", "day", "datum", "fecha", "data"}
_TIME_ONLY = {"time", "post_time", "time_sent", "sent_time", "heure", "uhrzeit", "zeit", "hora", "ora", "tijd"}
_OWNER_ONLY = {"organic_impressions", "organic_reach", "engagement_rate", "engagement_rate_per_impression",
               "profile_visits", "profile_clicks", "user_profile_clicks", "link_clicks", "url_clicks",
               "post_link_clicks", "watch_time", "watch_time_hours", "new_follows", "saves",
               "impressions_click_through_rate"}
"""Per-post figures that only the account's owner sees in its platform analytics, so a table of
them is the organisation's own posts."""
_OWNER_METRICS = _OWNER_ONLY | {"impressions", "reach"}
"""With no author column, impressions and reach prove it too (listening tools such as Brandwatch
estimate them for other people's posts, but those exports name the author)."""
_LINKEDIN_EXPORTS = {
    # link column: (file, columns it always has, columns it may have, kind, what the rows are)
    "link": ("Comments.csv", {"date", "link", "message"}, set(), "comment",
             "comments the account itself wrote on posts"),
    "sharelink": ("Shares.csv", {"date", "sharelink", "sharecommentary"}, {"sharedurl", "mediaurl", "visibility"},
                  "post", "posts the account itself shared"),
}
"""Files of LinkedIn's "Get a copy of your data" export whose rows are all the account's own:
``Comments.csv`` (``Link`` is the post commented on) and ``Shares.csv`` (its posts). They have no
author column, because every row is the account's."""
_ZONE_COLUMN = {"timezone", "time_zone", "tz", "zone", "utc_offset", "gmt_offset", "timezone_offset",
                "time_zone_offset", "timezone_name", "time_zone_name"}
"""Names of a column giving each row's time zone. Not ``user_timezone`` (a profile setting of the
author, as in the airline file, not the zone the date was written in)."""
_RECIPIENT = {"to", "recipient", "recipients", "recipient_id", "recipient_name", "recipient_profile_urls"}
_ZONE_NOTE = {"utc", "gmt", "local", "uk", "london", "time_zone", "timezone"}
_RE_HEADER_UTC = re.compile(r"(?<![A-Za-z])(UTC|GMT)(?![A-Za-z])(?!\s*[+\-\u2212]\s*\d)", re.I)


def _bare_keys(h: str) -> set[str]:
    """A header's keys without a note of its time zone: ``Time (UTC)``, ``Date (ET)`` → ``time``, ``date``."""
    out = set()
    h = _RE_ZONE_NOTE.sub("", h) if _header_zone(h) else h
    for k in (_plain_key(h), _key(h)):
        out.add("_".join(w for w in k.split("_") if w not in _ZONE_NOTE))
    return out


_US_ZONES = {"ET": "America/New_York", "EASTERN": "America/New_York", "EASTERN TIME": "America/New_York",
             "CT": "America/Chicago", "CENTRAL": "America/Chicago", "CENTRAL TIME": "America/Chicago",
             "MT": "America/Denver", "MOUNTAIN": "America/Denver", "MOUNTAIN TIME": "America/Denver",
             "PT": "America/Los_Angeles", "PACIFIC": "America/Los_Angeles", "PACIFIC TIME": "America/Los_Angeles",
             "UK": "Europe/London", "UK TIME": "Europe/London", "LONDON": "Europe/London"}
"""Zone names a header may give that are not abbreviations of one offset: ``Date (ET)`` is US
Eastern time, summer time included (the zone, not a fixed offset); ``(UK)`` is London time."""
_RE_ZONE_NOTE = re.compile(r"\s*[(\[]\s*([^()\[\]]{1,40}?)\s*[)\]]\s*$|(?<=\s)([A-Z]{2,5}|[A-Z][A-Za-z_]+/[A-Za-z_/]+)\s*$")
"""A zone at the end of a header: in brackets (``Created Time (PST)``, ``Timestamp
(Europe/Berlin)``) or as a last word in capitals or an IANA name (``Date PST``)."""


_RE_OFFSET_NOTE = re.compile(r"(?:UTC|GMT)\s*([+\-\u2212])\s*(\d{1,2})(?::?(\d{2}))?", re.I)


def _header_zone(h: str) -> str | None:
    """The zone a header names at its end (see :data:`_RE_ZONE_NOTE`), as ``local_tz`` takes it:
    an IANA name (``Europe/Berlin``, ``America/New_York`` for ``ET``), ``UTC``, or a fixed offset
    ``UTC-08:00`` for an abbreviation of the table the date values are read with
    (:data:`smlib.loaders._time.ZONE_WORDS`: ``PST`` is −08:00, ``CET`` +01:00), or an offset
    written with ``GMT``/``UTC`` as people mean it (``GMT+1`` is one hour ahead of UTC).

    >>> [_header_zone(h) for h in ["Date (ET)", "Created Time (PST)", "Timestamp (Europe/Berlin)", "Date (dd/mm)"]]
    ['America/New_York', 'UTC-08:00', 'Europe/Berlin', None]
    >>> [_header_zone(h) for h in ["Date (GMT+1)", "Time (UTC-5)", "Date (UTC+05:30)", "Date (GMT+25)"]]
    ['UTC+01:00', 'UTC-05:00', 'UTC+05:30', None]
    >>> [_header_zone(h) for h in ["Date (GMT+14)", "Date (GMT-14:30)"]]
    ['UTC+14:00', None]
    """
    from ._time import ZONE_WORDS, zone_of
    m = _RE_ZONE_NOTE.search(str(h))
    if not m:
        return None
    said = (m.group(1) or m.group(2) or "").strip()
    if said.upper() in _US_ZONES:
        return _US_ZONES[said.upper()]
    word = said.upper() if said.isalpha() and len(said) <= 5 else said
    if said.isalpha() and word not in ZONE_WORDS and len(said) <= 5:
        return None   # a short word that is not an abbreviation of the table ("(s)", "(Local)")
    if re.search(r"[+\-\u2212]\s*\d", said):
        # "GMT+1", "UTC-5", "UTC+05:30": the offset as people mean it (GMT+1 is one hour ahead;
        # not the reversed POSIX sign of "Etc/GMT+1")
        o = _RE_OFFSET_NOTE.fullmatch(said)
        if not o:
            return None
        from ._time import _MAX_OFFSET   # the bound zone_of keeps: no zone is beyond ±14:00
        hours, minutes = int(o.group(2)), int(o.group(3) or 0)
        if minutes >= 60 or 60 * hours + minutes > _MAX_OFFSET:
            return None
        z = (60 * hours + minutes) * (1 if o.group(1) == "+" else -1)
    else:
        z = zone_of(word)
        if z is None:
            return None
        if isinstance(z, str):
            return z
    return "UTC" if z == 0 else f"UTC{'-' if z < 0 else '+'}{abs(z) // 60:02d}:{abs(z) % 60:02d}"


def header_zone(mapping: dict[str, str]) -> str | None:
    """The zone the date (or time) column's own name gives its times: ``"UTC"`` for
    ``Review Created (UTC)``, ``Date (GMT)``; an IANA name for ``Timestamp (Europe/Berlin)`` or
    ``Date (ET)``; a fixed offset for an abbreviation (``Created Time (PST)`` → ``UTC-08:00``),
    read as the date values' abbreviations are; ``Date (GMT+1)`` → ``UTC+01:00``."""
    for fld in ("created_at", "_time"):
        if fld in mapping:
            name = str(mapping[fld])
            if _RE_HEADER_UTC.search(name):
                return "UTC"
            zone = _header_zone(name)
            if zone:
                return zone
    return None


def is_position(col: object) -> bool:
    """Is this ``columns=`` value a column position (a whole number, numpy's too, not True/False)?"""
    return isinstance(col, (int, np.integer)) and not isinstance(col, (bool, np.bool_))


def resolve_columns(headers: list[str], columns: dict[str, str] | None, source: str,
                    required: tuple[str, ...] = ("text", "created_at")) -> dict[str, str]:
    """Check a user column map (or guess one) and return {model_field: header}. A value in
    ``columns`` may be a header or a position (0 = the first column)."""
    if columns is not None:
        if not isinstance(columns, dict):
            raise DataError(f"columns= must be a dict like {{'text': 'Message'}}, got {type(columns).__name__}",
                            source=source, field="columns")
        known = set(INTERACTION_COLUMNS) | {"org", "_time", "_tz", "rating"}
        bad_keys = [k for k in columns if k not in known]
        swapped = {v: k for k, v in columns.items() if k not in known and isinstance(v, str) and v in known}
        if bad_keys and swapped:   # {'Message': 'text'}: the column first, the field second
            raise DataError(f"columns= is written {{model field: your column}}, and {columns!r} looks the wrong "
                            f"way round: try columns={ {**{k: v for k, v in columns.items() if k in known}, **swapped} !r}",
                            source=source, field="columns")
        if bad_keys:
            raise DataError(f"columns= has unknown model field(s) {bad_keys}; the fields are "
                            f"{sorted(known)}", source=source, field="columns")
        by_key = _by_key(headers)
        mapping = {}
        for fld, col in columns.items():
            if is_position(col):   # 0 = the first column
                if not 0 <= col < len(headers):
                    raise DataError(f"columns= maps '{fld}' to position {col}, but the file has "
                                    f"{len(headers)} columns (0 to {len(headers) - 1})", source=source,
                                    field=str(fld))
                mapping[fld] = headers[col]
            elif col in headers:
                mapping[fld] = col
            elif _plain_key(col) in by_key or _key(col) in by_key:
                mapping[fld] = by_key.get(_plain_key(col)) or by_key[_key(col)]
            else:
                raise DataError(f"columns= maps '{fld}' to column {col!r}, which is not in the file; "
                                f"headers found: {headers}", source=source, field=str(col))
        guessed = guess_columns([h for h in headers if h not in mapping.values()])
        for fld, h in guessed.items():
            mapping.setdefault(fld, h)
    else:
        mapping = guess_columns(headers)
    # a title next to the text (a video post's title, a review's headline) stands in for the text
    # where the text is blank, or where the "text" column holds codes (YouTube Studio's Content)
    if "text" in mapping and "_title" not in mapping and not (columns and "text" in columns):
        used = set(mapping.values())
        title = next((h for h in headers if h not in used and _words(h) & {"title", "headline", "subject"}
                      and not _words(h) & {"conversation", "job", "page", "link", "url"}), None)
        if title is not None:
            mapping["_title"] = title
    if not {"author_is_org", "kind", "_own_posts"} & set(mapping):
        # per-post analytics only the account's owner can see: the owner's own posts (decided in
        # parse: always without an author column, else when one author wrote every row)
        owner_only = _OWNER_METRICS if not {"author_id", "author_name"} & set(mapping) else _OWNER_ONLY
        proof = next((h for h in headers if _bare_keys(h) & owner_only), None)   # may also be mapped to reach
        if proof is not None:
            mapping["_own_posts"] = proof
    if "kind" not in mapping and "author_id" in mapping and "_to" not in mapping:
        # a "To"/"Recipient" column: private messages between people (LinkedIn messages.csv)
        to = next((h for h in headers if _bare_keys(h) & _RECIPIENT), None)
        if to is not None and to not in mapping.values():
            mapping["_to"] = to
    # a separate time column next to a date-only column (common in tool exports): combine them
    if "created_at" in mapping and _bare_keys(mapping["created_at"]) & _DATE_ONLY and "_time" not in mapping:
        used = set(mapping.values())
        t = next((h for h in headers if _bare_keys(h) & _TIME_ONLY and h not in used), None)
        if t is not None:
            mapping["_time"] = t
    # LinkedIn's data export Comments.csv (Date, Link, Message) and Shares.csv: the account's own
    keys = {_plain_key(h) for h in headers}
    for link, (_, always, may, _, _) in _LINKEDIN_EXPORTS.items():
        if columns is None and always <= keys <= always | may:
            mapping["_linkedin"] = next(h for h in headers if _plain_key(h) == link)
    # a column giving each row's time zone ("Timezone": Europe/London, +01:00, GMT+1)
    if "created_at" in mapping and "_tz" not in mapping:
        used = set(mapping.values())
        tz = next((h for h in headers if {_plain_key(h), _key(h)} & _ZONE_COLUMN and h not in used), None)
        if tz is not None:
            mapping["_tz"] = tz
    # the next guesses for the text and the date, read too: the first guess may hold something
    # else (a count named "comment", LinkedIn's "2w"); parse decides from the cells
    for fld, n in (("text", 1), ("created_at", 3)):
        if fld in mapping and not (columns and fld in columns) and (fld != "created_at" or "_time" not in mapping):
            for k in range(n):
                alt = guess_columns([h for h in headers if h not in mapping.values()]).get(fld)
                if alt is None:
                    break
                mapping[f"_{fld}_alt{k}"] = alt
    missing = [f for f in required if f not in mapping]
    if missing:
        what = " and ".join(f"'{m}' ({INTERACTION_COLUMNS[m][2]})" for m in missing)
        raise DataError(f"cannot tell which column holds {what}; {_hint(headers)}", source=source,
                        field=missing[0])
    return mapping


_MONTH_WORD = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(\s|,|$)", re.I)


def _looks_dated(cell: str) -> bool:
    """Does this cell look like a date at a glance (ISO, Twitter, slash, or a month word with a
    number: ``05 Jul 2026 10:00``, ``July 5 2026``)? No parsing: cheap, for guessing only."""
    from ._time import _RE_ISO, _RE_SLASH, _RE_TWITTER, _RE_ZONE_WORD, _zone_offset
    c = _RE_ZONE_WORD.sub(_zone_offset, cell.strip())
    return any(r.match(c) for r in (_RE_ISO, _RE_TWITTER, _RE_SLASH)) or \
        (bool(_MONTH_WORD.search(c)) and any(ch.isdigit() for ch in c))


def looks_like_data(headers: list[str]) -> bool:
    """Is this first line a row of data rather than column names (a file without a header)?
    Column names are labels: a date among them, or numbers in half of them, means data. (Long
    sentences do not: survey exports use whole questions as column names.)

    >>> looks_like_data(["0", "1467810369", "Mon Apr 06 22:19:45 PDT 2009", "NO_QUERY", "bob", "hi"])
    True
    >>> looks_like_data(["05 Jul 2026 10:00", "hi"]), looks_like_data(["Message", "Sent", "From"])
    (True, False)
    >>> looks_like_data(["Timestamp", "What did you think of our service today? Please tell us more"])
    False
    """
    from ._time import _RE_EPOCH
    cells = [str(h).strip() for h in headers]
    if len(cells) < 2:
        return False
    numbers = sum(bool(re.fullmatch(r"-?\d+(\.\d+)?", c)) or bool(_RE_EPOCH.match(c)) for c in cells)
    return any(_looks_dated(c) for c in cells) or numbers * 2 >= len(cells)


def guess_by_content(df: pd.DataFrame, taken: dict[str, str] | None = None) -> dict[str, str]:
    """{model_field: column} for a table without column names, from what the cells hold (first
    200 rows, first 200 columns): dates → created_at (words before bare epoch numbers, which may be ids); the longest
    text with spaces → text; unique values without spaces → message_id; short varied names →
    author_id. ``taken`` (the user's own choices) is kept and its columns are not reused."""
    from ._time import _RE_EPOCH, to_utc
    mapping = dict(taken or {})
    head = df.head(200)
    stats = {}
    for c in list(head.columns)[:200]:   # a table of messages has a few dozen columns at most
        vals = [str(v).strip() for v in head[c] if isinstance(v, str) and str(v).strip()]
        if not vals:
            continue
        epoch = all(_RE_EPOCH.match(v) for v in vals)
        # only columns that look like dates at a glance are parsed (parsing costs ~20 ms a column)
        looks = vals[:50]
        datey = epoch or sum(_looks_dated(v) for v in looks) * 2 >= len(looks)
        dated = float(to_utc(pd.Series(vals, dtype="str"), [])[0].notna().mean()) if datey else 0.0
        stats[c] = {"dated": dated, "epoch": epoch, "len": float(np.mean([len(v) for v in vals])),
                    "spaces": float(np.mean([" " in v for v in vals])),
                    "distinct": len(set(vals)) / len(vals), "digits": all(v.isdigit() for v in vals)}
    free = [c for c in stats if c not in mapping.values()]

    def pick(fld: str, ok, key) -> None:
        if fld in mapping:
            return
        cands = [c for c in free if ok(stats[c])]
        if cands:
            best = max(cands, key=lambda c: key(stats[c]))
            mapping[fld] = best
            free.remove(best)

    pick("created_at", lambda t: t["dated"] >= 0.8 and not t["digits"], lambda t: t["dated"])
    pick("created_at", lambda t: t["dated"] >= 0.8 and t["epoch"], lambda t: t["dated"])
    pick("text", lambda t: t["spaces"] >= 0.3, lambda t: t["len"])
    pick("message_id", lambda t: t["distinct"] == 1 and t["spaces"] == 0 and t["len"] >= 4,
         lambda t: (t["digits"], t["len"]))
    pick("author_id", lambda t: t["spaces"] <= 0.1 and not t["digits"] and t["distinct"] >= 0.05
         and t["len"] <= 40 and t["dated"] < 0.5, lambda t: t["distinct"])
    return mapping


def resolve_headerless(df: pd.DataFrame, columns: dict[str, str] | None, source: str,
                       warnings: list[str]) -> dict[str, str]:
    """The column map of a file whose first line is data: the user's ``columns=`` (names
    ``column 1``, ``column 2``… or positions 0, 1…), the rest guessed from the cells."""
    names = [str(c) for c in df.columns]
    taken: dict[str, str] = {}
    if columns:
        taken = {f: h for f, h in resolve_columns(names, dict(columns), source, required=()).items()
                 if f in columns}
    mapping = guess_by_content(df, taken)
    missing = [f for f in ("text", "created_at") if f not in mapping]
    if missing:
        first = [str(v)[:40] for v in df.iloc[0].tolist()[:6]] if len(df) else []
        raise DataError(f"the file has no header row (its first line is data: {first}), "
                        f"and smlib cannot tell which column holds {' and '.join(repr(m) for m in missing)}; "
                        "name them by position, e.g. columns={'text': 5, 'created_at': 2} (0 = the first "
                        "column)", source=source, field=missing[0])
    guessed = {f: h for f, h in mapping.items() if f not in taken}
    if guessed:
        said = ", ".join(f"{f} = {h!r}" for f, h in guessed.items())
        warnings.append(f"the file has no header row (its first line is data), so the columns were guessed "
                        f"from their contents: {said}. If that is wrong, name them by position, e.g. "
                        "columns={'text': 5, 'created_at': 2} (0 = the first column)")
    return mapping


_UNIT = r"(?:\s*[%kKmM])?"
_RE_SPACE_GROUPS = re.compile(r"(?<=\d)[ \u00a0\u202f'\u2019](?=\d{3}(?!\d))")
"""A space, no-break space, narrow no-break space or apostrophe between digit groups: ``1 234``
(French), ``1'234`` (Swiss). Says nothing about the decimal mark; removed before reading."""
_RE_CONTINENTAL = re.compile(
    r"[+-]?(?:\d{1,3}(?:\.\d{3})+,\d+|\d{1,3}(?:\.\d{3}){2,}|\d+,(?:\d{1,2}|\d{4,})|\d{4,},\d+|0,\d+)" + _UNIT)
"""Only a decimal comma or a dot between thousands can mean these: ``1.234,5``, ``1.234.567``,
``12,5``, ``12,5%``, ``1234,567``, ``0,123``, ``1,2K``."""
_RE_ANGLO = re.compile(
    r"[+-]?(?:\d{1,3}(?:,\d{3})+\.\d+|\d{1,3}(?:,\d{3}){2,}|\d+\.(?:\d{1,2}|\d{4,})|\d{4,}\.\d+|0\.\d+)" + _UNIT)
"""Only a decimal point or a comma between thousands can mean these: ``1,234.5``,
``1,234,567``, ``12.5``, ``3.0``, ``1234.567``, ``0.123``."""
_RE_DOT_GROUP = re.compile(r"[+-]?\d{1,3}\.\d{3}" + _UNIT)
_RE_COMMA_GROUP = re.compile(r"[+-]?\d{1,3},\d{3}" + _UNIT)
"""``1.234`` / ``1,234``: a thousands separator or a decimal mark, the text alone cannot say."""


def number_style(cells) -> tuple[str | None, str | None]:
    """How numbers are written in these cells: ``("continental", example)`` when some are
    written with a decimal comma or dots between thousands and none the other way, ``("anglo",
    example)`` for the opposite, else ``(None, None)`` (no sign, or both).

    >>> number_style(["12", "1.234", "12,5%"]), number_style(["1,234.5"]), number_style(["1.234", "7"])
    (('continental', '12,5%'), ('anglo', '1,234.5'), (None, None))
    """
    conti = anglo = None
    for c in cells:
        v = _RE_SPACE_GROUPS.sub("", str(c).strip())
        if conti is None and _RE_CONTINENTAL.fullmatch(v):
            conti = str(c).strip()
        elif anglo is None and _RE_ANGLO.fullmatch(v):
            anglo = str(c).strip()
    if conti and not anglo:
        return "continental", conti
    if anglo and not conti:
        return "anglo", anglo
    return None, None


def count_text(col: pd.Series, name: str, hint, notes: dict) -> pd.Series:
    """Count cells written as text → text ``pd.to_numeric`` reads the intended way: ``1.234`` →
    ``1234`` in a German or French export, ``1,234`` → ``1234`` in an English one, ``1.234,5`` →
    ``1234.5``, ``1 234`` → ``1234``. Decided for the whole column, never value by value: a value
    only a decimal comma (or dots between thousands) can explain (``12,5``, ``1.234,5``,
    ``1.234.567``) makes the column continental, one only a decimal point can explain (``12.5``,
    ``1,234.5``) makes it English-style; when the column has neither, ``hint()`` (the rest of the
    file, e.g. an ``Engagement rate`` of ``12,5%``) decides; failing that, ``1.234`` is read as a
    whole number (counts are whole numbers) and the column is listed in ``notes["ambiguous"]``
    for a warning. Columns read with a decimal comma are listed in ``notes["continental"]``."""
    if not any_contains(col, (",", ".", " ", "\u00a0", "\u202f", "'", "\u2019")):
        return col
    t = col.str.strip()
    if any_contains(t, (" ", "\u00a0", "\u202f", "'", "\u2019")):
        t = t.str.replace(_RE_SPACE_GROUPS, "", regex=True)
    conti = t.str.fullmatch(_RE_CONTINENTAL).fillna(False).to_numpy(dtype=bool)
    anglo = t.str.fullmatch(_RE_ANGLO).fillna(False).to_numpy(dtype=bool)
    style, example = None, None
    if conti.any() and anglo.any():
        style = "continental" if conti.sum() > anglo.sum() else "anglo"
        example = str(col[conti if style == "continental" else anglo].iloc[0]).strip()
        notes.setdefault("mixed", []).append((name, example, style))
    elif conti.any():
        style, example = "continental", str(col[conti].iloc[0]).strip()
    elif anglo.any():
        style = "anglo"
    else:
        style, example = hint() if hint is not None else (None, None)
        if style is None:
            dots = t.str.fullmatch(_RE_DOT_GROUP).fillna(False).to_numpy(dtype=bool)
            if dots.any():   # 1.234 and nothing else to go by: a whole number, said
                notes.setdefault("ambiguous", []).append((name, str(col[dots].iloc[0]).strip()))
                return t.str.replace(".", "", regex=False)
            commas = t.str.fullmatch(_RE_COMMA_GROUP).fillna(False).to_numpy(dtype=bool)
            if commas.any() and notes.get("delimiter", ",") != ",":
                notes.setdefault("ambiguous", []).append((name, str(col[commas].iloc[0]).strip()))
    if style == "continental":
        notes.setdefault("continental", []).append((name, example))
        return t.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    return t.str.replace(",", "", regex=False)   # 1,234 (as before: commas between thousands)


def _count_notes(notes: dict, warnings: list[str]) -> None:
    """The warnings :func:`count_text` left in ``notes``, one per kind."""
    if notes.get("continental"):
        cols = ", ".join(f"'{n}'" for n, _ in notes["continental"])
        ex = next(e for _, e in notes["continental"] if e)
        warnings.append(f"numbers in column(s) {cols} were read with '.' as the thousands separator and ',' "
                        f"as the decimal mark (1.234,5 = 1234.5), as the file writes them (e.g. {ex!r})")
    if notes.get("ambiguous"):
        cols = ", ".join(f"'{n}' (e.g. {e!r})" for n, e in notes["ambiguous"])
        sep = notes.get("delimiter", ",")
        why = f" and the file is {sep!r}-separated, as spreadsheets that write decimal commas save it" \
            if sep != "," else ""
        mark = "," if any("," in str(e) for _, e in notes["ambiguous"]) else "."
        how = ("as German, French or Spanish spreadsheets write them" if mark == "." else
               "as English spreadsheets write them")
        warnings.append(f"numbers in column(s) {cols} could be whole numbers with a separator between thousands "
                        f"(1{mark}234 = 1234, {how}) or decimals; "
                        f"nothing in the file says which. They were read as whole numbers, because counts "
                        f"are whole numbers{why}. If that is wrong, save the numbers without separators")
    for name, ex, style in notes.get("mixed", []):
        how = "a decimal comma" if style == "continental" else "a decimal point"
        warnings.append(f"column '{name}' writes numbers both with a decimal comma and with a decimal point; "
                        f"most values (e.g. {ex!r}) use {how}, so the whole column was read that way")


def _short_counts(col: pd.Series) -> pd.Series:
    """``1.2K`` → 1200, ``3M`` → 3000000 (other values NaN)."""
    parts = col.str.extract(r"^\s*(\d+(?:\.\d+)?)\s*([kKmM])\s*$")
    scale = parts[1].str.lower().map({"k": 1e3, "m": 1e6})
    return pd.to_numeric(parts[0], errors="coerce") * pd.to_numeric(scale, errors="coerce")


def _title_for_text(out: pd.DataFrame, mapping: dict[str, str], warnings: list[str]) -> pd.DataFrame:
    """Use the title column for the text where the text is blank (a video with no description),
    or instead of it when the text column holds codes and the titles are words (YouTube
    Studio's ``Content`` is the video id)."""
    title = as_str(out.pop("_title"))
    text = as_str(out["text"])
    t_blank = (text.isna() | (text.str.strip() == "")).to_numpy(dtype=bool, na_value=True)
    ti_blank = (title.isna() | (title.str.strip() == "")).to_numpy(dtype=bool, na_value=True)
    said = text[~t_blank].head(200)
    if len(said) and not said.str.contains(r"\s", regex=True).fillna(False).any():
        titles = title[~ti_blank].head(200)
        if len(titles) and titles.str.contains(r"\s", regex=True).fillna(False).mean() >= 0.3:
            warnings.append(f"column '{mapping['text']}' holds codes, not words (e.g. {said.iloc[0]!r}), so "
                            f"the text was taken from '{mapping['_title']}'")
            mapping["text"] = mapping["_title"]
            out["text"] = title
            return out
    fill = t_blank & ~ti_blank
    if fill.any():
        out["text"] = text.astype("object").where(~fill, title.astype("object"))
        warnings.append(f"{int(fill.sum())} row(s) have no '{mapping['text']}'; their "
                        f"'{mapping['_title']}' was used as the text")
    return out


def _linkedin_own(out: pd.DataFrame, mapping: dict[str, str], opts: Options) -> pd.DataFrame:
    """Rows of LinkedIn's export ``Comments.csv`` or ``Shares.csv`` are the account's own comments
    or posts, when most of their links are to linkedin.com; otherwise (the same column names in
    some other table) nothing changes."""
    links = as_str(out.pop("_linkedin")).fillna("").str.strip()
    given = links[links != ""]
    if not len(given) or given.str.contains("linkedin.com", regex=False).mean() < 0.5 or "author_id" in out.columns:
        return out
    file, _, _, kind, what = _LINKEDIN_EXPORTS[_plain_key(mapping["_linkedin"])]
    owner = opts.owner(platform="linkedin")
    out["author_id"] = owner
    out["author_is_org"] = True
    out["kind"] = kind
    out["platform"] = "linkedin"
    opts.tracker.warnings.append(
        f"this looks like {file} from LinkedIn's data export (columns {mapping['created_at']!r}, "
        f"{mapping['_linkedin']!r}, {mapping['text']!r}; the links are to linkedin.com posts): it holds the "
        f"{what}, not messages from the public, so every row was taken as the organisation's own {kind} "
        f"(author {owner!r}). If it holds other people's messages, say who wrote them with "
        "columns={'author_id': ...}")
    return out


def _rating_column(col: pd.Series, name: str, opts: Options) -> pd.Series:
    """A rating column as whole stars 1…5 (Int64), read by :func:`smlib.stars.read_stars`
    ('4/5', '★★★★☆', 'Rated 4 out of 5 stars'). A value that is not a whole star 1…5 (0 for
    "not rated", 2.5, 'great') is unknown for its row, never rounded, and counted in a warning.
    A column on another scale (0–10: two or more ratings above 5, making at least 2% of them) is kept as written, with a warning, and the star rules of sentiment and
    priority leave it alone. A single stray value above 5 in a 1–5 column (one 6 among fours
    and ones) is a mistake in that row only: unknown, counted in the warning, and the other rows
    keep their stars."""
    stars, unread = read_stars(col)
    r = stars.to_numpy(dtype=float, na_value=np.nan)
    given = ~np.isnan(r)
    above = r[given] > 5
    # another scale: more than one rating above 5, making at least 2% of them; one stray 6 or
    # 10 among 1-5 stars is a mistake in its row
    if above.sum() >= 2 and above.mean() >= 0.02:
        opts.tracker.warnings.append(
            f"column '{name}' has values above 5 (up to {np.nanmax(r):g}), so it is not read as 1–5 "
            "stars: sentiment and priority do not use it")
        opts.tracker.info["rating_not_stars"] = True
        return pd.Series(np.where(given, r, np.nan), index=col.index).round().astype("Int64")
    odd = not_whole_stars(r)      # a stray value above 5 is one of these
    if unread or odd.any():
        rows = [str(v) for v in col[odd].astype(str).unique()[:3]]
        opts.tracker.warnings.append(
            f"{unread + int(odd.sum())} value(s) in column '{name}' are not a whole number of stars from "
            f"1 to 5 (such as 4, '4/5' or '★★★★☆'{'; found ' + ', '.join(rows) if rows else ''}); "
            "those reviews were kept with the rating unknown")
    return pd.Series(np.where(given & ~odd, r, np.nan), index=col.index).astype("Int64")


NUMERIC_FIELDS = ("likes", "shares", "replies", "reach", "author_followers", "rating")
OPTIONAL_TEXT = ("parent_id", "thread_id", "author_name", "location", "age_band", "language")


_LINK_WORDS = ("permalink", "tweet_permalink", "permalink_url", "post_url", "post_link", "tweet_url",
               "video_web_url", "url", "link", "web_url", "page_url", "share_url")
"""Headers of a column of links to the messages, the surest first: a post's "Link" is often the
address it shares (a YouTube video in a Facebook post), its "Permalink" the post itself."""
_PLATFORM_DOMAINS = (("twitter.com", "x"), ("x.com", "x"), ("facebook.com", "facebook"), ("fb.com", "facebook"),
                     ("fb.watch", "facebook"), ("instagram.com", "instagram"), ("tiktok.com", "tiktok"),
                     ("youtube.com", "youtube"), ("youtu.be", "youtube"), ("linkedin.com", "linkedin"),
                     ("reddit.com", "reddit"), ("threads.net", "threads"), ("threads.com", "threads"))
_LINK_HOST = re.compile(r"^\s*(?:https?://)?(?:www\.|m\.|mobile\.|web\.|business\.)?([a-z0-9.-]+)", re.IGNORECASE)


def link_columns(headers: list[str], mapping: dict[str, str]) -> list[str]:
    """Headers of columns of links to the messages (``Permalink``, ``Tweet permalink``), surest first."""
    used = set(mapping.values())
    found = [(min(_LINK_WORDS.index(k) for k in {_plain_key(h), _key(h)} if k in _LINK_WORDS), h)
             for h in headers if h not in used and {_plain_key(h), _key(h)} & set(_LINK_WORDS)]
    return [h for _, h in sorted(found, key=lambda x: x[0])]


def _platform_from_links(df: pd.DataFrame, headers: list[str], mapping: dict[str, str]) -> tuple[pd.Series, str] | None:
    """Each row's platform from a link to the message (``Tweet permalink`` on twitter.com,
    ``Permalink`` on facebook.com), when the file has no platform column: a Meta or X analytics
    export, a scraper's ``videoWebUrl``. None unless most links are on a known network."""
    for col in link_columns(headers, mapping):
        if col in df.columns:
            got = _platform_of_links(df[col].astype("object"))
            if got is not None:
                return got, col
    return None


def _platform_of_links(links: pd.Series) -> pd.Series | None:
    """Each link's platform, or None unless most links are on a known network."""
    hosts = {v: (_LINK_HOST.match(v).group(1).lower() if isinstance(v, str) and _LINK_HOST.match(v) else "")
             for v in pd.unique(links.dropna())}
    codes = {v: next((code for dom, code in _PLATFORM_DOMAINS if h == dom or h.endswith("." + dom)), None)
             for v, h in hosts.items()}
    plat = links.map(lambda v: codes.get(v) if isinstance(v, str) else None)
    given = links.notna() & (links.astype("str").str.strip() != "")
    if not given.any() or plat[given.to_numpy()].isna().mean() > 0.5:
        return None
    return plat.fillna("other").astype("object")


def parse(df: pd.DataFrame, opts: Options, mapping: dict[str, str] | None = None) -> pd.DataFrame:
    """Map the columns of ``df`` (as :func:`resolve_columns` says) onto the model."""
    headers = [str(c) for c in df.columns]
    if mapping is None:
        mapping = resolve_columns(headers, dict(opts.columns) if opts.columns is not None else None, opts.source)
    opts.tracker.rows_in = len(df)
    out = pd.DataFrame({"_row": np.arange(1, len(df) + 1)}, index=df.index)
    lost = [c for c in dict.fromkeys(mapping.values()) if c not in df.columns]
    if lost:   # the header line as smlib read it is not the one pandas read (e.g. a giant header)
        raise DataError(f"the columns {[str(c)[:40] for c in lost[:4]]} named in the header could not be found "
                        f"in the table read from the rows (columns read: {[str(c)[:40] for c in headers[:8]]}); "
                        "check the header line is one ordinary line of column names", source=opts.source)
    for fld, col in mapping.items():
        out[fld] = df[col]
        if out[fld].dtype == object and pd.api.types.infer_dtype(out[fld], skipna=True).startswith("mixed"):
            # JSON records can hold lists or objects where one value belongs (C-speed check first)
            nested = out[fld].map(lambda v: isinstance(v, (list, dict, set, tuple))).to_numpy(dtype=bool)
            if nested.any():
                out[fld] = out[fld].where(~nested, None)
                opts.tracker.warnings.append(f"{int(nested.sum())} value(s) in '{col}' are lists or objects, "
                                             f"not a single value; read as not given")
    guessed = set(mapping) - set(opts.columns or {})
    if "platform" not in out.columns and not opts.platform:
        found = _platform_from_links(df, headers, mapping)
        if found is not None:
            out["platform"], col = found
            opts.tracker.warnings.append(
                f"the platform was read from the web addresses in column '{col}' (e.g. "
                f"{', '.join(sorted(set(out['platform'].dropna())))}); pass platform= if that is wrong")
    alts = {k: mapping.pop(k) for k in [k for k in mapping if "_alt" in k and k.startswith(("_text_", "_created_at_"))]}
    if alts:
        out = _better_guess(out.drop(columns=list(alts)), mapping, {k: out[k] for k in alts}, alts,
                            opts.tracker.warnings)
    if "_title" in out.columns:
        out = _title_for_text(out, mapping, opts.tracker.warnings)
    zone = header_zone(mapping)
    if zone:
        opts.zone = zone
    if "_time" in out.columns:
        d, t = as_str(out["created_at"]).str.strip(), as_str(out.pop("_time")).str.strip()
        out["created_at"] = (d + " " + t.fillna("")).str.strip().where(d.notna() & (d != ""), d)
    for fld in ("message_id", "parent_id", "thread_id"):
        if fld in out.columns:
            out[fld] = clean_ids(out[fld])
    for fld in ("author_id", "author_name"):   # ' MyBrand ' is MyBrand, as ids are read
        if fld in out.columns and not pd.api.types.is_numeric_dtype(out[fld].dtype):
            out[fld] = _trimmed(out[fld])
    if "message_id" in guessed:
        ids = out["message_id"]
        given = ids[ids.notna() & (ids.astype("str").str.strip() != "")]
        distinct = len(given) - int(duplicated_ids(given).sum())   # (fast for digit ids)
        if len(given) >= 3 and distinct * 10 <= len(given):   # each value ten times over
            opts.tracker.warnings.append(
                f"column '{mapping['message_id']}' repeats its values ({distinct} different in "
                f"{len(given)} rows), so it is not a message id; rows were numbered instead. Name the id "
                "column with columns={'message_id': ...} if there is one")
            out = out.drop(columns="message_id")
    if "author_name" in out.columns and "author_id" not in out.columns:
        out["author_id"] = out["author_name"]   # a name is the best handle there is
    notes: dict = {"delimiter": opts.delimiter} if opts.delimiter else {}
    if "rating" in out.columns:
        out["rating"] = _rating_column(out["rating"], mapping.get("rating", "rating"), opts)
    for fld in NUMERIC_FIELDS:
        if fld in out.columns and fld != "rating":
            col = out[fld]
            if not pd.api.types.is_numeric_dtype(col.dtype):
                col = count_text(as_str(col), mapping[fld], opts.number_hint, notes)
            num = pd.to_numeric(col, errors="coerce")
            if not pd.api.types.is_numeric_dtype(col.dtype) and any_contains(col, ("k", "K", "m", "M")):
                num = num.fillna(_short_counts(col))   # 1.2K, 3M as dashboards write them
            given = out[fld].notna() & (out[fld].astype("str").str.strip() != "") \
                if not pd.api.types.is_numeric_dtype(out[fld].dtype) else out[fld].notna()
            bad = int((num.isna() & given).sum() + (num < 0).sum())
            if bad:
                opts.tracker.warnings.append(f"{bad} value(s) in column '{mapping[fld]}' are not whole "
                                             f"numbers ≥ 0; read as unknown")
            if fld in ("likes", "shares", "replies") and not bool((num >= 0).any()):
                # not one readable count (all blank or all unreadable): the file records none
                opts.tracker.info.setdefault("counts_unread", []).append(fld)
            part = (num >= 0) & (num != num.round())
            if part.any():   # a count of 1.234 (a thousands dot the column's other values contradict)
                ex = col[part.to_numpy(dtype=bool)].iloc[0]
                opts.tracker.warnings.append(f"{int(part.sum())} value(s) in column '{mapping[fld]}' have "
                                             f"a decimal part (e.g. {ex!r}); a count is a whole number, "
                                             "so they were rounded")
            out[fld] = num.where(num >= 0).round()
            if fld == "rating":
                out[fld] = out[fld].astype("Int64")
    _count_notes(notes, opts.tracker.warnings)
    for fld in OPTIONAL_TEXT:  # an empty cell means "not given"
        if fld in out.columns and not pd.api.types.is_numeric_dtype(out[fld].dtype):
            col = as_str(out[fld])
            empty = (col.isna() | (col.str.strip() == "")).to_numpy(dtype=bool, na_value=True)
            if empty.any():
                out[fld] = col.astype("object").where(~empty, None)
    if "author_is_org" in out.columns:
        v = out["author_is_org"].astype("str").str.strip().str.lower().fillna("")
        odd = ~v.isin(TRUE_WORDS | FALSE_WORDS)
        if odd.any():
            opts.tracker.warnings.append(f"{int(odd.sum())} value(s) in column '{mapping['author_is_org']}'"
                                         " are not True/False; read as False")
        out["author_is_org"] = v.isin(TRUE_WORDS).to_numpy()
    if "kind" in out.columns:
        k = out["kind"].astype("str").str.strip().str.lower()
        k = k.replace({"dm": "message", "direct message": "message", "private message": "message",
                       "comment reply": "reply", "reply comment": "reply", "reply to comment": "reply",
                       "status": "post", "tweet": "post", "retweet": "post", "quote": "post"})
        odd = k.notna() & ~k.isin(KINDS)
        if odd.any():
            opts.tracker.warnings.append(f"{int(odd.sum())} value(s) in column '{mapping['kind']}' are not "
                                         f"one of {list(KINDS)} (e.g. {k[odd].iloc[0]!r}); guessed instead")
        out["kind"] = k.where(~odd & k.notna(), None)
        if out["kind"].isna().all():
            out = out.drop(columns="kind")
    if "_own_posts" in out.columns:
        out = out.drop(columns="_own_posts")
        proof = mapping["_own_posts"]
        if "author_id" not in out.columns:
            out["author_is_org"] = True
            out["author_id"] = opts.owner()
            opts.tracker.warnings.append(
                f"this table has post analytics only the account's owner sees (column '{proof}') and "
                f"no author column, so every row was taken as the organisation's own post (author "
                f"'{opts.owner()}'). If it holds other people's messages, name the author column with "
                "columns={'author_id': ...}")
        else:
            authors = out["author_id"].dropna().astype("str").str.strip()
            authors = authors[authors != ""].unique()
            if len(authors) == 1:
                out["author_is_org"] = True
                opts.tracker.warnings.append(
                    f"this table has post analytics only the account's owner sees (column '{proof}') "
                    f"and one author, '{authors[0]}', so every row was taken as the organisation's own "
                    "post")
            elif len(authors) > 1 and not opts.own_handles and not opts.handles:
                # several profiles of one organisation (a Sprout or Hootsuite post report covers its
                # X, Facebook and Instagram pages) or other people's posts: which, only the user knows
                shown = ", ".join(repr(str(a)) for a in authors[:4]) + (" …" if len(authors) > 4 else "")
                opts.tracker.warnings.append(
                    f"this table has post analytics only the account's owner sees (column '{proof}') "
                    f"but {len(authors)} authors ({shown}), so no row was taken as the organisation's "
                    "own post; if these are the organisation's own profiles, give them: "
                    "smlib.load(path, org_handles=[...])")
    if "_linkedin" in out.columns:
        out = _linkedin_own(out, mapping, opts)
    if "_to" in out.columns:
        out = out.drop(columns="_to")
        if "kind" not in out.columns:
            out["kind"] = "message"   # sent to a named person: private messages
    if "org" in out.columns and not opts.org:
        out["org"] = out["org"].astype("str").str.strip()
    if "rating" in out.columns and out["rating"].notna().any():
        out = _reviews(out, mapping, opts)
    _repeated_headers(headers, mapping, opts.tracker.warnings)
    opts.tracker.info["columns_used"] = dict(mapping)
    return out.reset_index(drop=True)


def _trimmed(s: pd.Series) -> pd.Series:
    """The column without white space around its values, when a value starts or ends with a space
    (as :func:`smlib.loaders._rows.clean_ids` decides for ids): one scan first, so a clean column
    costs no per-row work."""
    j = Joined(s)
    if j.starts(" ") or j.ends(" "):
        return as_str(s).str.strip()
    return s


_RE_REPEATED = re.compile(r"^(.*)\.(\d+)$")


def _repeated_headers(headers: list[str], mapping: dict[str, str], warnings: list[str]) -> None:
    """Warn when a column used is one of several with the same name (``date`` twice: pandas and
    :func:`smlib.loaders._csv.clean_headers` call the second ``date.1``), saying which was used."""
    copies: dict[str, list[str]] = {}
    for h in headers:
        m = _RE_REPEATED.match(h)
        if m and m.group(1) in headers:
            copies.setdefault(m.group(1), []).append(h)
    for fld, col in mapping.items():
        if fld.startswith("_") and fld not in ("_time", "_tz"):
            continue
        m = _RE_REPEATED.match(col)
        base = col if col in copies else (m.group(1) if m and m.group(1) in copies else None)
        if base is None:
            continue
        same = [base] + copies[base]
        which = "the first" if col == base else f"copy number {same.index(col) + 1} ('{col}')"
        other = next(h for h in same if h != col)
        warnings.append(f"the file has {len(same)} columns named '{base}'; {which} was used for {fld}. If "
                        f"another is meant, name it: columns={{'{fld}': '{other}'}} (or its position, 0 = the "
                        "first column)")


_COMMENT_WORDS = {"comment", "commentaire", "kommentar", "comentario", "commento", "reactie"}
"""Names of a text column that, holding numbers, count comments (Facebook's ``comment``)."""


def _sample(col: pd.Series, n: int = 200) -> pd.Series:
    """The first ``n`` values given (not blank), stripped, as text."""
    t = as_str(col.head(5 * n)).str.strip()
    return t[t.notna() & (t != "")].head(n)


def _better_guess(out: pd.DataFrame, mapping: dict[str, str], cols: dict[str, pd.Series],
                  alts: dict[str, str], warnings: list[str]) -> pd.DataFrame:
    """Take the next guessed column for the text or the date when the first holds something else:
    a text column of whole numbers only (a count named ``comment``, as Facebook's post metrics
    name it) when another text column holds words; a date column whose values do not read as
    dates (LinkedIn scrapers' ``postDate`` of ``2w``) when another does (one sharing a word with it,
    ``postTimestamp``, first). Only the first 200 values are looked at, once per load."""
    text_alts = [k for k in alts if k.startswith("_text_")]
    if text_alts and "text" in out.columns:
        said = _sample(out["text"])
        if len(said) and bool(said.str.fullmatch(r"\d+").fillna(False).all()):
            for k in text_alts:
                words = _sample(cols[k])
                if len(words) and words.str.contains(r"[^\W\d_]", regex=True).fillna(False).mean() >= 0.5:
                    old = mapping["text"]
                    note = ""
                    if _plain_key(old) in _COMMENT_WORDS and "replies" not in out.columns:
                        out["replies"] = out["text"]
                        mapping["replies"] = old
                        note = f", and '{old}' was read as the number of replies"
                    warnings.append(f"column '{old}' holds only whole numbers (e.g. {said.iloc[0]!r}), not "
                                    f"words, so the text was taken from '{alts[k]}'{note}")
                    out["text"] = cols[k]
                    mapping["text"] = alts[k]
                    break
    date_alts = [k for k in alts if k.startswith("_created_at_")]
    if date_alts and "created_at" in out.columns:
        said = _sample(out["created_at"])
        if len(said) and sum(_looks_dated(v) for v in said.head(50)) * 5 < 4 * len(said.head(50)) \
                and _dated(said) < 0.5:
            mine = _words(mapping["created_at"]) - _DATE_WORDS
            order = sorted(date_alts, key=lambda k: not (_words(alts[k]) - _DATE_WORDS) & mine)
            for k in order:
                vals = _sample(cols[k])
                if len(vals) and _dated(vals) >= 0.8:
                    warnings.append(f"column '{mapping['created_at']}' does not hold dates (e.g. "
                                    f"{said.iloc[0]!r}), so the dates were taken from '{alts[k]}'; name the "
                                    "date column with columns={'created_at': ...} if that is wrong")
                    out["created_at"] = cols[k]
                    mapping["created_at"] = alts[k]
                    break
    return out


_DATE_WORDS = {"date", "time", "timestamp", "datetime", "at", "on", "created", "posted", "published",
               "sent", "day", "datum", "fecha", "data", "heure", "hora", "ora", "zeit", "tijd"}


def _dated(vals: pd.Series) -> float:
    """The share of these values that read as dates (relative ones such as ``2w`` do not)."""
    from ._time import to_utc
    with np.errstate(all="ignore"):
        when = to_utc(pd.Series(vals.to_numpy(dtype=object), dtype="str"), [])[0]
    return float(when.notna().mean()) if len(when) else 0.0


def _reviews(out: pd.DataFrame, mapping: dict[str, str], opts: Options) -> pd.DataFrame:
    """A table with star ratings (Trustpilot, app-store or Google review exports, review dumps)
    is a file of reviews: without a platform column its rows are on platform ``reviews`` (a
    ``platform=`` from the user still wins, in :func:`smlib.loaders.load`), and a blank platform
    cell on a rated row is a review site too. ``_review`` marks the rows on a review site, so
    the shared last step makes the public's messages there kind ``review`` (the organisation's
    answers stay replies, a follow-up under a review stays a comment)."""
    from ._rows import norm_platform
    rated = out["rating"].notna().to_numpy(dtype=bool)
    if "platform" in out.columns:
        plat = as_str(out["platform"]).str.strip()
        blank = (plat.isna() | (plat == "")).to_numpy(dtype=bool, na_value=True)
        out["platform"] = out["platform"].astype("object").where(~(blank & rated), "reviews")
        codes = {v: norm_platform(v) for v in pd.unique(out["platform"].dropna())}
        out["_review"] = out["platform"].map(codes).eq("reviews").to_numpy(dtype=bool)
        return out
    out["platform"] = "reviews"
    out["_review"] = True
    if not opts.platform:
        opts.tracker.warnings.append(
            f"column '{mapping['rating']}' gives a star rating, so the rows were read as reviews "
            "(platform 'reviews'); pass platform= to name another platform")
    return out
