"""The read-only JSON API under /api/: the archive's records, with the site's filters and search.

Serializers say what each resource shows, `views` holds the viewsets (their filters are the
public site's FilterSets, their search calls `archive.search.search` as the search page does),
`urls` the router, the schema and its documentation page.
"""
