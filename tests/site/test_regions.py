"""Military regions: their provinces (from the extraction's map), events by year, officials by
title and at their provinces' events."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.site.regions import MILITARY_REGIONS, region_of
from tests.factories import EventFactory, ParticipationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_every_province_of_the_map_is_in_one_region_and_ha_noi_is_the_capitals():
    assert [r.code for r in MILITARY_REGIONS] == ["1", "2", "3", "4", "5", "7", "9", "thu-do"]
    assert region_of("Lạng Sơn").name == "Quân khu 1"
    assert region_of("Thanh Hoá").name == "Quân khu 4"  # either tone-mark placement
    assert region_of("Hà Nội").code == "thu-do"
    assert region_of("Nowhere") is None


def test_the_region_page_has_its_provinces_events_and_officials(client):
    commander = PersonFactory(full_name="Nguyễn Hồng Thái")
    ParticipationFactory(
        person=commander,
        titles=["Tư lệnh Quân khu 1"],
        event=EventFactory(province="Thanh Hóa", date_held="2024-01-01", date_precision="day"),
    )
    local = PersonFactory(full_name="Hoàng Văn Thử")
    for day in ("2019-05-01", "2024-05-01"):
        ParticipationFactory(
            person=local,
            titles=["Chủ tịch UBND tỉnh"],
            event=EventFactory(province="Lạng Sơn", date_held=day, date_precision="day"),
        )
    EventFactory(province="Cao Bằng")
    response = client.get("/military-regions/1/")
    assert response.status_code == 200
    context = response.context
    provinces = {name: (slug, n) for name, slug, n in context["provinces"]}
    assert provinces["Lạng Sơn"] == ("lang-son", 2) and provinces["Bắc Giang"] == ("", 0)
    assert context["year_counts"] == [(2019, 1), (2024, 1)]
    assert context["event_count"] == 3
    [(post, [holder])] = context["officials"]
    assert post.slug == "tu-lenh-quan-khu-1" and holder.name == "Nguyễn Hồng Thái"
    assert [p.full_name for p in context["people"]] == ["Hoàng Văn Thử"]
    html = response.content.decode()
    assert 'href="/provinces/lang-son/"' in html and 'href="/provinces/bac-giang/"' not in html


def test_the_region_list_counts_events_per_region(client):
    EventFactory(province="Lạng Sơn")
    EventFactory(province="Hà Nội")
    rows = {
        region.code: (events, n)
        for region, events, n in client.get("/military-regions/").context["rows"]
    }
    assert rows["1"] == (1, 1) and rows["thu-do"] == (1, 1) and rows["9"] == (0, 0)


def test_a_region_that_does_not_exist_is_404(client):
    for code in ("6", "8", "10", "x"):
        assert client.get(f"/military-regions/{code}/").status_code == 404


def test_a_province_page_links_its_region(client):
    EventFactory(province="Lạng Sơn")
    assert 'href="/military-regions/1/"' in client.get("/provinces/lang-son/").content.decode()


@pytest.mark.parametrize("url", ["/military-regions/", "/military-regions/1/"])
def test_region_pages_run_as_many_queries_for_more_data(client, url, django_assert_num_queries):
    def grow(n):
        for i in range(n):
            event = EventFactory(
                province=["Bắc Kạn", "Cao Bằng", "Thanh Hóa"][i % 3],
                date_held=f"{2015 + i % 9}-05-01",
                date_precision="day",
            )
            ParticipationFactory(event=event, titles=["Phó Tư lệnh Quân khu 1"])

    grow(2)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    grow(30)
    with django_assert_num_queries(len(small)):
        assert client.get(url).status_code == 200
