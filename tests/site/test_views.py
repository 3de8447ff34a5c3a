"""Public pages: every page answers, links lead somewhere, bad input gets a 404 or a message,
and no page runs more queries because an object has more related rows."""

import re
from collections import deque

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.models import Article, Event, Organisation, Person
from archive.search import get_backend
from archive.search.indexing import all_documents
from archive.site.figures import KINDS
from archive.site.posts import posts
from archive.site.regions import MILITARY_REGIONS
from tests.factories import (
    ArticleFactory,
    AwardFactory,
    EventFactory,
    OrganisationFactory,
    ParticipationFactory,
    PersonFactory,
    StatisticFactory,
)


@pytest.fixture
def archive(loaded_archive):
    get_backend().rebuild(all_documents())


def test_every_object_page_answers(client, archive):
    urls = ["/", "/search/", "/events/", "/years/", "/people/", "/organisations/", "/awards/"]
    urls += ["/posts/", "/figures/", "/military-regions/"]
    urls += [f"/posts/{slug}/" for slug in posts()]
    urls += [f"/figures/{code}/" for code in KINDS]
    urls += [f"/military-regions/{region.code}/" for region in MILITARY_REGIONS]
    urls += [e.get_absolute_url() for e in Event.objects.all()]
    urls += [p.get_absolute_url() for p in Person.objects.all()]
    urls += [o.get_absolute_url() for o in Organisation.objects.all()]
    urls += [f"/years/{year}/" for year, _n in Event.objects.year_counts()]
    for url in urls:
        assert client.get(url).status_code == 200, url


def internal_links(html):
    for href in re.findall(r'href="([^"]+)"', html):
        href = href.replace("&amp;", "&")
        if href.startswith("/") and not href.startswith(("/static/", "/admin/", "/i18n/")):
            yield href.split("#")[0]


def test_crawling_from_home_finds_no_broken_link(client, archive):
    seen, queue = {"/"}, deque(["/"])
    while queue:
        url = queue.popleft()
        response = client.get(url)
        assert response.status_code == 200, url
        if "text/html" not in response["Content-Type"]:
            continue
        for link in internal_links(response.content.decode()):
            if link not in seen and len(seen) < 400:
                seen.add(link)
                queue.append(link)
    pages = [o.get_absolute_url() for o in Event.objects.all()]
    pages += [o.get_absolute_url() for o in Person.objects.all()]
    pages += [o.get_absolute_url() for o in Organisation.objects.all()]
    pages += [o.get_absolute_url() for o in Article.objects.all()]
    assert set(pages) <= seen, "every object's page is reachable from the home page"


@pytest.mark.parametrize(
    "url",
    [
        "/years/1999/",
        "/years/99999999999/",
        "/people/no-such-person/",
        "/organisations/no-such-body/",
        "/events/999999/",
        "/articles/999999/",
        "/no/such/page/",
        "/events/?page=999",
    ],
)
def test_unknown_things_are_404_pages(client, archive, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()


def test_invalid_filters_are_ignored_with_a_message(client, archive):
    response = client.get("/search/", {"q": "quoc phong", "year": "abc", "person": "nobody"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Đã bỏ qua giá trị không hợp lệ" in html
    assert 'class="hits"' in html and "<mark>" in html


def test_search_page_past_the_end_shows_the_last_page(client, archive):
    response = client.get("/search/", {"q": "quoc phong", "page": "40"})
    assert response.status_code == 200
    assert response.context["page"] == response.context["last_page"]
    assert response.context["results"].hits


def test_facets_combine_and_chips_remove_them(client, archive):
    both = client.get("/search/", {"q": "hội nghị", "type": "event", "year": "2024"})
    assert both.context["results"].total == 2
    chips = both.context["chips"]
    assert len(chips) == 2
    remove_year = next(url for label, value, url in chips if value == 2024)
    one = client.get("/search/" + remove_year)
    assert one.context["results"].total == 5
    assert len(one.context["chips"]) == 1


def test_the_event_page_shows_who_did_what_and_links_the_text(client, archive):
    event = Event.objects.get(title__contains="năm 2024, triển khai")
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Trung tướng" in html and "Ủy viên Trung ương Đảng, Tư lệnh Quân khu 1" in html
    assert '<a href="/people/nguyen-dang-binh/">Nguyễn Đăng Bình</a>' in html
    assert "131" in html and "Chiến sĩ tiên tiến" in html
    assert "Cách trích dẫn" in html and f"http://testserver{event.get_absolute_url()}" in html


def test_the_person_page_is_a_timeline_of_ranks_and_titles(client, archive):
    html = client.get("/people/nguyen-dang-binh/").content.decode()
    assert html.count('class="changed"') >= 1
    assert "<svg" in html and "chức vụ thay đổi" in html


def test_officials_are_in_vietnamese_order_by_given_name(client, db):
    for name in ("Lê Văn Đức", "Trần Văn Dũng", "Phạm Văn An", "Hà Văn Ân"):
        PersonFactory(full_name=name)
    listed = [p.full_name for p in client.get("/people/").context["object_list"]]
    assert listed == ["Phạm Văn An", "Hà Văn Ân", "Trần Văn Dũng", "Lê Văn Đức"]


def test_language_switch_to_english(client, archive):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, follow=True)
    assert "<h1>Defence-work report archive</h1>" in response.content.decode()


def query_count(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def grow_event(event, person, n):
    event.articles.add(ArticleFactory())
    organisation = OrganisationFactory()
    event.organisations.add(organisation)
    for i in range(n):
        other = EventFactory(date_held=f"2020-02-{i % 28 + 1:02d}", date_precision="day")
        other.organisations.add(organisation)
        ParticipationFactory(event=event, person=PersonFactory(), role="attended", order=i)
        AwardFactory(event=event)
        StatisticFactory(event=event)
    for i in range(n):
        ParticipationFactory(
            event=EventFactory(date_held=f"2020-01-{i % 28 + 1:02d}", date_precision="day"),
            person=person,
        )


@pytest.mark.parametrize(
    "page",
    [
        "event",
        "article",
        "person",
        "organisation",
        "home",
        "year",
        "years",
        "events",
        "people",
        "awards",
        "organisations",
        "search",
    ],
)
def test_query_count_does_not_grow_with_related_rows(
    client, db, page, django_assert_max_num_queries
):
    def url(event, person):
        return {
            "event": event.get_absolute_url(),
            "article": event.articles.first().get_absolute_url(),
            "organisation": event.organisations.first().get_absolute_url(),
            "years": "/years/",
            "person": person.get_absolute_url(),
            "home": "/",
            "year": "/years/2020/",
            "events": "/events/",
            "people": "/people/",
            "awards": "/awards/",
            "organisations": "/organisations/",
            "search": "/search/?q=thu&type=event&sort=date",
        }[page]

    small_event = EventFactory(date_held="2020-05-01", date_precision="day")
    small_person = PersonFactory(full_name="Nguyễn Văn Thử")
    grow_event(small_event, small_person, 1)
    get_backend().rebuild(all_documents())
    small = query_count(client, url(small_event, small_person))
    big_event = EventFactory(date_held="2020-06-01", date_precision="day")
    big_person = PersonFactory(full_name="Nguyễn Văn Thử Lớn")
    grow_event(big_event, big_person, 50)
    get_backend().rebuild(all_documents())
    big_url = url(big_event, big_person)
    with django_assert_max_num_queries(small):
        client.get(big_url)
    assert 0 < small <= 14


def test_filters_alone_list_results_with_their_downloads(client, archive):
    province = Event.objects.exclude(province="").first().province
    page = client.get("/search/", {"q": "", "province": province}).content.decode()
    assert 'class="hit hit-event"' in page
    links = re.findall(r'<p class="downloads">.*?</p>', page, re.S)
    assert links, "the results can be downloaded"
    hrefs = [h.replace("&amp;", "&") for h in re.findall(r'href="([^"]+)"', links[0])]
    assert len(hrefs) == 3 and all("province=" in h for h in hrefs)
    for href in hrefs:
        assert client.get(href).status_code == 200, href


def test_the_event_list_can_be_downloaded_as_filtered(client, archive):
    event = Event.objects.exclude(province="").first()
    page = client.get("/events/", {"province": event.province}).content.decode()
    hrefs = re.findall(r'href="(/export/events\.(?:csv|json)\?[^"]*)"', page)
    assert len(hrefs) == 2
    for href in hrefs:
        response = client.get(href.replace("&amp;", "&"))
        assert response.status_code == 200
        assert event.province in b"".join(response.streaming_content).decode("utf-8-sig")


def test_event_hits_show_their_province_and_date(client, archive):
    event = Event.objects.exclude(province="").exclude(date_held=None).first()
    page = client.get("/search/", {"q": event.title}).content.decode()
    hit = re.search(rf'href="{event.get_absolute_url()}".*?</li>', page, re.S).group()
    meta = re.search(r'<span class="meta">(.*?)</span>', hit).group(1)
    assert event.province in meta and "·" in meta
