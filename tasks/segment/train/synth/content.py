"""What generated pages say: real sentences, people's names and handles, dates in a page's style.

Sentences come from the main text of real pages of the training sites (the held-out sites'
words never reach a training page). Names are common given and family names per language and
made-up handles; dates are written the ways pages write them, absolute and relative.
"""

from __future__ import annotations

import gzip
import json
import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from tasks.segment.train.synth.vocab import LANGUAGES

FIRST = {
    "en": [
        "James",
        "Mary",
        "Robert",
        "Patricia",
        "John",
        "Jennifer",
        "Michael",
        "Linda",
        "David",
        "Elizabeth",
        "William",
        "Susan",
        "Richard",
        "Jessica",
        "Joseph",
        "Sarah",
        "Thomas",
        "Karen",
        "Chris",
        "Nancy",
        "Daniel",
        "Lisa",
        "Matthew",
        "Betty",
        "Anthony",
        "Sandra",
        "Mark",
        "Ashley",
        "Steven",
        "Emily",
        "Paul",
        "Donna",
        "Andrew",
        "Michelle",
        "Josh",
        "Kim",
        "Kevin",
        "Amy",
        "Brian",
        "Melissa",
        "Gary",
        "Rebecca",
        "Tim",
        "Laura",
        "Jason",
        "Helen",
        "Ryan",
        "Sharon",
    ],
    "de": [
        "Lukas",
        "Anna",
        "Leon",
        "Lea",
        "Finn",
        "Hannah",
        "Jonas",
        "Mia",
        "Paul",
        "Laura",
        "Felix",
        "Lena",
        "Maximilian",
        "Sophie",
        "Tim",
        "Julia",
        "Jan",
        "Sarah",
        "Niklas",
        "Katharina",
        "Moritz",
        "Johanna",
        "Stefan",
        "Sabine",
        "Thomas",
        "Petra",
        "Andreas",
        "Claudia",
        "Jürgen",
        "Ute",
        "Klaus",
        "Monika",
        "Wolfgang",
        "Birgit",
    ],
    "fr": [
        "Lucas",
        "Emma",
        "Hugo",
        "Léa",
        "Louis",
        "Chloé",
        "Gabriel",
        "Manon",
        "Arthur",
        "Camille",
        "Jules",
        "Sarah",
        "Nathan",
        "Inès",
        "Paul",
        "Julie",
        "Thomas",
        "Marie",
        "Nicolas",
        "Sophie",
        "Pierre",
        "Claire",
        "Julien",
        "Élodie",
        "Antoine",
        "Margaux",
        "Mathieu",
        "Aurélie",
    ],
    "es": [
        "Hugo",
        "Lucía",
        "Martín",
        "Sofía",
        "Pablo",
        "María",
        "Alejandro",
        "Paula",
        "Daniel",
        "Laura",
        "Javier",
        "Carmen",
        "Diego",
        "Ana",
        "Adrián",
        "Marta",
        "Sergio",
        "Elena",
        "Carlos",
        "Isabel",
        "Jorge",
        "Cristina",
        "Miguel",
        "Raquel",
        "Álvaro",
        "Rosa",
    ],
    "it": [
        "Leonardo",
        "Sofia",
        "Francesco",
        "Giulia",
        "Alessandro",
        "Aurora",
        "Lorenzo",
        "Alice",
        "Mattia",
        "Ginevra",
        "Andrea",
        "Chiara",
        "Gabriele",
        "Martina",
        "Marco",
        "Sara",
        "Luca",
        "Francesca",
        "Giuseppe",
        "Elena",
        "Matteo",
        "Valentina",
    ],
    "pt": [
        "Miguel",
        "Alice",
        "Arthur",
        "Helena",
        "Heitor",
        "Laura",
        "Bernardo",
        "Valentina",
        "Davi",
        "Manuela",
        "Gabriel",
        "Júlia",
        "Pedro",
        "Beatriz",
        "João",
        "Mariana",
        "Lucas",
        "Ana",
        "Rafael",
        "Camila",
        "Tiago",
        "Fernanda",
    ],
    "nl": [
        "Daan",
        "Emma",
        "Sem",
        "Julia",
        "Lucas",
        "Mila",
        "Levi",
        "Tess",
        "Finn",
        "Sophie",
        "Jesse",
        "Zoë",
        "Thijs",
        "Sara",
        "Bram",
        "Anna",
        "Ruben",
        "Eva",
        "Lars",
        "Lotte",
        "Joost",
        "Femke",
    ],
    "pl": [
        "Jan",
        "Zuzanna",
        "Jakub",
        "Julia",
        "Antoni",
        "Zofia",
        "Filip",
        "Hanna",
        "Szymon",
        "Maja",
        "Kacper",
        "Lena",
        "Michał",
        "Alicja",
        "Piotr",
        "Anna",
        "Tomasz",
        "Katarzyna",
        "Paweł",
        "Agnieszka",
        "Marek",
        "Ewa",
    ],
    "ru": [
        "Александр",
        "Анна",
        "Дмитрий",
        "Мария",
        "Максим",
        "Елена",
        "Сергей",
        "Ольга",
        "Андрей",
        "Татьяна",
        "Алексей",
        "Наталья",
        "Иван",
        "Ирина",
        "Михаил",
        "Екатерина",
        "Николай",
        "Светлана",
    ],
    "id": [
        "Budi",
        "Siti",
        "Agus",
        "Dewi",
        "Andi",
        "Sri",
        "Rizky",
        "Putri",
        "Dimas",
        "Ayu",
        "Fajar",
        "Indah",
        "Eko",
        "Rina",
        "Hendra",
        "Wulan",
        "Yusuf",
        "Nur",
    ],
}
LAST = {
    "en": [
        "Smith",
        "Johnson",
        "Williams",
        "Brown",
        "Jones",
        "Garcia",
        "Miller",
        "Davis",
        "Wilson",
        "Anderson",
        "Taylor",
        "Thomas",
        "Moore",
        "Jackson",
        "Martin",
        "Lee",
        "Thompson",
        "White",
        "Harris",
        "Clark",
        "Lewis",
        "Walker",
        "Hall",
        "Young",
        "King",
        "Wright",
        "Scott",
        "Green",
        "Baker",
        "Adams",
        "Nelson",
        "Hill",
        "Campbell",
        "Mitchell",
        "Carter",
        "Roberts",
        "Okafor",
        "Nguyen",
        "Patel",
        "Kowalski",
    ],
    "de": [
        "Müller",
        "Schmidt",
        "Schneider",
        "Fischer",
        "Weber",
        "Meyer",
        "Wagner",
        "Becker",
        "Schulz",
        "Hoffmann",
        "Koch",
        "Richter",
        "Klein",
        "Wolf",
        "Schröder",
        "Neumann",
        "Schwarz",
        "Braun",
        "Zimmermann",
        "Hartmann",
        "Krüger",
        "Lange",
        "Werner",
        "Krause",
    ],
    "fr": [
        "Martin",
        "Bernard",
        "Dubois",
        "Thomas",
        "Robert",
        "Richard",
        "Petit",
        "Durand",
        "Leroy",
        "Moreau",
        "Simon",
        "Laurent",
        "Lefebvre",
        "Michel",
        "Garcia",
        "David",
        "Bertrand",
        "Roux",
        "Vincent",
        "Fournier",
        "Morel",
        "Girard",
    ],
    "es": [
        "García",
        "Fernández",
        "González",
        "Rodríguez",
        "López",
        "Martínez",
        "Sánchez",
        "Pérez",
        "Gómez",
        "Martín",
        "Jiménez",
        "Ruiz",
        "Hernández",
        "Díaz",
        "Moreno",
        "Muñoz",
        "Álvarez",
        "Romero",
        "Navarro",
        "Torres",
    ],
    "it": [
        "Rossi",
        "Russo",
        "Ferrari",
        "Esposito",
        "Bianchi",
        "Romano",
        "Colombo",
        "Ricci",
        "Marino",
        "Greco",
        "Bruno",
        "Gallo",
        "Conti",
        "De",
        "Luca",
        "Mancini",
        "Costa",
        "Giordano",
        "Rizzo",
        "Lombardi",
        "Moretti",
    ],
    "pt": [
        "Silva",
        "Santos",
        "Oliveira",
        "Souza",
        "Rodrigues",
        "Ferreira",
        "Alves",
        "Pereira",
        "Lima",
        "Gomes",
        "Costa",
        "Ribeiro",
        "Martins",
        "Carvalho",
        "Almeida",
        "Lopes",
        "Soares",
        "Fernandes",
    ],
    "nl": [
        "de",
        "Jong",
        "Jansen",
        "de",
        "Vries",
        "van",
        "den",
        "Berg",
        "van",
        "Dijk",
        "Bakker",
        "Janssen",
        "Visser",
        "Smit",
        "Meijer",
        "de",
        "Boer",
        "Mulder",
        "de",
        "Groot",
        "Bos",
        "Vos",
        "Peters",
        "Hendriks",
    ],
    "pl": [
        "Nowak",
        "Kowalski",
        "Wiśniewski",
        "Wójcik",
        "Kowalczyk",
        "Kamiński",
        "Lewandowski",
        "Zieliński",
        "Szymański",
        "Woźniak",
        "Dąbrowski",
        "Kozłowski",
        "Jankowski",
        "Mazur",
    ],
    "ru": [
        "Иванов",
        "Смирнов",
        "Кузнецов",
        "Попов",
        "Васильев",
        "Петров",
        "Соколов",
        "Михайлов",
        "Новиков",
        "Фёдоров",
        "Морозов",
        "Волков",
        "Алексеев",
        "Лебедев",
    ],
    "id": [
        "Santoso",
        "Wijaya",
        "Saputra",
        "Hidayat",
        "Setiawan",
        "Kurniawan",
        "Pratama",
        "Nugroho",
        "Susanto",
        "Gunawan",
        "Halim",
        "Siregar",
    ],
}
_HANDLE_A = [
    "blue",
    "dark",
    "red",
    "old",
    "wild",
    "quiet",
    "lazy",
    "happy",
    "grumpy",
    "free",
    "true",
    "real",
    "lost",
    "north",
    "south",
    "iron",
    "silver",
    "golden",
    "rusty",
    "crazy",
]
_HANDLE_B = [
    "fox",
    "wolf",
    "bear",
    "owl",
    "hawk",
    "tiger",
    "river",
    "stone",
    "patriot",
    "reader",
    "thinker",
    "voter",
    "farmer",
    "skeptic",
    "citizen",
    "observer",
    "guy",
    "gal",
    "cat",
    "dog",
]


def person(rng: random.Random, lang: str) -> str:
    """A display name as comment systems show them: full names, first names, handles."""
    lang = lang if lang in FIRST else "en"
    r = rng.random()
    first, last = rng.choice(FIRST[lang]), rng.choice(LAST[lang])
    if r < 0.45:
        return f"{first} {last}"
    if r < 0.55:
        return first
    if r < 0.62:
        return f"{first} {last[0]}."
    if r < 0.68:
        return f"{first[0]}. {last}"
    if r < 0.85:
        a, b = rng.choice(_HANDLE_A), rng.choice(_HANDLE_B)
        style = rng.randrange(5)
        num = str(rng.randrange(1, 2000)) if rng.random() < 0.5 else ""
        return [
            f"{a}{b}{num}",
            f"{a.title()}{b.title()}{num}",
            f"{a}_{b}{num}",
            f"{first.lower()}{num or '77'}",
            f"The{b.title()}",
        ][style]
    if r < 0.92:
        return f"{first} {rng.choice(LAST[lang])}-{last}" if lang in ("es", "de") else f"{first} {last}"
    return f"{first}{rng.choice(['', ' '])}{last}".lower() if rng.random() < 0.5 else first.upper()


@dataclass
class DateStyle:
    """How one page writes dates: the same style for every comment on it."""

    kind: str  # long | short | numeric_dmy | numeric_mdy | iso | ago | short_ago | mixed
    with_time: bool
    clock24: bool


def date_style(rng: random.Random) -> DateStyle:
    kind = rng.choice(
        ["long", "long", "short", "numeric_dmy", "numeric_mdy", "iso", "ago", "ago", "short_ago", "mixed"]
    )
    return DateStyle(kind, rng.random() < 0.5, rng.random() < 0.5)


def write_date(rng: random.Random, lang: str, when: datetime, style: DateStyle, now: datetime) -> str:
    v = LANGUAGES.get(lang, LANGUAGES["en"])
    kind = style.kind if style.kind != "mixed" else rng.choice(["long", "ago"])
    if kind in ("ago", "short_ago"):
        delta = now - when
        days = max(delta.days, 0)
        if days >= 365:
            n, i = days // 365, 0
        elif days >= 30:
            n, i = days // 30, 1
        elif days >= 1:
            n, i = days, 2
        else:
            n, i = max(delta.seconds // 3600, 1), 3
        if kind == "short_ago":
            forms = v["short_ago"]
            return forms[min(i, len(forms) - 1)].format(n=n)
        forms = v["ago"]
        return forms[min(i if i < 2 else i + (1 if i == 3 else 0), len(forms) - 1)].format(n=n)
    clock = ""
    if style.with_time:
        if style.clock24 or lang != "en":
            clock = f"{when.hour:02d}:{when.minute:02d}"
        else:
            h = when.hour % 12 or 12
            clock = f"{h}:{when.minute:02d} {'am' if when.hour < 12 else 'pm'}"
            clock = clock.upper() if rng.random() < 0.4 else clock
    month, mon = v["months"][when.month - 1], v["mon"][when.month - 1]
    if kind == "long":
        if lang == "en":
            text = rng.choice([f"{month} {when.day}, {when.year}", f"{when.day} {month} {when.year}"])
        elif lang == "de":
            text = f"{when.day}. {month} {when.year}"
        elif lang in ("es", "pt"):
            text = f"{when.day} de {month} de {when.year}"
        else:
            text = f"{when.day} {month} {when.year}"
    elif kind == "short":
        text = f"{mon} {when.day}, {when.year}" if lang == "en" else f"{when.day} {mon} {when.year}"
    elif kind == "numeric_dmy":
        sep = rng.choice([".", "/", "-"]) if lang != "de" else "."
        text = f"{when.day:02d}{sep}{when.month:02d}{sep}{when.year}"
    elif kind == "numeric_mdy":
        text = f"{when.month}/{when.day}/{when.year}"
    else:
        text = f"{when.year}-{when.month:02d}-{when.day:02d}"
    if clock:
        joiner = (
            rng.choice([" ", ", ", f" {v['at'][0]} ", " - ", " | "]) if lang == "en" else f" {v['at'][0]} "
        )
        text = f"{text}{joiner}{clock}"
    return text


def random_time(rng: random.Random, start: datetime, days: int) -> datetime:
    return start + timedelta(seconds=rng.randrange(max(days, 1) * 86400))


_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=[A-ZÀ-ÝА-Я\"“„«])")


class SentencePool:
    """Sentences of real main texts, by language, drawn in a seeded order."""

    def __init__(self, by_lang: dict[str, list[str]]) -> None:
        self.by_lang = {k: v for k, v in by_lang.items() if len(v) >= 20}

    def sentences(self, rng: random.Random, lang: str, k: int) -> list[str]:
        pool = self.by_lang.get(lang) or self.by_lang.get("en") or next(iter(self.by_lang.values()))
        start = rng.randrange(len(pool))
        if rng.random() < 0.7:  # a run of neighbouring sentences reads like one text
            return [pool[(start + i) % len(pool)] for i in range(k)]
        return [rng.choice(pool) for _ in range(k)]

    def save(self, path: Path) -> None:
        path.write_bytes(gzip.compress(json.dumps(self.by_lang, ensure_ascii=False).encode()))

    @classmethod
    def load(cls, path: Path) -> SentencePool:
        return cls(json.loads(gzip.decompress(path.read_bytes())))

    @staticmethod
    def split(text: str) -> list[str]:
        out = []
        for para in text.split("\n"):
            for s in _SENTENCE.split(para.strip()):
                s = " ".join(s.split())
                if 25 <= len(s) <= 300 and s[-1:] in '.!?…"”»' and not s.isupper():
                    out.append(s)
        return out
