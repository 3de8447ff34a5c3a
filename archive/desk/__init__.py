"""The editors' desk: the Django admin, the paste-review-confirm import and merging."""
