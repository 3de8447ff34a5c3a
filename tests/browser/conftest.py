"""Real headless Chromium (Debian's `chromium`), driven with Playwright, against live_server.

Screenshots are saved under var/screenshots/ as test artefacts.
"""

import os
import shutil
from pathlib import Path

import pytest

from archive.search import get_backend
from archive.search.indexing import all_documents
from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SCREENSHOTS = ROOT / "var" / "screenshots"
# Playwright's sync API runs an event loop in this thread; the ORM calls made by fixtures here
# are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is missing: `make test` installs Debian's chromium package.")
        pytest.skip("Chromium is not installed (make test installs Debian's chromium package)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="vi-VN", viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    yield page
    context.close()


@pytest.fixture
def site(live_server, transactional_db, loaded_archive):
    get_backend().rebuild(all_documents())
    return live_server.url


@pytest.fixture
def screenshot(request, page):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name):
        page.screenshot(path=str(SCREENSHOTS / f"{request.node.name}-{name}.png"), full_page=True)

    return take
