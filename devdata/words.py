"""What generated pages say: sentences from a small grammar, people's names, dates, site names.

Everything is drawn from a seeded `random.Random`, so a seed gives the same page every time.
Four languages, so that chrome words and dates are not all English.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

LANGS = ("en", "en", "en", "en", "de", "fr", "es")

_GRAMMAR = {
    "en": {
        "subject": [
            "The council",
            "The city's mayor",
            "A spokesperson for the ministry",
            "Local residents",
            "The regional transport office",
            "Engineers on the project",
            "The school board",
            "Several shop owners",
            "The opposition leader",
            "A group of volunteers",
            "The hospital's director",
            "Farmers in the valley",
            "The football club",
            "Researchers at the university",
            "The new owner",
            "Police officers",
            "The festival organisers",
            "A court in the capital",
            "The water company",
            "Two neighbouring towns",
        ],
        "verb": [
            "approved",
            "rejected",
            "announced",
            "criticised",
            "postponed",
            "welcomed",
            "reviewed",
            "defended",
            "questioned",
            "presented",
            "funded",
            "delayed",
            "expanded",
            "described",
            "challenged",
            "promised",
            "discussed",
            "published",
            "inspected",
            "completed",
        ],
        "object": [
            "a plan to rebuild the old harbour wall",
            "the budget for next year",
            "new rules for parking in the centre",
            "a proposal to close the library on Mondays",
            "the results of a survey of young families",
            "the first phase of the railway upgrade",
            "a report on air quality near the schools",
            "changes to the waste collection schedule",
            "the design of the new sports hall",
            "an agreement with the regional government",
            "the decision to raise ticket prices",
            "a scheme to plant two thousand trees",
            "the cost of repairing the bridge",
            "plans for a night market by the river",
            "the contract for the ferry service",
        ],
        "tail": [
            "on Tuesday",
            "after a long debate",
            "despite strong objections",
            "earlier this month",
            "in a statement on Friday",
            "at a public meeting",
            "for the second time this year",
            "without giving a date",
            "after months of talks",
            "in front of a packed hall",
            "before the summer break",
            "according to local reports",
        ],
        "opinion": [
            "I think",
            "Honestly,",
            "In my view",
            "As someone who lives nearby,",
            "Frankly",
            "I doubt that",
            "It seems to me that",
            "My family agrees that",
            "Good to see that",
            "Hard to believe that",
        ],
        "short": [
            "Agreed.",
            "Well said!",
            "Thanks for the update.",
            "This is great news.",
            "Not convinced at all.",
            "About time!",
            "Spot on.",
            "Who is paying for this?",
            "Exactly my thoughts.",
            "Interesting read, thanks.",
        ],
    },
    "de": {
        "subject": [
            "Der Stadtrat",
            "Die Bürgermeisterin",
            "Ein Sprecher des Ministeriums",
            "Viele Anwohner",
            "Das Verkehrsamt",
            "Die Ingenieure",
            "Der Schulausschuss",
            "Mehrere Ladenbesitzer",
            "Die Opposition",
            "Eine Gruppe Freiwilliger",
            "Der Klinikdirektor",
            "Die Landwirte im Tal",
        ],
        "verb": [
            "genehmigte",
            "kritisierte",
            "verschob",
            "begrüßte",
            "prüfte",
            "verteidigte",
            "präsentierte",
            "finanzierte",
            "erweiterte",
            "beschrieb",
            "versprach",
            "veröffentlichte",
        ],
        "object": [
            "den Plan für die neue Hafenmauer",
            "den Haushalt für das nächste Jahr",
            "neue Regeln für das Parken in der Innenstadt",
            "die Ergebnisse einer Umfrage unter Familien",
            "den Ausbau der Bahnstrecke",
            "einen Bericht über die Luftqualität",
            "die Pläne für eine neue Sporthalle",
            "die Kosten für die Reparatur der Brücke",
            "einen Vertrag für den Fährbetrieb",
        ],
        "tail": [
            "am Dienstag",
            "nach langer Debatte",
            "trotz heftiger Einwände",
            "Anfang des Monats",
            "in einer Mitteilung am Freitag",
            "auf einer öffentlichen Sitzung",
            "nach monatelangen Gesprächen",
            "vor der Sommerpause",
        ],
        "opinion": [
            "Ich finde,",
            "Ehrlich gesagt",
            "Meiner Meinung nach",
            "Als Anwohner sehe ich es so:",
            "Ich bezweifle, dass",
            "Schön zu sehen, dass",
        ],
        "short": [
            "Stimmt genau.",
            "Gut gesagt!",
            "Danke für den Bericht.",
            "Endlich!",
            "Wer soll das bezahlen?",
            "Sehr interessant.",
        ],
    },
    "fr": {
        "subject": [
            "Le conseil municipal",
            "La maire",
            "Un porte-parole du ministère",
            "Les habitants du quartier",
            "L'office des transports",
            "Les ingénieurs du chantier",
            "Le conseil d'école",
            "Plusieurs commerçants",
            "L'opposition",
            "Un groupe de bénévoles",
            "Le directeur de l'hôpital",
            "Les agriculteurs de la vallée",
        ],
        "verb": [
            "a approuvé",
            "a rejeté",
            "a annoncé",
            "a critiqué",
            "a reporté",
            "a salué",
            "a examiné",
            "a défendu",
            "a présenté",
            "a financé",
            "a promis",
            "a publié",
        ],
        "object": [
            "le projet de reconstruction du vieux port",
            "le budget de l'année prochaine",
            "de nouvelles règles de stationnement",
            "les résultats d'une enquête auprès des familles",
            "la modernisation de la ligne ferroviaire",
            "un rapport sur la qualité de l'air",
            "les plans de la nouvelle salle de sport",
            "le coût de la réparation du pont",
            "un contrat pour le service de ferry",
        ],
        "tail": [
            "mardi",
            "après un long débat",
            "malgré de vives objections",
            "au début du mois",
            "dans un communiqué vendredi",
            "lors d'une réunion publique",
            "après des mois de discussions",
            "avant la pause estivale",
        ],
        "opinion": [
            "Je pense que",
            "Franchement,",
            "À mon avis,",
            "En tant que voisin,",
            "Je doute que",
            "Bonne nouvelle :",
        ],
        "short": [
            "Tout à fait d'accord.",
            "Bien dit !",
            "Merci pour l'article.",
            "Enfin !",
            "Qui va payer ?",
            "Très intéressant.",
        ],
    },
    "es": {
        "subject": [
            "El ayuntamiento",
            "La alcaldesa",
            "Un portavoz del ministerio",
            "Los vecinos del barrio",
            "La oficina de transportes",
            "Los ingenieros de la obra",
            "El consejo escolar",
            "Varios comerciantes",
            "La oposición",
            "Un grupo de voluntarios",
            "El director del hospital",
            "Los agricultores del valle",
        ],
        "verb": [
            "aprobó",
            "rechazó",
            "anunció",
            "criticó",
            "aplazó",
            "celebró",
            "revisó",
            "defendió",
            "presentó",
            "financió",
            "prometió",
            "publicó",
        ],
        "object": [
            "el plan para reconstruir el viejo puerto",
            "el presupuesto del próximo año",
            "nuevas normas de aparcamiento en el centro",
            "los resultados de una encuesta a familias",
            "la mejora de la línea de tren",
            "un informe sobre la calidad del aire",
            "los planos del nuevo polideportivo",
            "el coste de reparar el puente",
            "un contrato para el servicio de ferry",
        ],
        "tail": [
            "el martes",
            "tras un largo debate",
            "pese a las fuertes objeciones",
            "a principios de mes",
            "en un comunicado el viernes",
            "en una reunión pública",
            "tras meses de negociaciones",
            "antes del verano",
        ],
        "opinion": [
            "Creo que",
            "Sinceramente,",
            "En mi opinión,",
            "Como vecino,",
            "Dudo que",
            "Qué bien que",
        ],
        "short": [
            "Totalmente de acuerdo.",
            "¡Bien dicho!",
            "Gracias por la noticia.",
            "¡Por fin!",
            "¿Quién lo paga?",
            "Muy interesante.",
        ],
    },
}

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
        "Emily",
        "Paul",
        "Donna",
        "Andrew",
        "Michelle",
        "Kevin",
        "Amy",
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
        "Stefan",
        "Sabine",
        "Thomas",
        "Petra",
        "Andreas",
        "Claudia",
        "Jürgen",
        "Ute",
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
        "Julie",
        "Pierre",
        "Claire",
        "Julien",
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
        "Moore",
        "Jackson",
        "Martin",
        "Lee",
        "Thompson",
        "White",
        "Harris",
        "Clark",
        "Walker",
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
        "Jiménez",
        "Ruiz",
        "Hernández",
        "Díaz",
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
    "rusty",
]
_HANDLE_B = [
    "fox",
    "wolf",
    "bear",
    "owl",
    "hawk",
    "river",
    "stone",
    "reader",
    "thinker",
    "voter",
    "farmer",
    "skeptic",
    "citizen",
    "observer",
    "cat",
]

PLACEHOLDERS = {
    "en": ["Anonymous", "Guest"],
    "de": ["Gast", "Anonym"],
    "fr": ["Anonyme", "Invité"],
    "es": ["Anónimo"],
}

MONTHS = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "de": [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
}

SITE_WORDS = [
    "Daily",
    "Valley",
    "Ledger",
    "Herald",
    "Gazette",
    "Post",
    "Times",
    "Courier",
    "Chronicle",
    "Observer",
    "Tribune",
    "Review",
    "Monitor",
    "Dispatch",
    "Journal",
    "Bulletin",
    "Record",
    "Echo",
    "Signal",
    "Beacon",
    "Sentinel",
    "Insider",
]
PLACES = [
    "Harbourside",
    "Millbrook",
    "Eastfield",
    "Northgate",
    "Riverton",
    "Ashford",
    "Kingsbay",
    "Westmoor",
    "Lakeside",
    "Brookhaven",
]

# Words of the page and comment-section chrome, per language.
SAY = {
    "en": {
        "reply": "Reply",
        "like": "Like",
        "report": "Report",
        "share": "Share",
        "comments": "Comments",
        "n_comments": "{n} Comments",
        "leave": "Leave a Reply",
        "sort": "Sort by Newest",
        "more": "Load more comments",
        "ago": "{n} {unit} ago",
        "units": ("minutes", "hours", "days"),
        "by": "By",
        "at": "at",
        "login": "Log in to comment",
        "first": "Be the first to comment",
    },
    "de": {
        "reply": "Antworten",
        "like": "Gefällt mir",
        "report": "Melden",
        "share": "Teilen",
        "comments": "Kommentare",
        "n_comments": "{n} Kommentare",
        "leave": "Schreibe einen Kommentar",
        "sort": "Neueste zuerst",
        "more": "Weitere Kommentare laden",
        "ago": "vor {n} {unit}",
        "units": ("Minuten", "Stunden", "Tagen"),
        "by": "Von",
        "at": "um",
        "login": "Anmelden zum Kommentieren",
        "first": "Schreibe den ersten Kommentar",
    },
    "fr": {
        "reply": "Répondre",
        "like": "J'aime",
        "report": "Signaler",
        "share": "Partager",
        "comments": "Commentaires",
        "n_comments": "{n} commentaires",
        "leave": "Laisser un commentaire",
        "sort": "Trier par date",
        "more": "Afficher plus de commentaires",
        "ago": "il y a {n} {unit}",
        "units": ("minutes", "heures", "jours"),
        "by": "Par",
        "at": "à",
        "login": "Connectez-vous pour commenter",
        "first": "Soyez le premier à commenter",
    },
    "es": {
        "reply": "Responder",
        "like": "Me gusta",
        "report": "Denunciar",
        "share": "Compartir",
        "comments": "Comentarios",
        "n_comments": "{n} comentarios",
        "leave": "Deja un comentario",
        "sort": "Ordenar por fecha",
        "more": "Cargar más comentarios",
        "ago": "hace {n} {unit}",
        "units": ("minutos", "horas", "días"),
        "by": "Por",
        "at": "a las",
        "login": "Inicia sesión para comentar",
        "first": "Sé el primero en comentar",
    },
}
NAV = {
    "en": [
        "Home",
        "News",
        "World",
        "Politics",
        "Business",
        "Tech",
        "Science",
        "Sport",
        "Culture",
        "Opinion",
        "Video",
        "Podcasts",
        "Weather",
    ],
    "de": [
        "Startseite",
        "Nachrichten",
        "Welt",
        "Politik",
        "Wirtschaft",
        "Sport",
        "Kultur",
        "Meinung",
        "Video",
        "Wetter",
    ],
    "fr": [
        "Accueil",
        "Actualités",
        "Monde",
        "Politique",
        "Économie",
        "Sport",
        "Culture",
        "Opinions",
        "Vidéo",
        "Météo",
    ],
    "es": [
        "Portada",
        "Noticias",
        "Mundo",
        "Política",
        "Economía",
        "Deportes",
        "Cultura",
        "Opinión",
        "Vídeo",
        "Tiempo",
    ],
}


def sentence(rng: random.Random, lang: str) -> str:
    g = _GRAMMAR[lang]
    parts = [rng.choice(g["subject"]), rng.choice(g["verb"]), rng.choice(g["object"])]
    if rng.random() < 0.7:
        parts.append(rng.choice(g["tail"]))
    return " ".join(parts) + "."


def paragraph(rng: random.Random, lang: str, lo: int = 2, hi: int = 5) -> str:
    return " ".join(sentence(rng, lang) for _ in range(rng.randint(lo, hi)))


def comment_paragraphs(rng: random.Random, lang: str) -> list[str]:
    g = _GRAMMAR[lang]
    r = rng.random()
    if r < 0.15:
        return [rng.choice(g["short"])]
    said = sentence(rng, lang)
    first = f"{rng.choice(g['opinion'])} {said[0].lower()}{said[1:]}"
    if r < 0.75:
        return [first if rng.random() < 0.6 else paragraph(rng, lang, 1, 2)]
    return [first] + [paragraph(rng, lang, 1, 3) for _ in range(rng.randint(1, 2))]


def headline(rng: random.Random, lang: str) -> str:
    words = sentence(rng, lang).rstrip(".").split()
    return " ".join(words[: rng.randint(5, 11)]).rstrip(",;:")


def person(rng: random.Random, lang: str) -> str:
    """A display name as comment systems show them: full names, first names, handles."""
    first, last = rng.choice(FIRST[lang]), rng.choice(LAST[lang])
    r = rng.random()
    if r < 0.45:
        return f"{first} {last}"
    if r < 0.55:
        return first
    if r < 0.62:
        return f"{first} {last[0]}."
    if r < 0.9:
        a, b = rng.choice(_HANDLE_A), rng.choice(_HANDLE_B)
        num = str(rng.randrange(1, 2000)) if rng.random() < 0.5 else ""
        return rng.choice(
            [f"{a}{b}{num}", f"{a.title()}{b.title()}{num}", f"{a}_{b}{num}", f"{first.lower()}{num}"]
        )
    return f"{first}{last}".lower()


def site_name(rng: random.Random) -> str:
    name = " ".join(rng.sample(SITE_WORDS, rng.choice([1, 2, 2])))
    if rng.random() < 0.5:
        name = f"{rng.choice(PLACES)} {name}"
    return ("The " + name) if rng.random() < 0.3 else name


def write_date(
    rng: random.Random, lang: str, when: datetime, now: datetime, style: str
) -> tuple[str, str | None]:
    """(the date as the page shows it, YYYY-MM-DD when it is absolute)."""
    s = SAY[lang]
    if style == "ago":
        delta = max(now - when, timedelta(minutes=1))
        if delta.days >= 1:
            n, unit = delta.days, s["units"][2]
        elif delta.seconds >= 3600:
            n, unit = delta.seconds // 3600, s["units"][1]
        else:
            n, unit = max(delta.seconds // 60, 1), s["units"][0]
        return s["ago"].format(n=n, unit=unit), None
    month = MONTHS[lang][when.month - 1]
    clock = f"{when.hour:02d}:{when.minute:02d}"
    if lang == "en":
        h = when.hour % 12 or 12
        ampm = f"{h}:{when.minute:02d} {'am' if when.hour < 12 else 'pm'}"
        text = {
            "long": f"{month} {when.day}, {when.year} {s['at']} {ampm}",
            "short": f"{month[:3]} {when.day}, {when.year}",
            "dmy": f"{when.day} {month} {when.year}",
            "iso": f"{when.year}-{when.month:02d}-{when.day:02d} {clock}",
        }[style]
    elif lang == "de":
        text = {
            "long": f"{when.day}. {month} {when.year} {s['at']} {clock}",
            "short": f"{when.day:02d}.{when.month:02d}.{when.year}",
            "dmy": f"{when.day}. {month} {when.year}",
            "iso": f"{when.day:02d}.{when.month:02d}.{when.year} {clock}",
        }[style]
    else:
        de = " de " if lang == "es" else " "
        text = {
            "long": f"{when.day}{de}{month}{de}{when.year} {s['at']} {clock}",
            "short": f"{when.day:02d}/{when.month:02d}/{when.year}"
            if when.day > 12
            else f"{when.day}{de}{month}{de}{when.year}",
            "dmy": f"{when.day}{de}{month}{de}{when.year}",
            "iso": f"{when.year}-{when.month:02d}-{when.day:02d} {clock}",
        }[style]
    return text, when.date().isoformat()


_TEASER_A = ["Ten", "Five", "Seven", "Three", "Twelve"]
_TEASER_B = [
    "recipes for rainy weekends",
    "cheap ways to heat a flat",
    "walks along the northern coast",
    "podcasts about old maps",
    "tips for growing tomatoes indoors",
    "films that deserve a sequel",
    "questions about pension reform",
    "cafés with the best pastries",
]
_TEASER_C = [
    "Watch: a glassblower at work in the old mill",
    "Quiz of the week: how well do you know the harbour?",
    "Opinion: why we should all learn to mend clothes",
    "Live: cycling race crosses the mountain pass",
    "Pictures: lanterns light up the winter fair",
    "Explained: what the new tariff means for you",
    "Obituary: a lighthouse keeper remembered",
    "Review: the musical everyone is humming",
]


def teaser(rng: random.Random) -> str:
    """A headline of another story (related, trending, most read): never a sentence of the article."""
    if rng.random() < 0.5:
        return rng.choice(_TEASER_C)
    return f"{rng.choice(_TEASER_A)} {rng.choice(_TEASER_B)}"
