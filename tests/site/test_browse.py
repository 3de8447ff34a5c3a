"""Browsing by year held and year reviewed, charts, awards by issuer, numbers and dates in
each language, and the person timeline's changes (issue 15's defects)."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.search import get_backend
from archive.search.indexing import all_documents
from archive.site.presentation import FACET_VALUES_LISTED, FACET_VALUES_SHOWN
from tests.factories import (
    AwardFactory,
    EventFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
    StatisticFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def index(db):
    EventFactory(title="Hội nghị tổng kết công tác quốc phòng")
    get_backend().rebuild(all_documents())


def english(client):
    client.cookies["django_language"] = "en"
    return client


def chart_labels(html):
    svg = re.search(r'<svg class="chart".*?</svg>', html, re.S).group()
    return re.findall(r'text-anchor="middle">([^<]+)</text>', svg)


def test_a_year_reviewed_in_january_or_undated_has_its_year_page(client):
    january = EventFactory(
        title="Tổng kết 2023 họp tháng Giêng",
        date_held="2024-01-09",
        date_precision="day",
        period_start=2023,
        period_end=2023,
    )
    undated = EventFactory(title="Tổng kết 2023 không ngày", period_start=2023, period_end=2023)
    response = client.get("/years/2023/")
    assert response.status_code == 200
    assert [e.pk for e in response.context["reviewing"]] == [january.pk, undated.pk]
    assert response.context["held"] == []
    assert client.get("/years/2022/").status_code == 404


def test_the_year_list_offers_year_held_and_year_reviewed(client):
    EventFactory(date_held="2024-01-09", date_precision="day", period_start=2023, period_end=2023)
    EventFactory(period_start=2019, period_end=2020)
    rows = client.get("/years/").context["rows"]
    assert rows == [(2019, 0, 1), (2020, 0, 1), (2023, 0, 1), (2024, 1, 0)]


def test_the_home_chart_counts_undated_events_in_a_bar_of_their_own(client):
    for day in ("2019-05-01", "2024-05-01"):
        EventFactory(date_held=day, date_precision="day")
    EventFactory()
    EventFactory()
    html = client.get("/").content.decode()
    labels = chart_labels(html)
    assert labels[-2:] == ["chưa rõ", "2"]
    assert 'href="/events/?undated=on"' in html
    undated = client.get("/events/?undated=on").context["object_list"]
    assert len(undated) == 2 and all(e.date_held is None for e in undated)


def test_empty_years_keep_their_gap_on_the_chart(client):
    for day in ("2019-05-01", "2022-05-01", "2024-05-01"):
        EventFactory(date_held=day, date_precision="day")
    labels = chart_labels(client.get("/").content.decode())
    years = [label for label in labels if len(label) == 4]
    assert years == ["2019", "2020", "2021", "2022", "2023", "2024"]


def test_a_one_event_timeline_shows_its_year_once(client):
    person = PersonFactory()
    ParticipationFactory(
        person=person, event=EventFactory(date_held="2022-03-01", date_precision="day")
    )
    html = client.get(person.get_absolute_url()).content.decode()
    timeline = re.search(r'<svg class="timeline".*?</svg>', html, re.S).group()
    assert re.findall(r">(\d{4})</text>", timeline) == ["2022"]
    assert 'class="legend"' in html and "chức vụ thay đổi" not in html


def test_fewer_of_the_same_titles_is_no_change_and_a_new_title_is(client):
    person = PersonFactory()
    titles = (
        ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"],
        ["Chủ tịch UBND tỉnh Bắc Kạn"],
        ["Phó Bí thư Tỉnh uỷ", "Chủ tịch UBND tỉnh"],
        ["Bí thư Tỉnh ủy"],
    )
    for year, held in enumerate(titles, start=2020):
        event = EventFactory(date_held=f"{year}-05-01", date_precision="day", province="Bắc Kạn")
        ParticipationFactory(person=person, event=event, titles=held)
    rows = client.get(person.get_absolute_url()).context["timeline"]
    assert [row["titles_changed"] for row in rows] == [False, False, False, True]


def test_after_a_merge_the_fullest_titles_of_an_event_are_shown(client):
    person = PersonFactory()
    event = EventFactory(date_held="2024-05-01", date_precision="day")
    ParticipationFactory(person=person, event=event, role="presided", titles=["Chủ tịch"])
    ParticipationFactory(
        person=person, event=event, role="concluded", titles=["Phó Bí thư", "Chủ tịch"]
    )
    [row] = client.get(person.get_absolute_url()).context["timeline"]
    assert row["titles"] == ["Phó Bí thư", "Chủ tịch"]


def test_awards_list_each_issuer_once_linked_and_joint_givers_apart(client):
    committee = OrganisationFactory(name="Ủy ban nhân dân tỉnh Bắc Kạn")
    command = OrganisationFactory(name="Bộ Chỉ huy Quân sự tỉnh Bắc Kạn", kind="military")
    for giver in ("UBND tỉnh", "UBND tỉnh Bắc Kạn", "Chủ tịch UBND tỉnh Bắc Kạn"):
        AwardFactory(giver_name=giver, event__province="Bắc Kạn")
    for giver in ("Bộ CHQS tỉnh", "Bộ CHQS tỉnh Bắc Kạn", "Quân khu và Bộ Chỉ huy Quân sự tỉnh"):
        AwardFactory(giver_name=giver, name="Giấy khen", event__province="Bắc Kạn")
    response = client.get("/awards/")
    issuers = {issuer["name"]: issuer for issuer in response.context["issuers"]}
    assert set(issuers) == {committee.name, command.name, "Quân khu 1"}
    assert issuers[committee.name]["total"] == 3 and issuers[command.name]["total"] == 3
    assert issuers["Quân khu 1"]["total"] == 1
    html = response.content.decode()
    assert f'<a href="{committee.get_absolute_url()}">{committee.name}</a>' in html
    assert f'<a href="{command.get_absolute_url()}">{command.name}</a>' in html


def test_numbers_and_dates_are_written_as_each_language_writes_them(client):
    event = EventFactory(date_held="2024-12-05", date_precision="day")
    StatisticFactory(event=event, value="9000.00")
    StatisticFactory(event=event, value="1150.50", label="km đường")
    html = client.get(event.get_absolute_url()).content.decode()
    assert "<strong>9.000</strong>" in html and "<strong>1.150,5</strong>" in html
    assert "05/12/2024" in html
    html = english(client).get(event.get_absolute_url()).content.decode()
    assert "<strong>9,000</strong>" in html and "<strong>1,150.5</strong>" in html
    assert "5 Dec 2024" in html and "05/12/2024" not in html


def test_the_site_opens_in_vietnamese_whatever_the_browser_asks(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert '<html lang="vi">' in response.content.decode()
    response = english(client).get("/", HTTP_ACCEPT_LANGUAGE="vi")
    assert '<html lang="en">' in response.content.decode()


def test_nothing_found_is_a_message_not_a_numbered_item(client, index):
    html = client.get("/search/", {"q": "xyzzyqq"}).content.decode()
    assert '<p class="empty">' in html and '<ol class="hits">' not in html


def test_the_search_page_has_one_search_box(client, index):
    html = client.get("/search/", {"q": "quoc phong"}).content.decode()
    assert html.count('type="search"') == 1
    assert client.get("/").content.decode().count('type="search"') == 1


def test_values_past_the_first_few_of_a_facet_are_behind_more(client, rf):
    from archive.site.presentation import facet_choices

    values = [(f"Tỉnh {n}", 100 - n) for n in range(FACET_VALUES_SHOWN + 3)]
    request = rf.get("/search/", {"q": "x", "province": values[-1][0]})
    [(_title, rows)] = facet_choices(request, {"province": values})
    assert len(rows["shown"]) == FACET_VALUES_SHOWN and len(rows["more"]) == 3
    assert rows["shown"][0][0] == values[-1][0] and rows["shown"][0][3]


def test_a_facet_lists_its_most_frequent_values_only(rf):
    from archive.site.presentation import facet_choices

    values = [(f"nguoi-{n}", 1000 - n) for n in range(FACET_VALUES_LISTED + 5)]
    request = rf.get("/search/", {"q": "x"})
    [(_title, rows)] = facet_choices(request, {"person": values})
    listed = [row.url.rpartition("=")[2] for row in rows["shown"] + rows["more"]]
    assert listed == [slug for slug, _count in values[:FACET_VALUES_LISTED]]


def test_a_facet_link_keeps_the_other_filters_and_goes_back_to_the_first_page(rf):
    from urllib.parse import parse_qs

    from archive.site.presentation import facet_choices

    request = rf.get("/search/", {"q": "quốc phòng", "year": "2024", "province": "A", "page": 3})
    [(_title, rows)] = facet_choices(request, {"province": [("Bà Rịa - Vũng Tàu", 2)]})
    link = rows["shown"][0][2]
    assert parse_qs(link.removeprefix("?")) == {
        "q": ["quốc phòng"],
        "year": ["2024"],
        "province": ["Bà Rịa - Vũng Tàu"],
    }
    lone = rf.get("/search/", {"province": "A"})
    [(_title, rows)] = facet_choices(lone, {"province": [("Hà Nội", 1)]})
    assert rows["shown"][0][2] == "?province=H%C3%A0+N%E1%BB%99i"


def test_the_event_list_orders_oldest_first_and_filters_by_year_reviewed(client):
    old = EventFactory(
        date_held="2019-01-01", date_precision="day", period_start=2018, period_end=2018
    )
    new = EventFactory(
        date_held="2024-01-01", date_precision="day", period_start=2023, period_end=2023
    )
    listed = client.get("/events/", {"order": "oldest"}).context["object_list"]
    assert [e.pk for e in listed] == [old.pk, new.pk]
    listed = client.get("/events/", {"reviewed": "2023"}).context["object_list"]
    assert [e.pk for e in listed] == [new.pk]


def test_provinces_are_listed_with_counts_and_have_a_page_each(client):
    for day in ("2019-05-01", "2024-05-01"):
        event = EventFactory(province="Lạng Sơn", date_held=day, date_precision="day")
    ParticipationFactory(event=event, person=PersonFactory(full_name="Hoàng Văn Thử"))
    StatisticFactory(event=event, value=9000)
    EventFactory(province="Bắc Kạn")
    assert client.get("/provinces/").context["provinces"] == [
        ("Lạng Sơn", "lang-son", 2),
        ("Bắc Kạn", "bac-kan", 1),
    ]
    response = client.get("/provinces/lang-son/")
    html = response.content.decode()
    assert response.context["year_counts"] == [(2019, 1), (2024, 1)]
    assert "Hoàng Văn Thử" in html and "<strong>9.000</strong>" in html
    assert (
        client.get(event.get_absolute_url()).content.decode().count('href="/provinces/lang-son/"')
        == 1
    )
    assert client.get("/provinces/no-such-province/").status_code == 404


@pytest.mark.parametrize("url", ["/provinces/", "/provinces/bac-kan/", "/years/2023/", "/awards/"])
def test_browse_pages_run_as_many_queries_for_more_data(client, url, django_assert_num_queries):
    def grow(n):
        for i in range(n):
            event = EventFactory(
                province=["Bắc Kạn", "Cao Bằng"][i % 2], period_start=2023, period_end=2023
            )
            ParticipationFactory(event=event)
            AwardFactory(event=event, giver_name=["UBND tỉnh", "Bộ CHQS tỉnh"][i % 2])
            StatisticFactory(event=event)

    grow(2)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    grow(30)
    with django_assert_num_queries(len(small)):
        assert client.get(url).status_code == 200
