"""The public archive in a real browser: what a researcher does first."""

import re

import pytest

pytestmark = pytest.mark.browser


def test_search_without_diacritics(page, site, screenshot):
    page.goto(site + "/")
    page.fill("#site-q", "quoc phong")
    page.press("#site-q", "Enter")
    page.wait_for_selector(".hit")
    total = re.search(r"(\d+) kết quả", page.inner_text(".total"))
    # One result per report: the five events (their reports are found through them) and more.
    assert page.locator(".hit").count() == int(total.group(1)) >= 5
    assert page.locator(".hit mark").first.inner_text().lower() in {"quốc", "phòng"}
    screenshot("results")


def test_combine_two_facets_and_remove_one(page, site, screenshot):
    page.goto(site + "/search/?q=h%E1%BB%99i+ngh%E1%BB%8B")
    page.click(".facets a:text-is('Sự kiện')")
    page.click(".facets a:text-is('2024')")
    page.wait_for_selector(".chips li >> nth=1")
    assert page.locator(".chips li").count() == 2
    assert page.inner_text(".total").startswith("2 ")
    screenshot("two-facets")
    page.locator(".chips li", has_text="2024").locator("a").click()
    page.wait_for_function("document.querySelectorAll('.chips li').length === 1")
    assert page.inner_text(".total").startswith("5 ")
    screenshot("one-facet")


def test_open_an_official_and_see_the_timeline(page, site, screenshot):
    page.goto(site + "/people/")
    page.click("text=Nguyễn Đăng Bình")
    page.wait_for_selector("svg.timeline")
    assert page.locator("svg.timeline circle").count() >= 2
    assert page.locator(".timeline-list li").count() == 3
    assert page.locator(".timeline-list li.changed").count() >= 1
    screenshot("timeline")


def test_switch_the_language(page, site, screenshot):
    page.goto(site + "/")
    assert page.inner_text("h1") == "Lưu trữ báo cáo công tác quốc phòng địa phương"
    page.click("button[lang=en]")
    page.wait_for_selector("h1:text-is('Defence-work report archive')")
    assert page.get_attribute("html", "lang") == "en"
    screenshot("english")
    page.click("button[lang=vi]")
    page.wait_for_selector("h1:text-is('Lưu trữ báo cáo công tác quốc phòng địa phương')")


def test_phone_width_has_no_horizontal_scroll(page, site, screenshot):
    page.set_viewport_size({"width": 375, "height": 800})
    for path in ("/", "/search/?q=quoc+phong", "/people/nguyen-dang-binh/"):
        page.goto(site + path)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, path
    screenshot("phone")
