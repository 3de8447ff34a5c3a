"""Development-only tools that measure the archive (benchmark, soak, synthetic reports,
extraction accuracy). Installed when `DJANGO_DEBUG` is on or `ARCHIVE_DEVTOOLS=1`; never part of
the product."""
