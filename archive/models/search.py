"""Tables of the PostgreSQL search backend (present, and unused, on other databases)."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class SearchEntry(models.Model):
    """One search document: its stored fields, facets and weighted tsvector."""

    doc_id = models.CharField(max_length=64, unique=True)
    type = models.CharField(max_length=20)
    obj_id = models.BigIntegerField()
    title = models.TextField()
    url = models.CharField(max_length=300)
    date = models.DateField(null=True)
    year = models.CharField(max_length=4, blank=True)
    kind = models.CharField(max_length=20, blank=True)
    province = models.CharField(max_length=100, blank=True)
    article_ids = models.JSONField(default=list)
    snippet = models.TextField(blank=True)
    fingerprint = models.CharField(max_length=40)
    vector = SearchVectorField(null=True)  # everything, for matching
    # Titles, names, headings and the lead only, for ranking: small enough to be read without
    # fetching the full vector of every match from TOAST storage.
    rank_vector = SearchVectorField(null=True)

    class Meta:
        # One per single-valued facet: a filter's bitmap is combined with the full-text
        # index's, so only the rows that pass both are read (at 10 000 reports a year read
        # 2 175 heap blocks for 397 hits without its index, 367 with it).
        indexes = [
            models.Index(fields=["type"], name="searchentry_type_idx"),
            models.Index(fields=["year"], name="searchentry_year_idx"),
            models.Index(fields=["kind"], name="searchentry_kind_idx"),
            models.Index(fields=["province"], name="searchentry_province_idx"),
            models.Index(fields=["date"], name="searchentry_date_idx"),
        ]

    def __str__(self):
        return self.doc_id


class SearchFacet(models.Model):
    """A value of a many-valued facet (person, organisation, award kind) of a search entry."""

    entry = models.ForeignKey(SearchEntry, on_delete=models.CASCADE, related_name="facet_values")
    name = models.CharField(max_length=20)
    value = models.CharField(max_length=200)

    class Meta:
        indexes = [models.Index(fields=["name", "value"], name="searchfacet_value_idx")]
        constraints = [
            models.UniqueConstraint(fields=["entry", "name", "value"], name="searchfacet_unique")
        ]

    def __str__(self):
        return f"{self.name}={self.value}"
