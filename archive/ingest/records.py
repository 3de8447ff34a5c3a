"""Plain data that crosses from the parser to the loader and to `extract --format json`.

Every fact keeps the sentence it was read from and says how surely it was read (`confidence`,
"strong" or "weak", decided by the rule that read it); `reviewed` is set by the desk when an
editor confirms the fact, never by the parser.
"""

import datetime as dt
from dataclasses import asdict, dataclass, field

from archive.vocabulary import ROLES, WEAK

ROLE_ORDER = tuple(role.code for role in ROLES)


@dataclass
class ParsedParticipant:
    name: str
    rank: str | None = None
    titles: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    role_sentences: dict[str, str] = field(default_factory=dict)
    person_id: int | None = None  # an editor's choice of an existing person
    confidence: str = WEAK
    reviewed: bool = False

    @property
    def sentence(self):
        """The sentence the participant was first read in."""
        return self.sentences[0] if self.sentences else ""

    def add_titles(self, titles):
        for title in titles:
            if not any(known == title or known.startswith(title) for known in self.titles):
                self.titles.append(title)

    def add_roles(self, roles, sentence):
        self.roles = [r for r in ROLE_ORDER if r in set(self.roles) | set(roles)]
        for role in roles:
            self.role_sentences.setdefault(role, sentence)
        if sentence not in self.sentences:
            self.sentences.append(sentence)


@dataclass
class ParsedOrganisation:
    name: str
    abbreviation: str = ""
    kind: str = "other"
    parent: str | None = None


@dataclass
class ParsedAward:
    kind: str
    giver: str
    collectives: int | None = None
    individuals: int | None = None
    category: str = "other"
    sentence: str = ""
    confidence: str = WEAK
    reviewed: bool = False


@dataclass
class ParsedStatistic:
    label: str
    value: int | float
    unit: str
    qualifier: str = ""
    sentence: str = ""
    confidence: str = WEAK
    reviewed: bool = False


@dataclass
class ParsedEvent:
    title: str
    kind: str
    date: dt.date | None = None
    date_precision: str = ""
    period: tuple[int, int] | None = None
    period_label: str = ""
    place: str = ""
    province: str | None = None
    participants: list[ParsedParticipant] = field(default_factory=list)
    organisations: list[ParsedOrganisation] = field(default_factory=list)
    awards: list[ParsedAward] = field(default_factory=list)
    statistics: list[ParsedStatistic] = field(default_factory=list)


@dataclass
class ParsedArticle:
    text: str
    key: str | None = None
    file: str | None = None
    title: str | None = None
    publisher: str = ""
    url: str = ""
    published: dt.datetime | None = None
    byline: str | None = None
    captions: list[str] = field(default_factory=list)
    events: list[ParsedEvent] = field(default_factory=list)

    def to_json(self):
        """The `extract --format json` shape: dates as ISO strings, sentences and the desk's
        `reviewed` left out."""
        return {
            "file": self.file,
            "key": self.key,
            "title": self.title,
            "publisher": self.publisher,
            "url": self.url,
            "published": self.published.date().isoformat() if self.published else None,
            "byline": self.byline,
            "captions": self.captions,
            "events": [event_json(event) for event in self.events],
        }


NOT_IN_JSON = {"sentence", "reviewed"}


def event_json(event):
    return {
        "title": event.title,
        "kind": event.kind,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision or None,
        "period": list(event.period) if event.period else None,
        "period_label": event.period_label,
        "place": event.place,
        "province": event.province,
        "participants": [
            {
                "name": p.name,
                "rank": p.rank,
                "titles": p.titles,
                "roles": p.roles,
                "confidence": p.confidence,
            }
            for p in event.participants
        ],
        "organisations": [o.name for o in event.organisations],
        "awards": [
            {
                k: (v or None) if k == "giver" else v
                for k, v in asdict(a).items()
                if k not in NOT_IN_JSON
            }
            for a in event.awards
        ],
        "statistics": [
            {k: v for k, v in asdict(s).items() if k not in NOT_IN_JSON} for s in event.statistics
        ],
    }
