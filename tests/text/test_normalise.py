import unicodedata

import pytest

from archive.text import canonical, fold, nfc, slugify_vi, sort_key


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Tỉnh uỷ", "Tỉnh ủy"),
        ("hoà", "hòa"),
        ("thuý", "thúy"),
        ("khoẻ", "khỏe"),
        ("Hoà Bình", "Hòa Bình"),
    ],
)
def test_old_and_new_tone_placement_are_one_word(old, new):
    assert canonical(old) == canonical(new)


@pytest.mark.parametrize(
    "word", ["quốc", "giữ", "người", "Nguyễn", "ngoài", "quý", "thuở", "hoàng"]
)
def test_canonical_leaves_unambiguous_words_alone(word):
    assert canonical(word) == word


def test_decomposed_text_is_composed():
    decomposed = unicodedata.normalize("NFD", "Quốc phòng")
    assert decomposed != "Quốc phòng"
    assert nfc(decomposed) == "Quốc phòng"
    assert canonical(decomposed) == "Quốc phòng"


def test_fold_removes_every_mark_and_d_stroke():
    assert fold("Nguyễn Đăng Bình, Tỉnh uỷ") == "nguyen dang binh, tinh uy"


def marks_stripped(text):
    """What `fold` means, spelled out the slow way: decompose, drop every combining mark,
    compose again."""
    lowered = nfc(text).lower().replace("đ", "d")
    kept = "".join(c for c in unicodedata.normalize("NFD", lowered) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", kept)


@pytest.mark.parametrize(
    "text",
    [
        "".join(map(chr, range(0xC0, 0x250))),  # Latin-1 Supplement, Extended-A and -B
        "".join(map(chr, range(0x1E00, 0x1F00))),  # Latin Extended Additional (Vietnamese)
        "Quốc phòng\u0301 Ω ῷ ﬁ Ǆ straße İstanbul 中文 a\u0489b",  # other scripts, other marks
        unicodedata.normalize("NFD", "Hội nghị tổng kết công tác quốc phòng địa phương"),
    ],
)
def test_fold_is_every_mark_dropped_whatever_the_script(text):
    for piece in (text, *text.split()):
        assert fold(piece) == marks_stripped(piece)


def test_fold_keeps_distinct_words_distinct_only_by_letters():
    assert fold("Bình") == fold("Bính") == "binh"
    assert canonical("Bình") != canonical("Bính")


def test_slug_is_ascii():
    assert slugify_vi("Đỗ Thị Minh Hoa") == "do-thi-minh-hoa"


def test_sort_key_puts_d_before_dd_and_tones_in_dictionary_order():
    names = ["Đỗ", "Dương", "Ân", "An", "Ăn", "Bà", "Ba", "Bá", "Bả"]
    assert sorted(names, key=sort_key) == ["An", "Ăn", "Ân", "Ba", "Bà", "Bả", "Bá", "Dương", "Đỗ"]
