"""The archive's data model: articles, the events they report, people, organisations, awards.

Every extracted fact (participation, award, statistic) keeps the article and the sentence it was
read from. Records that an import writes carry a stable `key`, so a re-import updates in place,
and an `edited_fields` list, so that a value an editor corrected by hand is never overwritten.
What each model contributes to the search index is declared in `archive.search.declarations`.
"""

from archive.models.articles import Article
from archive.models.base import new_key  # migrations refer to it here
from archive.models.events import Event
from archive.models.facts import Award, Confidence, Participation, Rank, Role, Statistic
from archive.models.organisations import Organisation
from archive.models.people import Person
from archive.models.redirects import MergedSlug
from archive.models.search import SearchEntry, SearchFacet

__all__ = [
    "Article",
    "Award",
    "Confidence",
    "Event",
    "MergedSlug",
    "Organisation",
    "Participation",
    "Person",
    "Rank",
    "Role",
    "SearchEntry",
    "SearchFacet",
    "Statistic",
    "new_key",
]
