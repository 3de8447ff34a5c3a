"""What a snippet marks follows what was typed; a snippet is a sentence; long texts stay cheap."""

import re

from archive.search.highlight import highlight, snippet
from archive.search.query import parse


def marked(html):
    return re.findall(r"<mark>(.*?)</mark>", str(html))


def test_typed_with_diacritics_marks_exact_forms_only():
    text = "Công tác quốc phòng và phong trào thi đua."
    assert marked(highlight(text, parse("quốc phòng"))) == ["quốc", "phòng"]
    assert marked(highlight("Nguyễn Đăng Bình và Đảng ủy", parse("Bình"))) == ["Bình"]


def test_typed_without_diacritics_marks_every_folded_form():
    text = "Công tác quốc phòng và phong trào thi đua."
    assert marked(highlight(text, parse("quoc phong"))) == ["quốc", "phòng", "phong"]


def test_tone_mark_placement_does_not_matter_for_exact_forms():
    assert marked(highlight("Tỉnh uỷ Bắc Kạn", parse("Tỉnh ủy"))) == ["Tỉnh", "uỷ"]


def test_a_quoted_phrase_marks_the_phrase_not_stray_syllables():
    text = "Hội nghị diễn ra tại hội trường; hội nghị kết thúc."
    html = highlight(text, parse('"hội nghị"'))
    assert marked(html) == ["Hội nghị", "hội nghị"]
    assert "<mark>hội</mark> trường" not in str(html)


def test_an_abbreviation_marks_its_expansion_as_a_phrase():
    text = "Ủy ban nhân dân tỉnh giao nhiệm vụ cho nhân dân và dân quân."
    assert marked(highlight(text, parse("UBND"))) == ["Ủy ban nhân dân"]


def test_a_prefix_marks_words_that_begin_so():
    assert marked(highlight("Nguyễn Đăng Bình", parse("Ngu*"))) == ["Nguyễn"]


def test_the_snippet_is_the_sentence_with_most_query_words():
    text = (
        "Sáng 09/01, Bộ CHQS tỉnh tổ chức hội nghị tổng kết năm 2024 với nhiều đại biểu. "
        "Năm qua, công tác quốc phòng địa phương đạt nhiều kết quả quan trọng và toàn diện. "
        "Phong trào thi đua được duy trì thường xuyên ở các cơ quan, đơn vị trong tỉnh."
    )
    html = str(snippet(text, parse("quốc phòng địa phương")))
    plain = re.sub(r"<[^>]+>", "", html)
    assert plain.startswith("… Năm qua, công tác quốc phòng")
    assert plain.endswith("toàn diện. …")
    assert "Phong trào" not in plain


def test_a_short_sentence_is_followed_by_the_next():
    text = "Mở đầu. Quốc phòng. Câu tiếp theo có đủ mười hai âm tiết để đọc cho rõ nghĩa hơn."
    plain = re.sub(r"<[^>]+>", "", str(snippet(text, parse("quốc phòng"))))
    assert plain.startswith("… Quốc phòng. Câu tiếp theo")


def test_a_long_sentence_is_cut_around_its_match_at_spaces():
    words = " ".join(["chữ"] * 200)
    text = f"{words} quốc phòng {words}."
    html = str(snippet(text, parse("quốc phòng")))
    plain = re.sub(r"<[^>]+>", "", html)
    assert "<mark>quốc</mark> <mark>phòng</mark>" in html
    assert len(plain) < 400
    assert plain.startswith("… chữ") and plain.endswith("chữ …")


def test_snippet_of_a_huge_text_reads_a_bounded_window():
    text = "Quốc phòng toàn dân. " + "Chữ nghĩa. " * 2_000_000  # 22 MB
    html = str(snippet(text, parse("quốc phòng")))
    assert "<mark>Quốc</mark> <mark>phòng</mark>" in html
    assert html.endswith("…")


def test_snippet_without_match_is_the_opening_and_everything_is_escaped():
    text = "<script>alert(1)</script> mở đầu. Câu hai."
    html = str(snippet(text, parse("không có")))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<mark>" not in html
