"""Historical models are declared by `HistoricalRecords(app="archive_history")` on the archive's
models (archive.models.base); they live here."""
