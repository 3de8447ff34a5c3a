"""Figures across reports: kinds of figure by their words, a table by province and year and a
chart per year, each number linked to its report and sentence."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.site.figures import FIGURE_KINDS, KINDS, kind_of
from tests.factories import EventFactory, StatisticFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "label, unit, code",
    [
        ("công dân nhập ngũ", "công dân", "recruits"),
        ("công dân nhập ngũ (Công an)", "công dân", "recruits"),
        ("cong dan nhap ngu", "", "recruits"),
        ("tuyên truyền, phổ biến kiến thức quốc phòng và an ninh", "lần", "outreach"),
        ("đối tượng được bồi dưỡng kiến thức quốc phòng và an ninh", "người", "defence-education"),
        ("cuộc diễn tập khu vực phòng thủ", "cuộc diễn tập", "exercises"),
        ("km đường giao thông", "km", "other"),
    ],
)
def test_a_figure_is_of_the_first_kind_whose_words_it_contains(label, unit, code):
    assert kind_of(label, unit).code == code


def test_every_kind_has_words_and_a_code_of_its_own():
    assert len({kind.code for kind in FIGURE_KINDS}) == len(FIGURE_KINDS)
    assert all(kind.words for kind in FIGURE_KINDS) and "other" in KINDS


def report(province, year, *values, sentence="Đã giao {} công dân nhập ngũ."):
    event = EventFactory(
        province=province,
        date_held=f"{year + 1}-01-09",
        date_precision="day",
        period_start=year,
        period_end=year,
    )
    return [
        StatisticFactory(event=event, value=value, order=i, source_sentence=sentence.format(value))
        for i, value in enumerate(values)
    ]


def test_the_kind_page_tables_figures_by_province_and_year_linked_to_their_sentences(client):
    [total, _army, _police] = report("Bắc Kạn", 2023, 887, 703, 184)
    report("Lạng Sơn", 2023, 1200)
    report("Lạng Sơn", 2024, 1150)
    StatisticFactory(label="km đường", unit="km", value=5)
    response = client.get("/figures/recruits/")
    assert response.status_code == 200
    context = response.context
    assert context["years"] == [2023, 2024]
    assert [province for province, _cells in context["rows"]] == ["Bắc Kạn", "Lạng Sơn"]
    bac_kan = context["rows"][0][1]
    assert [s.value for s in bac_kan[0]] == [887, 703, 184] and bac_kan[1] == []
    # a report's total and its parts count once: 887 + 1 200 in 2023
    assert context["chart"] == [(2023, 2087), (2024, 1150)]
    html = response.content.decode()
    link = f'href="{total.event.get_absolute_url()}#figure-{total.pk}" title="Đã giao 887'
    assert link in html
    assert "2.087" in html  # the chart writes numbers as Vietnamese does
    event_page = client.get(total.event.get_absolute_url()).content.decode()
    assert (
        f'id="figure-{total.pk}"' in event_page and "Đã giao 887 công dân nhập ngũ." in event_page
    )


def test_the_figure_list_counts_figures_and_reports_per_kind(client):
    report("Bắc Kạn", 2023, 887, 703)
    StatisticFactory(label="cuộc diễn tập", unit="cuộc diễn tập", value=12)
    response = client.get("/figures/")
    kinds = {kind.code: (figures, reports) for kind, figures, reports in response.context["kinds"]}
    assert kinds == {"recruits": (2, 1), "exercises": (1, 1)}
    assert 'href="/figures/exercises/"' in response.content.decode()


def test_an_unknown_kind_of_figure_is_404(client):
    assert client.get("/figures/no-such-kind/").status_code == 404


def test_a_kind_with_no_figures_says_so(client):
    html = client.get("/figures/exercises/").content.decode()
    assert 'class="empty"' in html and not re.search(r'<svg class="chart"', html)


@pytest.mark.parametrize("url", ["/figures/", "/figures/recruits/"])
def test_figure_pages_run_as_many_queries_for_more_data(client, url, django_assert_num_queries):
    def grow(n):
        for i in range(n):
            report(["Bắc Kạn", "Cao Bằng", "Lạng Sơn"][i % 3], 2015 + i % 9, 100 + i, 50)
            StatisticFactory(label="cuộc diễn tập", unit="cuộc diễn tập", value=i)

    grow(2)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    grow(30)
    with django_assert_num_queries(len(small)):
        assert client.get(url).status_code == 200
