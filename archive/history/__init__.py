"""The history of the archive's records (django-simple-history's tables), an app of its own so
that `dumpdata archive` and the backups stay the archive itself."""
