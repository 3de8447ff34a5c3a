"""Reading files: headers, and bad input refused with a reason."""

import pytest

from archive.ingest.source import MAX_REPORT_BYTES, SourceError, from_bytes, from_text, read_path

BODY = "Sáng 09/01, Đồng chí Nguyễn Văn An, Chủ tịch UBND tỉnh chủ trì Hội nghị tổng kết. " * 3


def test_header_is_read_and_body_kept_exactly():
    text = f"---\nkey: abc\npublisher: Báo Bắc Kạn\npublished: 2024-12-05 19:25\n---\n{BODY}"
    source = from_text(text)
    assert source.key == "abc"
    assert source.meta["publisher"] == "Báo Bắc Kạn"
    assert source.meta["published"].hour == 19
    assert source.body == BODY


def test_bare_text_has_no_header_and_a_key_from_its_name_or_content():
    assert from_text(BODY, name="x/report-7.txt").key == "report-7"
    assert from_text(BODY).key.startswith("sha-")
    assert from_text(BODY).key == from_text(BODY).key


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("Hội nghị tổng kết".encode("utf-16"), "binary"),
        (b"H\xf4i ngh\xec t\xf4ng k\xeat c\xf4ng t\xe1c qu\xf4c ph\xf2ng " * 4, "not UTF-8"),
        (b"Hoi nghi.", "too short"),
        (b"---\nkey: a\n" + BODY.encode(), "never closed"),
        (b"---\ncolour: red\n---\n" + BODY.encode(), "unknown header"),
        (b"---\npublished: yesterday\n---\n" + BODY.encode(), "published date"),
        (b"---\npublished: 0001-01-01\n---\n" + BODY.encode(), "not between 1945 and 2100"),
        (b"---\npublished: 9999-12-31 23:59\n---\n" + BODY.encode(), "not between 1945"),
        (BODY.encode() * (MAX_REPORT_BYTES // len(BODY.encode()) + 1), "2 MB at most"),
    ],
)
def test_bad_input_is_refused_with_a_reason(data, reason):
    with pytest.raises(SourceError, match=reason):
        from_bytes(data)


def test_saved_page_header_gives_the_address_and_title():
    header = "source: https://baobacgiang.vn/a-123.html\ntitle: Lễ giao nhận quân\nexcerpt: yes"
    text = f"{header}\n\n{BODY}"
    source = from_text(text)
    assert source.meta == {"url": "https://baobacgiang.vn/a-123.html", "title": "Lễ giao nhận quân"}
    assert source.body == BODY


def test_saved_page_header_without_a_headline_has_no_title():
    text = f"source: http://x.gov.vn/p/1\ntitle: (none in excerpt)\nexcerpt: yes\n\n {BODY}"
    assert from_text(text).meta == {"url": "http://x.gov.vn/p/1"}


def test_a_first_line_that_only_starts_like_a_header_is_body():
    text = f"source: http://x.vn/1\nSáng 09/01, hội nghị diễn ra.\n\n{BODY}"
    assert from_text(text).meta == {}


HUGE = "9" * 5000


@pytest.mark.parametrize(
    "sentence",
    [
        f"Năm qua, toàn tỉnh có {HUGE} công dân nhập ngũ.",
        f"Dịp này, UBND tỉnh tặng Bằng khen cho {HUGE} tập thể và {HUGE} cá nhân.",
    ],
)
def test_a_number_of_thousands_of_digits_is_no_figure_and_no_crash(sentence):
    """Python refuses to convert more than 4 300 digits to an int (ValueError)."""
    from archive.ingest.parser import parse_text

    parsed = parse_text(BODY + sentence)
    event = parsed.events[0]
    assert all(len(str(s.value)) < 20 for s in event.statistics)
    assert all((a.collectives or 0) < 10**12 for a in event.awards)


def test_a_report_too_large_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "big.txt"
    path.write_bytes(BODY.encode() * (MAX_REPORT_BYTES // len(BODY.encode()) + 1))
    monkeypatch.setattr(type(path), "read_bytes", lambda self: pytest.fail("read in full"))
    with pytest.raises(SourceError, match="2 MB at most"):
        read_path(path)


def test_pasted_text_too_large_is_refused():
    with pytest.raises(SourceError, match="2 MB at most"):
        from_text(BODY * (MAX_REPORT_BYTES // len(BODY) + 1))


@pytest.mark.parametrize("name", ["bad\nname.txt", "tab\there.txt", "x\x1b[31m.txt"])
def test_a_file_name_with_control_characters_makes_a_one_line_key(name):
    key = from_text(BODY, name=name).key
    assert key.isprintable()
    assert key == from_text(BODY, name=name).key


def test_a_long_file_name_makes_a_key_that_fits_and_stays_distinct():
    first = from_text(BODY, name="a" * 250 + "1.txt").key
    second = from_text(BODY, name="a" * 250 + "2.txt").key
    assert len(first) <= 120 and len(second) <= 120
    assert first != second
    assert from_text(BODY, name="report-7.txt").key == "report-7"
