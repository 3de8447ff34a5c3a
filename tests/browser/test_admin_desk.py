"""An editor at the desk, in a real browser: paste a report, correct a title as plain text and
confirm; merge two people and follow the old address; revert a change from the history."""

from importlib import import_module

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType

from archive.models import Event, Participation, Person
from tests.conftest import ARTICLES
from tests.factories import ParticipationFactory, PersonFactory

pytestmark = pytest.mark.browser

BODY = (ARTICLES / "003_f01ec78be0abed4e.txt").read_text(encoding="utf-8").split("---\n", 2)[2]
PASSWORD = "a-long-password-1"


@pytest.fixture
def editor_page(page, live_server, transactional_db):
    # A transactional test database is flushed between tests: the editor group comes back as
    # its migrations make it.
    ContentType.objects.clear_cache()
    for name, function in (
        ("0005_editor_group", "create_group"),
        ("0008_merge_permissions_and_slugs", "grant_merging"),
    ):
        getattr(import_module(f"archive.migrations.{name}"), function)(apps, None)
    user = User.objects.create_user("editor", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Biên tập viên"))
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#site-name")
    return page


def test_paste_correct_a_title_as_plain_text_confirm(editor_page, live_server, screenshot):
    page = editor_page
    page.goto(live_server.url + "/admin/archive/article/import/")
    page.fill("#id_text", BODY)
    page.click("button[value=extract]")
    page.wait_for_selector("#review-form")
    assert page.input_value("#id_event-date") == "2019-09-26"
    assert page.input_value("#id_people-0-name") == "Lý Thái Hải"
    title_box = page.locator("#id_event-title").bounding_box()
    assert title_box["width"] > 400
    page.fill("#id_people-0-titles", "Chủ tịch UBND tỉnh\nPhó Bí thư Tỉnh ủy")
    page.fill("#id_event-place", "Hội trường UBND tỉnh")
    screenshot("review")
    assert not Event.objects.exists()
    page.click("button[value=confirm]")
    page.wait_for_selector(".messagelist .success")
    screenshot("saved")
    event = Event.objects.get()
    assert event.place == "Hội trường UBND tỉnh"
    assert set(
        map(
            tuple,
            Participation.objects.filter(name_as_written="Lý Thái Hải").values_list(
                "titles", flat=True
            ),
        )
    ) == {("Chủ tịch UBND tỉnh", "Phó Bí thư Tỉnh ủy")}
    # The event's participants: one row per person, and the table fits the page.
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    screenshot("event")
    assert overflow <= 1


def test_merge_two_people_and_follow_the_old_address(editor_page, live_server, screenshot):
    page = editor_page
    fuller = PersonFactory(full_name="Hồ Tiến Thiều")
    ParticipationFactory(person=fuller)
    ParticipationFactory(person=fuller, role="presided")
    twin = PersonFactory(full_name="Hồ Tiến Thiệu")
    ParticipationFactory(person=twin)
    old = twin.get_absolute_url()
    page.goto(live_server.url + "/admin/archive/person/")
    page.check("#action-toggle")  # the two people listed
    screenshot("list")
    page.select_option("select[name=action]", "merge_people")
    page.click("button[name=index]")
    page.wait_for_selector("#merge-candidates")
    assert page.is_checked(f"#keep-{fuller.pk}")
    screenshot("merge")
    page.click("button[name=confirm]")
    page.wait_for_selector("text=Đã gộp Hồ Tiến Thiệu vào Hồ Tiến Thiều")
    screenshot("merged")
    assert list(Person.objects.values_list("pk", flat=True)) == [fuller.pk]
    page.goto(live_server.url + old)
    assert page.url == live_server.url + fuller.get_absolute_url()
    assert page.inner_text("h1") == "Hồ Tiến Thiều"
    screenshot("followed")


def test_revert_a_change_from_the_history(editor_page, live_server, screenshot):
    page = editor_page
    person = PersonFactory(full_name="Lò Văn Cũ")
    page.goto(live_server.url + f"/admin/archive/person/{person.pk}/change/")
    screenshot("change")
    page.fill("#id_full_name", "Lò Văn Sai")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    page.goto(live_server.url + f"/admin/archive/person/{person.pk}/history/")
    assert "Lò Văn Sai" in page.inner_text("#content")
    screenshot("history")
    original = person.history.earliest()
    page.click(f"a[href$='/history/{original.history_id}/']")
    page.wait_for_selector("input[name=_save]")
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    person.refresh_from_db()
    assert person.full_name == "Lò Văn Cũ"
    screenshot("reverted")


# A written variant of the Bắc Kạn report: a guest named after a title alone, a weak reading.
WEAK_GUEST = "Chủ tịch UBND huyện Ngân Sơn Hoàng Văn Mạnh dự hội nghị."
WEAK_BODY = (
    (ARTICLES / "002_f63c98608b468458.txt")
    .read_text(encoding="utf-8")
    .split("---\n", 2)[2]
    .replace("chủ trì hội nghị.\n", f"chủ trì hội nghị. {WEAK_GUEST}\n", 1)
)


def test_paste_see_the_weak_fact_first_confirm_and_find_it_by_the_filter(
    editor_page, live_server, screenshot
):
    page = editor_page
    page.goto(live_server.url + "/admin/archive/article/import/")
    page.fill("#id_text", WEAK_BODY)
    page.click("button[value=extract]")
    page.wait_for_selector("#review-form")
    assert page.input_value("#id_people-0-name") == "Hoàng Văn Mạnh"
    first = page.locator("#people-table tbody tr").nth(0)
    assert "weak" in first.get_attribute("class")
    read_from = page.locator("#people-table tbody tr.read-from").nth(0)
    assert "Đọc theo mẫu yếu" in read_from.inner_text()
    assert WEAK_GUEST in read_from.inner_text()
    assert page.locator(".weak-summary").is_visible()
    screenshot("review")
    page.click("button[value=confirm]")
    page.wait_for_selector(".messagelist .success")
    event = Event.objects.get()
    guest = Participation.objects.get(name_as_written="Hoàng Văn Mạnh")
    assert (guest.source_sentence, guest.confidence, guest.reviewed) == (WEAK_GUEST, "weak", False)
    # Left unticked on the review, the weak reading waits: the filter finds the event.
    page.goto(live_server.url + "/admin/archive/event/")
    filter_link = page.locator("#changelist-filter a[href*='weak=yes']")
    assert "Còn dữ kiện yếu chưa duyệt" in page.inner_text("#changelist-filter")
    filter_link.click()
    page.wait_for_selector("#result_list")
    assert "weak=yes" in page.url
    assert event.title in page.inner_text("#result_list")
    screenshot("filtered")
    page.click(f"#result_list a:has-text('{event.title[:30]}')")
    page.wait_for_selector("#participations-group")
    assert WEAK_GUEST in page.inner_text("#participations-group")
    screenshot("event")
