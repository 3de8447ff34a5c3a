"""paste → review → confirm: the header's key and date are kept, a report of almost 2 MB is
saved, titles are typed as plain text, the article's own fields are on the review screen, and
two spellings of one name in the same report are flagged."""

from io import StringIO
from urllib.parse import urlencode

from django.core.management import call_command
from django.utils import timezone

from archive.models import Article, Participation
from tests.conftest import ARTICLES
from tests.desk.test_admin import BODY, IMPORT_URL, confirm_data, review

FILE = ARTICLES / "002_f63c98608b468458.txt"


def paste(client, text):
    response = client.post(IMPORT_URL, {"text": text, "action": "extract"})
    assert response.status_code == 200
    assert "paste_token" in response.context, response.content.decode()[:500]
    return response


def test_pasting_a_report_already_in_the_archive_updates_it(admin_client):
    call_command("ingest", str(FILE), stdout=StringIO())
    before = Article.objects.get()
    response = paste(admin_client, FILE.read_text(encoding="utf-8"))
    assert response.context["existing"] == before
    confirmed = admin_client.post(IMPORT_URL, confirm_data(response))
    assert confirmed.status_code == 302
    article = Article.objects.get()
    assert (article.pk, article.key, article.published_at) == (
        before.pk,
        "002_f63c98608b468458",
        before.published_at,
    )


def test_pasting_the_bare_text_of_an_archived_report_updates_it(admin_client):
    call_command("ingest", str(FILE), stdout=StringIO())
    response = paste(admin_client, BODY)
    admin_client.post(IMPORT_URL, confirm_data(response))
    assert list(Article.objects.values_list("key", flat=True)) == ["002_f63c98608b468458"]


def test_a_report_of_almost_two_megabytes_is_saved(admin_client):
    filler = "Các địa phương tiếp tục tăng cường tuyên truyền, giáo dục quốc phòng và an ninh.\n"
    text = BODY + filler * (1_800_000 // len(filler.encode()))
    assert 1_700_000 < len(text.encode()) < 2_000_000
    response = paste(admin_client, text)
    # Sent as a browser sends the review form (URL-encoded), which is what grew past the limit.
    confirmed = admin_client.post(
        IMPORT_URL,
        urlencode(confirm_data(response), doseq=True),
        content_type="application/x-www-form-urlencoded",
    )
    assert confirmed.status_code == 302
    assert Article.objects.get().text == text.strip()


def test_confirming_a_paste_no_longer_kept_is_a_400_with_a_message(admin_client):
    data = confirm_data(review(admin_client))
    data["paste"] = "forged-or-expired"
    response = admin_client.post(IMPORT_URL, data)
    assert response.status_code == 400
    assert "dán lại" in response.content.decode()
    assert not Article.objects.exists()


def test_titles_are_typed_as_plain_text_one_per_line_or_with_commas(admin_client):
    response = review(admin_client)
    people = {f.initial["name"]: f.prefix for f in response.context["people"].forms if f.initial}
    data = confirm_data(
        response,
        **{
            f"{people['Nguyễn Đăng Bình']}-titles": "Chủ tịch UBND tỉnh\n Phó Bí thư Tỉnh ủy ",
            f"{people['Nguyễn Hồng Thái']}-titles": "Tư lệnh Quân khu 1, Ủy viên Trung ương Đảng",
        },
    )
    assert admin_client.post(IMPORT_URL, data).status_code == 302
    titles = dict(Participation.objects.values_list("name_as_written", "titles"))
    assert titles["Nguyễn Đăng Bình"] == ["Chủ tịch UBND tỉnh", "Phó Bí thư Tỉnh ủy"]
    assert titles["Nguyễn Hồng Thái"] == ["Tư lệnh Quân khu 1", "Ủy viên Trung ương Đảng"]


def test_the_article_date_and_address_are_set_on_review(admin_client):
    response = review(admin_client)
    assert "article-published" in response.content.decode()
    data = confirm_data(
        response,
        **{"article-published": "2024-12-06", "article-url": "https://baobackan.vn/bai-1"},
    )
    assert admin_client.post(IMPORT_URL, data).status_code == 302
    article = Article.objects.get()
    assert timezone.localtime(article.published_at).date().isoformat() == "2024-12-06"
    assert article.source_url == "https://baobackan.vn/bai-1"
    assert {"published_at", "source_url"} <= set(article.edited_fields)


def test_two_spellings_of_one_name_in_the_same_report_are_flagged(admin_client):
    text = BODY.replace(
        "chủ trì hội nghị.\n",
        "chủ trì hội nghị. Đồng chí Nguyễn Đăng Bính phát biểu kết luận hội nghị.\n",
        1,
    )
    response = paste(admin_client, text)
    flagged = {
        f["name"].value(): f.same_report_spellings
        for f in response.context["people"].forms
        if f.same_report_spellings
    }
    assert flagged == {
        "Nguyễn Đăng Bình": ["Nguyễn Đăng Bính"],
        "Nguyễn Đăng Bính": ["Nguyễn Đăng Bình"],
    }
    assert "Viết khác trong cùng bài:" in response.content.decode()


def test_why_a_text_cannot_be_read_is_said_in_vietnamese(admin_client):
    response = admin_client.post(IMPORT_URL, {"text": "Quá ngắn.", "action": "extract"})
    html = response.content.decode()
    assert "too short" not in html
    assert "quá ngắn" in html
