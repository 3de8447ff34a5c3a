"""An editor adds a report by pasting it, in a real browser."""

import pytest
from django.contrib.auth.models import User

from archive.models import Event
from tests.conftest import ARTICLES

pytestmark = pytest.mark.browser

BODY = (ARTICLES / "003_f01ec78be0abed4e.txt").read_text(encoding="utf-8").split("---\n", 2)[2]


def test_paste_review_confirm(page, live_server, transactional_db, screenshot):
    User.objects.create_superuser("chief", "chief@example.org", "a-long-password-1")
    page.goto(live_server.url + "/admin/login/?next=/admin/archive/article/import/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", "a-long-password-1")
    page.click("input[type=submit]")
    page.fill("#id_text", BODY)
    screenshot("paste")
    page.click("button[value=extract]")
    page.wait_for_selector("#review-form")
    assert page.input_value("#id_event-date") == "2019-09-26"
    assert page.input_value("#id_people-0-name") == "Lý Thái Hải"
    page.fill("#id_event-place", "Hội trường UBND tỉnh")
    screenshot("review")
    assert not Event.objects.exists()
    page.click("button[value=confirm]")
    page.wait_for_load_state()
    screenshot("after-confirm")
    page.wait_for_selector(".messagelist .success")
    screenshot("saved")
    event = Event.objects.get()
    assert event.place == "Hội trường UBND tỉnh"
    assert event.participations.filter(person__full_name="Hoàng Công Hàm").exists()
