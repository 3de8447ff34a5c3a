"""Who held which post: titles read as posts of the body they name in the report's province,
the post list and pages, organisation pages' officials, person pages' links to posts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.site.posts import post_of
from tests.factories import EventFactory, OrganisationFactory, ParticipationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def seen(person, title, province="Bắc Kạn", day=None, **event):
    if day:
        event.update(date_held=day, date_precision="day")
    return ParticipationFactory(
        person=person, titles=[title], event=EventFactory(province=province, **event)
    )


@pytest.mark.parametrize(
    "title, province, slug",
    [
        ("Chủ tịch UBND tỉnh", "Bắc Kạn", "chu-tich-uy-ban-nhan-dan-tinh-bac-kan"),
        ("Chủ tịch UBND tỉnh Bắc Kạn", "Lạng Sơn", "chu-tich-uy-ban-nhan-dan-tinh-bac-kan"),
        ("Chủ tịch Uỷ ban nhân dân tỉnh", "Bắc Kạn", "chu-tich-uy-ban-nhan-dan-tinh-bac-kan"),
        ("Phó Bí thư Tỉnh uỷ", "Bắc Kạn", "pho-bi-thu-tinh-uy-bac-kan"),
        ("Phó Bí thư Tỉnh ủy", "Bắc Kạn", "pho-bi-thu-tinh-uy-bac-kan"),
        ("Tư lệnh Quân khu 1", "", "tu-lenh-quan-khu-1"),
        ("Phó Tư lệnh Quân khu", "Lạng Sơn", "pho-tu-lenh-quan-khu-1"),
        (
            "Chỉ huy trưởng Bộ CHQS tỉnh",
            "Lạng Sơn",
            "chi-huy-truong-bo-chi-huy-quan-su-tinh-lang-son",
        ),
        ("Bí thư Đảng ủy", "Bắc Kạn", None),
        ("Chủ tịch UBND tỉnh", "", None),
    ],
)
def test_a_title_is_a_post_of_the_body_it_names_in_the_reports_province(title, province, slug):
    post = post_of(title, province)
    assert (post.slug if post else None) == slug


def test_the_post_page_lists_holders_first_and_last_seen_with_their_reports(client):
    earlier, later = (
        PersonFactory(full_name="Lý Thái Hải"),
        PersonFactory(full_name="Nguyễn Đăng Bình"),
    )
    first = seen(later, "Chủ tịch UBND tỉnh", day="2023-01-09")
    seen(later, "Chủ tịch Ủy ban nhân dân tỉnh Bắc Kạn", period_start=2024, period_end=2024)
    last = seen(later, "Chủ tịch UBND tỉnh Bắc Kạn", province="", day="2024-06-01")
    seen(earlier, "Chủ tịch UBND tỉnh", day="2019-09-26")
    seen(PersonFactory(), "Chủ tịch UBND tỉnh", province="Lạng Sơn", day="2020-01-01")
    response = client.get("/posts/chu-tich-uy-ban-nhan-dan-tinh-bac-kan/")
    assert response.status_code == 200
    holders = response.context["holders"]
    assert [h.name for h in holders] == ["Lý Thái Hải", "Nguyễn Đăng Bình"]
    bình = holders[1]
    assert bình.first.event_id == first.event_id
    assert bình.first.when.isoformat() == "2023-01-09"
    assert bình.last.approximate and bình.last.when.isoformat() == "2024-12-31"
    assert len(bình.sightings) == 3
    html = response.content.decode()
    assert f'href="{last.event.get_absolute_url()}"' in html
    assert f'href="{later.get_absolute_url()}"' in html
    assert "Chủ tịch Ủy ban nhân dân tỉnh Bắc Kạn" in html


def test_a_name_not_matched_to_a_person_still_holds_the_post(client):
    ParticipationFactory(person=None, name_as_written="Hà Văn Khoát", titles=["Tư lệnh Quân khu 1"])
    html = client.get("/posts/tu-lenh-quan-khu-1/").content.decode()
    assert "Hà Văn Khoát" in html


def test_unknown_posts_are_404(client):
    seen(PersonFactory(), "Tư lệnh Quân khu 1")
    assert client.get("/posts/tu-lenh-quan-khu-2/").status_code == 404


def test_the_post_list_groups_posts_by_organisation_with_counts_and_finds_by_words(client):
    OrganisationFactory(name="Quân khu 1", kind="military")
    for person in (PersonFactory(), PersonFactory()):
        seen(person, "Phó Tư lệnh Quân khu 1")
    seen(PersonFactory(), "Chủ tịch UBND tỉnh")
    response = client.get("/posts/")
    letters = response.context["letters"]
    assert [letter["letter"] for letter in letters] == ["Q", "U"]  # Ủy is listed under U
    [group] = letters[0]["groups"]
    assert group["organisation"] == "Quân khu 1" and group["body"].name == "Quân khu 1"
    [post] = group["posts"]
    assert post.position == "Phó Tư lệnh" and len(post.holders) == 2 and len(post.events) == 2
    assert '<a href="/organisations/quan-khu-1/">Quân khu 1</a>' in response.content.decode()
    found = client.get("/posts/", {"q": "uy ban nhan dan"}).context["letters"]
    assert [g["organisation"] for letter in found for g in letter["groups"]] == [
        "Ủy ban nhân dân tỉnh Bắc Kạn"
    ]


def test_an_overlong_search_on_the_post_list_is_a_message(client):
    response = client.get("/posts/", {"q": "x" * 300})
    assert response.status_code == 200
    assert "Đã bỏ qua giá trị không hợp lệ" in response.content.decode()


def test_organisation_pages_list_officials_with_years_seen(client):
    region = OrganisationFactory(name="Quân khu 1", kind="military")
    person = PersonFactory(full_name="Nguyễn Hồng Thái")
    for day in ("2023-03-01", "2024-12-05"):
        seen(person, "Tư lệnh Quân khu 1", day=day)
    seen(PersonFactory(), "Chủ tịch UBND tỉnh", day="2024-01-01")
    response = client.get(region.get_absolute_url())
    [(post, [holder])] = response.context["officials"]
    assert post.slug == "tu-lenh-quan-khu-1" and holder.years == [2023, 2024]
    html = response.content.decode()
    assert 'href="/posts/tu-lenh-quan-khu-1/"' in html and "(2023, 2024)" in html


def test_person_pages_link_their_titles_to_the_posts(client):
    person = PersonFactory()
    ParticipationFactory(
        person=person, titles=["Bí thư Đảng ủy", "Chính ủy Quân khu 1"], event=EventFactory()
    )
    html = client.get(person.get_absolute_url()).content.decode()
    assert '<a href="/posts/chinh-uy-quan-khu-1/">Chính ủy Quân khu 1</a>' in html
    assert "Bí thư Đảng ủy," in html and 'href="/posts/bi-thu' not in html


@pytest.mark.parametrize(
    "url", ["/posts/", "/posts/tu-lenh-quan-khu-1/", "/organisations/quan-khu-1/"]
)
def test_post_pages_run_as_many_queries_for_more_data(client, url, django_assert_num_queries):
    OrganisationFactory(name="Quân khu 1", kind="military")

    def grow(n):
        for i in range(n):
            person = PersonFactory()
            for title in ("Tư lệnh Quân khu 1", "Chủ tịch UBND tỉnh", f"Phó Giám đốc Sở {i}"):
                seen(person, title, province=["Bắc Kạn", "Cao Bằng"][i % 2], day="2024-01-01")

    grow(2)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    grow(30)
    with django_assert_num_queries(len(small)):
        assert client.get(url).status_code == 200
