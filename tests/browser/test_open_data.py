"""In a real browser under the site's CSP: JSON-LD is data, not script, so the page reports
no violation; the API's documentation page renders from our own files alone."""

import pytest

from archive.models import Event

pytestmark = pytest.mark.browser


def watch(page):
    """Console errors, CSP violations and failed loads (but the site's missing favicon)."""
    problems = []

    def console(message):
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            problems.append(message.text)

    def response(answer):
        if answer.status >= 400 and not answer.url.endswith("/favicon.ico"):
            problems.append(f"{answer.status} {answer.url}")

    page.on("console", console)
    page.on("response", response)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation',"
        " e => console.error('CSP violation: ' + e.violatedDirective + ' ' + e.blockedURI));"
    )
    return problems


def test_json_ld_causes_no_csp_violation(page, site, screenshot):
    problems = watch(page)
    event = Event.objects.filter(articles__isnull=False).first()
    page.goto(site + event.get_absolute_url())
    page.wait_for_selector("section.cite")
    ld = page.locator('script[type="application/ld+json"]')
    assert ld.count() == 1
    assert '"@type": "Event"' in ld.text_content()
    assert page.locator("section.cite a[href$='cite.bib']").count() == 1
    assert problems == []
    screenshot("event-cite")


def test_api_documentation_renders_under_the_csp(page, site, screenshot):
    problems = watch(page)
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site + "/api/docs/")
    page.wait_for_selector(".swagger-ui .opblock-tag", timeout=20000)
    assert page.locator(".opblock-tag").count() >= 6
    assert all(url.startswith(site) for url in requested), requested
    assert problems == []
    screenshot("api-docs")
