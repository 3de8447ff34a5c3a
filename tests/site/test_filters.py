"""The event list's facets take several values each (any of them, and every facet); each value
is a chip that removes it alone; the search page's facets stay one value each."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.search import get_backend
from archive.search.indexing import all_documents
from tests.factories import AwardFactory, EventFactory, OrganisationFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def listed(client, params):
    return {e.pk for e in client.get("/events/", params).context["object_list"]}


def test_several_provinces_and_kinds_are_any_of_them_within_a_facet_and_all_facets(client):
    bac_kan = EventFactory(province="Bắc Kạn", kind="review")
    lang_son = EventFactory(province="Lạng Sơn", kind="exercise")
    EventFactory(province="Cao Bằng", kind="review")
    both = {"province": ["Bắc Kạn", "Lạng Sơn"]}
    assert listed(client, both) == {bac_kan.pk, lang_son.pk}
    assert listed(client, {**both, "kind": ["exercise"]}) == {lang_son.pk}
    assert listed(client, {**both, "kind": ["exercise", "review"]}) == {bac_kan.pk, lang_son.pk}


def test_several_officials_organisations_and_awards(client):
    first, second, other = EventFactory(), EventFactory(), EventFactory()
    a, b = ParticipationFactory(event=first), ParticipationFactory(event=second)
    ParticipationFactory(event=other)
    assert listed(client, {"person": [a.person.slug, b.person.slug]}) == {first.pk, second.pk}
    body = OrganisationFactory()
    first.organisations.add(body)
    second.organisations.add(body)
    assert listed(client, {"organisation": [body.slug]}) == {first.pk, second.pk}
    AwardFactory(event=first, category="bang_khen")
    AwardFactory(event=first, category="giay_khen")
    AwardFactory(event=other, category="co_thi_dua")
    awards = {"award_kind": ["bang_khen", "giay_khen", "co_thi_dua"]}
    assert listed(client, awards) == {first.pk, other.pk}
    assert len(client.get("/events/", awards).context["object_list"]) == 2  # once each


def test_each_value_is_a_chip_that_removes_it_alone(client):
    EventFactory(province="Bắc Kạn")
    EventFactory(province="Lạng Sơn")
    response = client.get("/events/", {"province": ["Bắc Kạn", "Lạng Sơn"], "kind": "review"})
    chips = response.context["chips"]
    assert [(label, value) for label, value, _url in chips] == [
        ("Loại sự kiện", "Tổng kết"),
        ("Tỉnh, thành phố", "Bắc Kạn"),
        ("Tỉnh, thành phố", "Lạng Sơn"),
    ]
    remove_bac_kan = chips[1][2]
    after = client.get("/events/" + remove_bac_kan)
    assert [v for _l, v, _u in after.context["chips"]] == ["Tổng kết", "Lạng Sơn"]
    assert {e.province for e in after.context["object_list"]} == {"Lạng Sơn"}


def test_an_invalid_kind_is_ignored_with_a_message(client):
    EventFactory(province="Bắc Kạn")
    response = client.get("/events/", {"kind": ["review", "nonsense"]})
    assert response.status_code == 200
    assert "Đã bỏ qua giá trị không hợp lệ" in response.content.decode()
    assert response.context["chips"] == []


def test_a_province_nobody_wrote_matches_nothing_and_a_nul_is_refused(client):
    bac_kan = EventFactory(province="Bắc Kạn")
    response = client.get("/events/", {"province": ["Bắc Kạn", "Atlantis"]})
    assert listed(client, {"province": ["Bắc Kạn", "Atlantis"]}) == {bac_kan.pk}
    assert [v for _l, v, _u in response.context["chips"]] == ["Bắc Kạn", "Atlantis"]
    assert listed(client, {"province": ["Atlantis"]}) == set()
    refused = client.get("/events/", {"province": ["Bắc Kạn", "x\x00"]})
    assert refused.status_code == 200
    assert "Đã bỏ qua giá trị không hợp lệ" in refused.content.decode()


def test_the_search_page_keeps_one_value_per_facet(client):
    EventFactory(kind="exercise")
    get_backend().rebuild(all_documents())
    response = client.get("/search/", {"q": "x", "kind": ["review", "exercise"]})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.is_valid() and form.search_filters().values["kind"] == "exercise"


def test_the_event_list_runs_as_many_queries_for_more_data(client, django_assert_num_queries):
    def grow(n):
        for i in range(n):
            event = EventFactory(province=f"Tỉnh {i}", kind=["review", "exercise"][i % 2])
            ParticipationFactory(event=event)
            AwardFactory(event=event)

    grow(2)
    params = {"province": ["Tỉnh 0", "Tỉnh 1"], "kind": ["review", "exercise"]}
    with CaptureQueriesContext(connection) as small:
        assert client.get("/events/", params).status_code == 200
    grow(30)
    with django_assert_num_queries(len(small)):
        assert client.get("/events/", params).status_code == 200


def test_an_empty_value_is_no_filter_rather_than_an_invalid_one(client):
    EventFactory(province="Bắc Kạn")
    response = client.get("/events/", {"province": "", "person": "", "kind": ["", "review"]})
    assert "Đã bỏ qua giá trị không hợp lệ" not in response.content.decode()
    assert [v for _l, v, _u in response.context["chips"]] == ["Tổng kết"]
