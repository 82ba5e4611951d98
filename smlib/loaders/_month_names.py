"""Month and weekday names in the languages of European exports, as data (read by ``_time``).

Dates such as ``12 mars 2024 14:05``, ``3. März 2024, 09:15``, ``lun. 4 mars 2024`` or
``12 de marzo de 2024`` are what spreadsheets and tools write when the account's language is
French, German, Spanish, Italian, Dutch or Portuguese. ``_time`` turns the month names into
English ones (``Mar``), drops a leading weekday and the little words between the parts
(``de``, ``um``, ``à``), then reads the date as usual. English names need no entry.

Edit freely: keys are lower case, written as the language writes them and, where people often
type it so, without accents (``fevrier``, ``marz``); a trailing ``.`` is allowed after any of
them. A word listed in two languages must mean the same month in both (``mar``, ``mai``, ``dec``
do). Taken from the languages' standard month and weekday names and abbreviations (CLDR's
"format" and "stand-alone" forms), not from any one export.
"""
from __future__ import annotations

MONTHS: dict[str, str] = {}
"""name or abbreviation (lower case) → English abbreviation"""

_BY_MONTH = {
    "Jan": "janvier janv jänner januar enero gennaio gen januari janeiro ene",
    "Feb": "février fevrier févr fevr februar febrero febbraio februari fevereiro fev",
    "Mar": "mars märz marz maerz mär mrz marzo maart mrt março marco",
    "Apr": "avril avr april abril aprile",
    "May": "mai mayo maggio mag mei maio",
    "Jun": "juin juni junio giugno giu junho",
    "Jul": "juillet juil juli julio luglio lug julho",
    "Aug": "août aout augustus agosto ago",
    "Sep": "septembre sept september septiembre setiembre settembre set setembro",
    "Oct": "octobre oktober okt octubre ottobre ott outubro out",
    "Nov": "novembre november noviembre novembro",
    "Dec": "décembre decembre déc dezember dez diciembre dic dicembre december dezembro",
}
for _en, _names in _BY_MONTH.items():
    for _n in _names.split():
        MONTHS[_n] = _en

WEEKDAYS: tuple[str, ...] = tuple("""
    lundi mardi mercredi jeudi vendredi samedi dimanche lun mar mer jeu ven sam dim
    montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag mo di mi do fr sa so
    lunes martes miércoles miercoles jueves viernes sábado sabado domingo mié mie jue vie sáb sab dom
    lunedì lunedi martedì martedi mercoledì mercoledi giovedì giovedi venerdì venerdi sabato domenica gio
    maandag dinsdag woensdag donderdag vrijdag zaterdag zondag ma wo vr za zo
    segunda-feira terça-feira terca-feira quarta-feira quinta-feira sexta-feira segunda terça terca
    quarta quinta sexta seg ter qua qui sex
""".split())
"""Weekday names and abbreviations; only ever removed at the start of a date, before the day
(``mar.`` is Tuesday there in French, March elsewhere)."""

JOINERS: tuple[str, ...] = ("de", "del", "à", "a las", "a la", "às", "as", "um", "om", "alle", "ore", "kl",
                            "le", "el", "il", "den")
"""Little words between the parts of a date or before the time: ``12 de marzo de 2024``,
``12. Dezember 2023 um 18:30``, ``1er avril 2024 à 10h30``, ``le 3 mars``."""

ORDINALS: tuple[str, ...] = ("er", "re", "º", "ª", "°")
"""Endings of a day written as an ordinal: ``1er avril``, ``1º de marzo``."""
