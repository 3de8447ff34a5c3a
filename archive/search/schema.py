"""What is searched, declared once: the facets, the ranking table and the page size.

Every backend (Whoosh, PostgreSQL, Tantivy) reads this module, so that the three count the same
facets and weight the same fields the same way. What goes into a document is declared per model
in `declarations.py`; how much each part counts is declared here.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Facet:
    """A property of a search document that hits are filtered by and counted per value."""

    name: str
    label: str
    multi_valued: bool = False  # a document may have several values (the people of an event)


FACET_DECLARATIONS = (
    Facet("type", _("Type")),
    Facet("year", _("Year held")),
    Facet("kind", _("Kind of event")),
    Facet("province", _("Province")),
    Facet("person", _("Official"), multi_valued=True),
    Facet("organisation", _("Organisation"), multi_valued=True),
    Facet("award_kind", _("Award"), multi_valued=True),
)
FACETS = tuple(facet.name for facet in FACET_DECLARATIONS)
MULTI_VALUED = frozenset(facet.name for facet in FACET_DECLARATIONS if facet.multi_valued)
SINGLE_VALUED = frozenset(FACETS) - MULTI_VALUED
FACET_LABELS = {facet.name: facet.label for facet in FACET_DECLARATIONS}

# The weighted texts of a document, most important first (A: titles and names … D: running text).
WEIGHTS = ("A", "B", "C", "D")

# The ranking table. A match in a field of weight A counts four times one in running text (D);
# a query word matched with its diacritics as typed ("Bình", not only "binh") adds EXACT_BONUS
# times its folded match; two query words found side by side within one word ("phòng thủ")
# add ADJACENCY_BONUS.
FIELD_WEIGHTS = {"A": 4.0, "B": 2.0, "C": 1.5, "D": 1.0}
EXACT_BONUS = 1.5
ADJACENCY_BONUS = 2.0

PAGE_SIZE = 20
# Values returned per facet, most frequent first: a page shows a dozen; a broad query at 100 000
# reports has about 10 000 officials, which no page lists.
FACET_VALUES = 100


def relative_weights():
    """FIELD_WEIGHTS divided by the largest, in WEIGHTS order (PostgreSQL wants 0–1)."""
    top = max(FIELD_WEIGHTS.values())
    return [FIELD_WEIGHTS[weight] / top for weight in WEIGHTS]
