"""Request bodies: the public site answers GET and HEAD only, and a body above the limit is
refused from its Content-Length, before a byte of it is read."""

import pytest
from django.test import Client

from archive.middleware import PUBLIC_MAX_REQUEST_BYTES

pytestmark = pytest.mark.django_db
HUGE = str(300 * 1024 * 1024)


class Unreadable:
    """A request body that must not be read."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("url", ["/", "/search/", "/search/?q=qu%E1%BB%91c+ph%C3%B2ng"])
def test_public_pages_answer_only_get_and_head(client, method, url):
    response = getattr(client, method)(url)
    assert response.status_code == 405
    assert set(response["Allow"].split(", ")) == {"GET", "HEAD"}


def test_head_still_answers(client):
    assert client.head("/search/").status_code == 200


@pytest.mark.parametrize(
    ("method", "url"),
    [("POST", "/search/"), ("GET", "/search/"), ("POST", "/i18n/setlang/")],
)
def test_a_huge_public_body_is_refused_unread(client, method, url):
    response = client.generic(method, url, CONTENT_LENGTH=HUGE, **{"wsgi.input": Unreadable()})
    assert response.status_code == (405 if (method, url) == ("POST", "/search/") else 413)


def test_the_language_switch_still_posts():
    client = Client()
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert int(response.wsgi_request.META["CONTENT_LENGTH"]) < PUBLIC_MAX_REQUEST_BYTES


def test_an_editors_huge_upload_is_refused_unread(admin_client):
    response = admin_client.generic(
        "POST",
        "/admin/archive/article/import/",
        CONTENT_LENGTH=HUGE,
        CONTENT_TYPE="multipart/form-data; boundary=x",
        **{"wsgi.input": Unreadable()},
    )
    assert response.status_code == 413


def test_an_editors_report_of_the_largest_size_still_posts(admin_client, settings):
    text = "Hội nghị tổng kết công tác quốc phòng địa phương. " * (1_900_000 // 60)
    response = admin_client.post("/admin/archive/article/import/", {"text": text})
    assert response.status_code == 200
