"""The public archive: pages, their filters, search-page presentation and template tags."""
