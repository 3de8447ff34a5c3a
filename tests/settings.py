"""The settings the tests run with: the project's for local use (DEBUG on: the development key,
local hosts, the development tools), also when pytest is run directly rather than by
`make test`. Processes the tests start inherit DJANGO_DEBUG=1."""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")

from archive.settings import *  # noqa: F403
