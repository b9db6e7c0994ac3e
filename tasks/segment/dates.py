"""Dates as pages show them: find them in short lines and turn them into timestamps.

A small parser for the forms comment systems and article headers use ('March 3, 2021 at 9:14 am',
'3 March 2021', '2021-03-03 09:14', 'Jan 4 '23', '5 years ago', '3h', 'yesterday'), because a
general-purpose parser costs milliseconds per call and segmentation runs on millions of lines.
Relative times are resolved against the scrape time when the record has one, never against now.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import lru_cache

# Month names in the languages the rule table covers (en, de, fr, es, pt, it, nl, pl, ru, id), number 1-12.
_MONTH_NAMES = [
    (
        "january",
        "jan",
        "januar",
        "jänner",
        "janvier",
        "janv",
        "enero",
        "ene",
        "janeiro",
        "gennaio",
        "januari",
        "stycznia",
        "styczeń",
        "styczen",
        "января",
        "январь",
        "янв",
    ),
    (
        "february",
        "feb",
        "februar",
        "février",
        "fevrier",
        "févr",
        "febrero",
        "fevereiro",
        "fev",
        "febbraio",
        "februari",
        "lutego",
        "luty",
        "февраля",
        "февраль",
        "фев",
        "pebruari",
    ),
    (
        "march",
        "mar",
        "märz",
        "mär",
        "mars",
        "marzo",
        "março",
        "marco",
        "maart",
        "mrt",
        "marca",
        "marzec",
        "марта",
        "март",
        "мар",
        "maret",
    ),
    (
        "april",
        "apr",
        "avril",
        "avr",
        "abril",
        "abr",
        "aprile",
        "kwietnia",
        "kwiecień",
        "kwiecien",
        "апреля",
        "апрель",
        "апр",
    ),
    (
        "may",
        "mai",
        "mayo",
        "may",
        "maio",
        "maggio",
        "mei",
        "maja",
        "maj",
        "мая",
        "май",
    ),
    (
        "june",
        "jun",
        "juni",
        "juin",
        "junio",
        "junho",
        "giugno",
        "giu",
        "czerwca",
        "czerwiec",
        "июня",
        "июнь",
        "июн",
    ),
    (
        "july",
        "jul",
        "juli",
        "juillet",
        "juil",
        "julio",
        "julho",
        "luglio",
        "lug",
        "lipca",
        "lipiec",
        "июля",
        "июль",
        "июл",
    ),
    (
        "august",
        "aug",
        "août",
        "aout",
        "agosto",
        "sierpnia",
        "sierpień",
        "sierpien",
        "августа",
        "август",
        "авг",
        "agustus",
    ),
    (
        "september",
        "sep",
        "sept",
        "septembre",
        "septiembre",
        "setembro",
        "settembre",
        "września",
        "wrzesień",
        "wrzesien",
        "сентября",
        "сентябрь",
        "сен",
        "сент",
    ),
    (
        "october",
        "oct",
        "oktober",
        "okt",
        "octobre",
        "octubre",
        "outubro",
        "ottobre",
        "ott",
        "października",
        "październik",
        "октября",
        "октябрь",
        "окт",
    ),
    (
        "november",
        "nov",
        "novembre",
        "noviembre",
        "novembro",
        "listopada",
        "listopad",
        "ноября",
        "ноябрь",
        "ноя",
    ),
    (
        "december",
        "dec",
        "dezember",
        "dez",
        "décembre",
        "déc",
        "diciembre",
        "dic",
        "dezembro",
        "dicembre",
        "grudnia",
        "grudzień",
        "grudzien",
        "декабря",
        "декабрь",
        "дек",
        "desember",
    ),
]
MONTHS = {name: i + 1 for i, names in enumerate(_MONTH_NAMES) for name in names}


def word_trie(words: list[str] | set[str]) -> str:
    """One regex alternative for many words, factored by shared prefixes (longest match first).

    A flat alternation of a hundred names is tried name by name at every position of a line;
    the trie rejects a position after one or two characters.
    """
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node: dict) -> str:
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + walk(tree) + ")"


_MONTH = word_trie(MONTHS) + r"\.?"
_WEEKDAY = (
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo"
    r"|segunda|terça|quarta|quinta|sexta|senin|selasa|rabu|kamis|jumat|sabtu|minggu)[a-zé-]*\.?,?\s+)"
)
_TIME = (
    r"(?:,?\s*(?:at|@|-|–|\||klo|a las|à|às|um|alle|om|o|в)?\s*(?P<hh>\d{1,2})[:.h](?P<mi>\d{2})(?::(?P<ss>\d{2}))?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?(?:\s*(?:uhr|h|[a-z]{2,5}\b))?)"
)
_UNITS = r"(?P<unit>years?|yrs?|months?|weeks?|wks?|days?|hours?|hrs?|minutes?|mins?|seconds?|secs?)"
# Relative times in other languages: 'vor 2 Stunden', 'il y a un an', 'hace 3 días', 'há 2 horas', '2 ore fa'.
_FOREIGN_UNITS = (
    r"(?P<funit>jahren?|jahre|monaten?|monate|wochen?|tagen?|tage|stunden?|minuten?|sekunden?"
    r"|ans?|années?|mois|semaines?|jours?|heures?|secondes?"
    r"|años?|anos?|meses|mes|semanas?|días?|dias?|horas?|minutos?|segundos?"
    r"|anni|anno|mesi|settimane|settimana|giorni|giorno|ore|ora|minuti|minuto"
    r"|jaren|jaar|maanden|maand|weken|week|dagen|dag|uren|uur|minuut|seconden|seconde)"  # Dutch
)
_FOREIGN_COUNT = r"(?:\d+|an?|ein(?:em|er|en)?|une?|uno|una|um|uma|een)"
_FOREIGN_AGO = (
    r"(?:vor|il y a|hace|há)\s+"
    + _FOREIGN_COUNT
    + r"\s+"
    + _FOREIGN_UNITS
    + r"|"
    + _FOREIGN_COUNT
    + r"\s+"
    + _FOREIGN_UNITS
    + r"\s+(?:fa|atrás|geleden)"
)
_DAY_WORDS = (
    r"yesterday|today|just now|gestern|heute|hier|aujourd'hui|ayer|hoy|ontem|hoje|ieri|oggi|gisteren|vandaag"
)

# A weekday in brackets after a numeric date, as Japanese sites write it: 2024/6/1(土)
_PAREN_DAY = r"(?:\s*[(（](?:[月火水木金土日]|[A-Za-z]{2,3})[)）])"

# The shapes a date line can take; the line features match it with RE2.
DATE_PATTERN = (
    r"(?:(?:on|at|posted|published|updated|posted on|published on|am|le|el|em|il)\s+)?" + _WEEKDAY + r"?(?:"
    r"\d{1,2}(?:st|nd|rd|th|er)?\.?\s+(?:of\s+|de\s+)?" + _MONTH + r"(?:,?\s+(?:de\s+)?\d{2,4})?"
    r"|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4}|\s+'\d{2})?"
    r"|" + _MONTH + r"\s+\d{4}"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?:T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    + _PAREN_DAY
    + r"?"
    r"|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}"
    r"|\d{1,2}\.\s\d{1,2}\.\s\d{4}"  # Czech and Slovak: 3. 3. 2024
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"  # Chinese and Japanese: 2022年11月9日
    r")"
    + _TIME.replace("?P<hh>", "?:").replace("?P<mi>", "?:").replace("?P<ss>", "?:").replace("?P<ampm>", "?:")
    + r"?"
    r"|(?:about\s+|almost\s+|over\s+)?(?:an?|\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
    + _UNITS.replace("?P<unit>", "?:")
    + r"\s+ago"
    + r"|"
    + _FOREIGN_AGO.replace("?P<funit>", "?:")
    + r"|(?:"
    + _DAY_WORDS
    + r")(?:,?\s+(?:at|um|à|a las|às|alle)?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|uhr)?)?"
    r"|\d{1,3}\s?(?:y|yr|mo|w|wk|d|h|hr|m|min|s|j)\.?(?:\s+ago)?"
    r"|\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)"
)
# A calendar date with its year, after an optional weekday: how a page's date-author-tags line
# opens ('Sat 31 December 2016 Jane Doe python django').
FULL_DATE_PATTERN = (
    _WEEKDAY + r"?(?:\d{1,2}(?:st|nd|rd|th|er)?\.?\s+(?:of\s+|de\s+)?" + _MONTH + r",?\s+(?:de\s+)?\d{4}"
    r"|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{4}-\d{2}-\d{2})"
)
_DATE_LINE = re.compile(
    r"(?:" + DATE_PATTERN + r")(?:\s*[•·|]\s*edited(?: on .{1,30})?|\s*\(edited\))?", re.IGNORECASE
)

_ISO = re.compile(
    r"(\d{4})(?:[-/.]|\s*年\s*)(\d{1,2})(?:[-/.]|\s*月\s*)(\d{1,2})日?"
    + _PAREN_DAY
    + r"?(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
)
_DMY_DOTS = re.compile(r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})")
_NUMERIC = re.compile(r"(\d{1,2})[-/](\d{1,2})[-/](\d{4})")  # '07-19-2017', '19/07/2017'
_MDY = re.compile(
    r"(?P<mon>" + _MONTH + r")\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{4})|\s+'(?P<yy>\d{2}))?",
    re.I,
)
_DMY = re.compile(
    r"(?P<day>\d{1,2})(?:st|nd|rd|th|er)?\.?\s+(?:of\s+|de\s+)?(?P<mon>"
    + _MONTH
    + r")(?:,?\s+(?:de\s+)?(?P<year>\d{4}))?(?![\w])",
    re.I,
)
_CLOCK = re.compile(_TIME, re.I)  # matched right after the date: a later time is another date's
_AGO = re.compile(
    r"(?P<n>an?|\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+" + _UNITS + r"\s+ago", re.I
)
_SHORT = re.compile(r"(?P<n>\d{1,3})\s?(?P<unit>y|yr|mo|w|wk|d|h|hr|m|min|s)\.?(?:\s+ago)?", re.I)
_FOREIGN = re.compile(r"(?P<n>" + _FOREIGN_COUNT + r")\s+" + _FOREIGN_UNITS, re.I)
_FOREIGN_UNIT_KEYS = (  # unit word prefixes -> unit key
    ("jahr", "y"),
    ("an", "y"),
    ("ann", "y"),
    ("año", "y"),
    ("ano", "y"),
    ("mon", "mo"),
    ("mois", "mo"),
    ("mes", "mo"),
    ("woch", "w"),
    ("semai", "w"),
    ("seman", "w"),
    ("settim", "w"),
    ("tag", "d"),
    ("jour", "d"),
    ("día", "d"),
    ("dia", "d"),
    ("giorn", "d"),
    ("stund", "h"),
    ("heure", "h"),
    ("hora", "h"),
    ("ora", "h"),
    ("ore", "h"),
    ("jaar", "y"),
    ("jare", "y"),
    ("maand", "mo"),
    ("week", "w"),
    ("weke", "w"),
    ("dag", "d"),
    ("uur", "h"),
    ("uren", "h"),
    ("minu", "m"),
    ("sek", "s"),
    ("seco", "s"),
    ("segu", "s"),
)
_WORD_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_WORD_NUMBERS |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10}
_WORD_NUMBERS |= dict.fromkeys(
    ("ein", "einem", "einer", "einen", "un", "une", "uno", "una", "um", "uma", "een"), 1
)
_YESTERDAY = ("yesterday", "gestern", "hier", "ayer", "ontem", "ieri", "gisteren")
_TODAY = ("today", "heute", "aujourd'hui", "hoy", "hoje", "oggi", "vandaag")
_UNIT_SECONDS = {"y": 365 * 86400, "mo": 30 * 86400, "w": 7 * 86400, "d": 86400, "h": 3600, "m": 60, "s": 1}


def is_date(text: str) -> bool:
    """A date or time alone: '3 March 2021', 'March 3, 2021 at 9:14 am', '5 years ago', '11:20 PM'."""
    return len(text) <= 60 and _date_line(text)


@lru_cache(maxsize=32_768)
def _date_line(text: str) -> bool:
    """Remembered per text: the rules ask it of every short line, and a site's lines repeat."""
    return _DATE_LINE.fullmatch(text.strip()) is not None


def _unit_key(unit: str) -> str:
    unit = unit.lower()
    if unit.startswith("mo"):
        return "mo"
    if unit.startswith("mi") or unit == "m":
        return "m"
    return unit[0]


def _relative(text: str, ref: datetime | None) -> datetime | None:
    low = text.lower()
    if ref is None:
        return None
    if "just now" in low:
        return ref
    if low.startswith(_YESTERDAY + _TODAY):
        day = ref - timedelta(days=1) if low.startswith(_YESTERDAY) else ref
        clock = _CLOCK.search(low)
        return _with_clock(day.replace(hour=0, minute=0, second=0, microsecond=0), clock) if clock else day
    m = _AGO.search(low) or _SHORT.fullmatch(low)
    if not m:
        f = _FOREIGN.search(low)
        if not f:
            return None
        n, unit = f.group("n"), f.group("funit")
        key = next(
            k for prefix, k in sorted(_FOREIGN_UNIT_KEYS, key=lambda p: -len(p[0])) if unit.startswith(prefix)
        )
        count = _WORD_NUMBERS[n] if n in _WORD_NUMBERS else int(n)
        return ref - timedelta(seconds=count * _UNIT_SECONDS[key])
    n = m.group("n")
    count = _WORD_NUMBERS[n] if n in _WORD_NUMBERS else int(n)
    return ref - timedelta(seconds=count * _UNIT_SECONDS[_unit_key(m.group("unit"))])


def _with_clock(day: datetime, clock: re.Match[str] | None) -> datetime:
    if clock is None or clock.group("hh") is None:
        return day
    hour, minute = int(clock.group("hh")), int(clock.group("mi"))
    ampm = (clock.group("ampm") or "").replace(".", "").replace(" ", "").lower()
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    second = int(clock.group("ss") or 0)
    if hour > 23 or minute > 59 or second > 59:
        return day
    return day.replace(hour=hour, minute=minute, second=second)


def parse_date(text: str | None, ref: datetime | None = None) -> datetime | None:
    """A naive timestamp for a date as shown, or None when it is not a full date.

    A date without a year takes the scrape's year (or None without a scrape time); a time alone
    ('11:20 PM') is not a date.
    """
    if not text:
        return None
    text = text.strip()
    try:
        m = _ISO.search(text)
        if m:
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            day = datetime(y, mo, d)
            if m.group(4):
                day = day.replace(hour=int(m.group(4)), minute=int(m.group(5)), second=int(m.group(6) or 0))
            return day
        m = _DMY_DOTS.search(text)
        if m:
            day = datetime(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            return _with_clock(day, _CLOCK.match(text, m.end()))
        m = _NUMERIC.search(text)
        if m:  # day and month told apart only when one of them is over 12; else not a full date
            a, b, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if (a > 12) == (b > 12):
                return None
            day = datetime(y, b, a) if a > 12 else datetime(y, a, b)
            return _with_clock(day, _CLOCK.match(text, m.end()))
        m = _DMY.search(text) or _MDY.search(text)
        if m:
            mon = MONTHS[m.group("mon").lower().rstrip(".")]
            year_text = m.group("year") if "year" in m.groupdict() else None
            yy = m.groupdict().get("yy")
            if year_text:
                year = int(year_text)
            elif yy:
                year = 2000 + int(yy)
            elif ref is not None:
                year = ref.year
            else:
                return None
            day = datetime(year, mon, int(m.group("day")))
            return _with_clock(day, _CLOCK.match(text, m.end()))
    except ValueError:  # 31 February and friends
        return None
    return _relative(text, ref)
