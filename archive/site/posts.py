"""Who held which post, as the reports show it.

A title as one report writes it ("Chủ tịch UBND tỉnh") is a post once the body it names is read
with the extraction's organisation patterns, in the province of the report: "Chủ tịch" of
"Ủy ban nhân dân tỉnh Bắc Kạn". A bare "Quân khu" is the military region of that province, as
for award givers. A title that names no body ("Bí thư Đảng ủy") is no post: it could be any.
A post's key is its folded slug, so tone-mark and diacritic variants are one post."""

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from django.urls import reverse

from archive.ingest.organisations import military_region_of, organisation_mentions
from archive.models import Participation
from archive.site.issuers import BARE_REGION
from archive.text import canonical, nfc, slugify_vi, sort_key


@dataclass(frozen=True)
class PostName:
    slug: str
    position: str  # as the report wrote it: "Phó Chủ tịch"
    organisation: str  # canonical: "Ủy ban nhân dân tỉnh Bắc Kạn"

    @property
    def name(self):
        return f"{self.position} {self.organisation}"


@lru_cache(maxsize=50_000)
def post_of(title, province):
    """The post a title names in a report of `province`, or None."""
    title = " ".join(nfc(title).split())
    mentions = organisation_mentions(title, province)
    if mentions:
        start, _end, organisation, _spec = mentions[0]
    else:
        bare = BARE_REGION.search(canonical(title))
        organisation = military_region_of(province) if bare else None
        if not organisation:
            return None
        start = bare.start()
    position = title[:start].strip(" ,;:-–")
    if not position:
        return None
    return PostName(slugify_vi(f"{position} {organisation}", 200), position, organisation)


def when_seen(date_held, period_end):
    """When a report shows someone in post: the day held, or else the end of the year it
    reviews (approximate); None if neither is known."""
    if date_held:
        return date_held
    return dt.date(period_end, 12, 31) if period_end else None


@dataclass
class Sighting:
    when: dt.date | None
    approximate: bool  # only the year reviewed is known
    event_id: int
    event_title: str

    @property
    def url(self):
        return reverse("archive:event-detail", args=[self.event_id])


@dataclass
class Holder:
    name: str
    slug: str  # "" for a name no person record was matched to
    sightings: list = field(default_factory=list)

    @property
    def dated(self):
        return [s for s in self.sightings if s.when]

    @property
    def first(self):
        return (self.dated or self.sightings)[0]

    @property
    def last(self):
        return (self.dated or self.sightings)[-1]

    @property
    def years(self):
        return sorted({s.when.year for s in self.dated})

    def key(self):
        first = self.first.when
        return (first is None, first or dt.date.min, self.name)


@dataclass
class Post:
    slug: str
    position: str
    organisation: str
    holders: dict = field(default_factory=dict)  # person slug or name as written → Holder
    events: set = field(default_factory=set)

    @property
    def name(self):
        return f"{self.position} {self.organisation}"

    def holders_in_order(self):
        """Holders by when they were first seen in post, undated last."""
        return sorted(self.holders.values(), key=Holder.key)


def posts(participations=None):
    """{slug: Post} of every post the reports name, from one query."""
    rows = Participation.objects.titles_seen() if participations is None else participations
    found = {}
    for row in rows:
        sighting = Sighting(
            when_seen(row["event__date_held"], row["event__period_end"]),
            row["event__date_held"] is None,
            row["event_id"],
            row["event__title"],
        )
        who = row["person__slug"] or row["name_as_written"]
        for title in row["titles"] or ():
            name = post_of(title, row["event__province"])
            if name is None:
                continue
            post = found.setdefault(name.slug, Post(name.slug, name.position, name.organisation))
            holder = post.holders.setdefault(
                who,
                Holder(row["person__full_name"] or row["name_as_written"], row["person__slug"]),
            )
            if not any(s.event_id == sighting.event_id for s in holder.sightings):
                holder.sightings.append(sighting)
            post.events.add(sighting.event_id)
    for post in found.values():
        for holder in post.holders.values():
            holder.sightings.sort(key=lambda s: (s.when is None, s.when or dt.date.min))
    return found


def posts_by_organisation(found=None):
    """[(organisation, [Post])], organisations and their posts in alphabetical order."""
    grouped = {}
    for post in (found if found is not None else posts()).values():
        grouped.setdefault(post.organisation, []).append(post)
    return [
        (organisation, sorted(group, key=lambda p: sort_key(p.position)))
        for organisation, group in sorted(grouped.items(), key=lambda kv: sort_key(kv[0]))
    ]


def officials_of(organisation_names, found=None):
    """[(Post, [Holder])] of the posts in these organisations, holders first seen first."""
    names = set(organisation_names)
    return [
        (post, post.holders_in_order())
        for _organisation, group in posts_by_organisation(found)
        if _organisation in names
        for post in group
    ]
