"""Two-syllable words of the genre, for telling adjacent syllables of one word ("tiên tiến")
from neighbours across a word boundary ("đơn vị | tiên tiến"). Folded, space-separated."""

from collections import Counter

from archive.text.normalise import fold

WORDS = {
    fold(" ".join(word.split()))
    for word in """
    đơn vị, tiên tiến, tiên phong, vị trí, quốc phòng, an ninh, chiến sĩ, thi đua, khu vực,
    phòng thủ, lực lượng, vũ trang, dân quân, tự vệ, dự bị, động viên, quân sự, nhân dân, tập thể,
    cá nhân, hội nghị, tổng kết, sơ kết, triển khai, nhiệm vụ, công tác, địa phương, chỉ đạo,
    chủ trì, tham dự, phát biểu, kết luận, bằng khen, giấy khen, danh hiệu, thành tích, xuất sắc,
    huấn luyện, diễn tập, sẵn sàng, chiến đấu, tuyển quân, nhập ngũ, công dân, học sinh,
    sinh viên, giáo dục, tuyên truyền, kiến thức, bồi dưỡng, tổ chức, chính trị, kinh tế, xã hội,
    phát triển, xây dựng, vững mạnh, toàn diện, tình hình, thế trận, chính quyền, cấp ủy,
    đoàn thể, biên phòng, bộ đội, chỉ huy, tư lệnh, chính ủy, bí thư, chủ tịch, ủy viên,
    thường vụ, chấp hành, trung ương, tiềm lực, hiệu quả, chất lượng, kế hoạch, chỉ tiêu,
    hoàn thành, tiêu biểu, thi hành, nghị định, nghị quyết, chỉ thị, quyết định, thông tư,
    hướng dẫn, trật tự, an toàn, biên giới, chủ quyền, lãnh thổ, bảo vệ, tổ quốc, đảng viên,
    chi bộ, quân khu, tỉnh ủy, thành ủy, huyện ủy, đảng ủy, hậu phương, chính sách, phong trào,
    quyết thắng, cơ sở, thành phố, thị trấn, ủy ban, hội đồng, mặt trận, bộ trưởng, thứ trưởng,
    tham mưu, giám đốc, công an, biểu dương, khen thưởng, đại biểu, lãnh đạo, cán bộ, chính phủ,
    nhà nước, đảng bộ, quân đội, tuần tra, kiểm soát, cứu hộ, cứu nạn, thiên tai, giai đoạn,
    phương hướng, thực hiện, đồng chí, hội trường, quang cảnh, dân sự, toàn dân, nông thôn
    """.replace("\n", " ").split(",")
    if word.strip()
}


def segments(folded_syllables):
    """Greedy left-to-right: the index of each syllable's word (a known pair is one word)."""
    word_of, word, index = [], 0, 0
    while index < len(folded_syllables):
        pair = " ".join(folded_syllables[index : index + 2])
        size = 2 if index + 1 < len(folded_syllables) and pair in WORDS else 1
        word_of += [word] * size
        word += 1
        index += size
    return word_of


def known_word_flags(word_of):
    """For each syllable, whether it belongs to a known two-syllable word."""
    sizes = Counter(word_of)
    return [sizes[word] > 1 for word in word_of]
