"""Chrome a block's length hides: boxes read as one block, the box above the text, shared leads, later-page openers."""
from crawler.verify import line_key, shape_key
from pipelines.chrome import chrome_by_comparison, template_chrome
from pipelines.chrome_boxes import composed
from pipelines.reassemble import merge_blocks, reassemble


def blocks(*texts, tag="p"):
    return [{"tag": tag, "text": t, "html": t} for t in texts]


def extract(url, body, lines=(), **meta):
    base = {"url": url, "title": "咖啡 睡眠 研究", "subtitle": None, "byline": [], "reviewer": None, "dates": [],
            "blocks": body, "page_urls": [], "next_page_url": None, "report": {"lines": sorted(lines)}}
    base.update(meta)
    return base


DATE, SOURCE, TOOLS = "发布时间：2024年5月6日", "来源：晨光健康报", "【字号：大 中 小】 打印此文 关闭本页"
INFO = f"{DATE} {SOURCE} {TOOLS}"  # one block, more than 25 ideographs: too long to count as a short line
SHARED = {line_key(t) for t in (DATE, SOURCE, TOOLS, INFO)}
TEXT = ["研究 人员 发现 每天 喝 咖啡 的 成年人 睡眠 时间 较短 而且 夜间 醒来 的 次数 更多 一些.",
        "医生 建议 下午 以后 不要 喝 咖啡 或 浓茶 尤其 是 已经 有 睡眠 问题 的 老年人 和 孩子.",
        "调查 还 显示 周末 补觉 并 不能 完全 弥补 工作日 缺少 的 睡眠 时间 专家 提醒 规律 作息.",
        "这项 研究 持续 了 三年 共有 两千 多名 志愿者 参加 每个 月 填写 一次 睡眠 日记 和 问卷."]
LEAD = "Pharmacies in three states now stock twice the doses they held last autumn, officials said on Monday."
PARA = ["Doctors say the vaccine still matches the strains going around in schools and offices this year, "
        "and that the shot takes two weeks to work, so now is the time to get it.",
        "Most insurance plans cover the shot with no copay at all, the state pharmacy board says, and walk-in "
        "clinics at many pharmacies need no appointment on weekdays or on Saturday mornings.",
        "Children under nine who have never had a flu shot need two doses a month apart, which is why "
        "pediatricians want parents to book the first one before the end of October."]


def test_a_box_read_as_one_block_is_checked_line_by_line():
    assert composed(INFO, lambda t: line_key(t) in SHARED)
    assert not composed(TEXT[0], lambda t: line_key(t) in SHARED)
    assert not composed(f"{DATE} 研究 人员 发现", lambda t: line_key(t) in SHARED)  # one line of the box is not all of it


def test_an_info_box_every_page_prints_goes_with_the_credit_line_beside_it():
    pages = [extract("u1", blocks(INFO, "本报记者 林小雨 周明", TEXT[0], TEXT[1]), SHARED),
             extract("u2", blocks(INFO, TEXT[2]), SHARED), extract("u3", blocks(INFO, TEXT[3]), SHARED)]
    merged, _ = merge_blocks(pages, set())
    assert [b["text"] for b in merged] == TEXT


def test_a_one_page_article_drops_the_info_box_its_sibling_prints_with_another_date():
    sibling = {line_key("来源：晨光健康报"), line_key(TOOLS), shape_key("发布时间：2023年11月20日")}
    assert template_chrome(blocks(INFO, "本报记者 林小雨", *TEXT), sibling) == {0}
    article = reassemble([extract("u1", blocks(INFO, "本报记者 林小雨", *TEXT))], template=sibling)
    assert [b["text"] for b in article["blocks"]] == TEXT


def test_a_sentence_beside_the_box_is_text_and_stays():
    pages = [extract("u1", blocks(INFO, "A short standfirst that reads as a sentence of its own.", TEXT[0]), SHARED),
             extract("u2", blocks(INFO, TEXT[1]), SHARED)]
    merged, _ = merge_blocks(pages, set())
    assert [b["text"] for b in merged][0] == "A short standfirst that reads as a sentence of its own."


def test_a_short_lead_every_later_page_repeats_is_kept_once_on_page_one():
    pages = [extract("u1", blocks("Harbor Health Daily", LEAD, PARA[0])),
             extract("u2", blocks("Harbor Health Daily", LEAD, PARA[1])),
             extract("u3", blocks("Harbor Health Daily", LEAD, PARA[2]))]
    merged, _ = merge_blocks(pages, set())
    assert [b["text"] for b in merged] == [LEAD, *PARA]


def test_a_short_sentence_every_page_prints_inside_its_text_is_still_chrome():
    letter = "Sign up for the Harbor Health weekly letter in your inbox today."
    pages = [extract("u1", blocks(PARA[0], letter, LEAD)), extract("u2", blocks(PARA[1], letter, PARA[2]))]
    assert chrome_by_comparison([p["blocks"] for p in pages]) == {(0, 1), (1, 1)}


def test_a_continued_line_opening_page_two_of_two_goes():
    pages = [extract("u1", blocks(PARA[0], PARA[1])), extract("u2", blocks("Lees hier verder", PARA[2]))]
    merged, _ = merge_blocks(pages, set())
    assert [b["text"] for b in merged] == PARA


def test_a_later_page_opening_like_page_one_keeps_its_first_line():
    # Page 1's text opens with a short line too: that is how this site starts its text, not a marker.
    pages = [extract("u1", blocks("Flu shots", PARA[0])), extract("u2", blocks("Who pays", PARA[1]))]
    merged, _ = merge_blocks(pages, set())
    assert [b["text"] for b in merged] == ["Flu shots", PARA[0], "Who pays", PARA[1]]
    pages = [extract("u1", blocks(PARA[0])), extract("u2", blocks("Who pays for it?", PARA[1]))]
    assert [b["text"] for b in merge_blocks(pages, set())[0]] == [PARA[0], "Who pays for it?", PARA[1]]


def test_a_later_page_opening_with_a_subhead_the_text_uses_elsewhere_keeps_it():
    pages = [extract("u1", blocks(PARA[0], "Who pays", PARA[1])), extract("u2", blocks("Side effects", PARA[2]))]
    merged, _ = merge_blocks(pages, set())
    assert [b["text"] for b in merged] == [PARA[0], "Who pays", PARA[1], "Side effects", PARA[2]]


def test_short_bullets_under_the_box_are_text_and_stay():
    sibling = {line_key("来源：晨光健康报"), line_key(TOOLS), shape_key("发布时间：2023年11月20日")}
    body = [*blocks(INFO), *blocks("少喝 咖啡", "按时 睡觉", tag="li"), *blocks(*TEXT)]
    article = reassemble([extract("u1", body)], template=sibling)
    assert [b["text"] for b in article["blocks"]] == ["少喝 咖啡", "按时 睡觉", *TEXT]


def test_norm_folds_case_spacing_and_trailing_ellipses_the_same_on_every_ask():
    from pipelines.chrome import norm

    for _ in range(2):  # the second ask is answered from the cache: it must read the same
        assert norm("  Read  MORE\n stories…  ") == "read more stories"
        assert norm("Next page...") == "next page"
        assert norm("STRASSE") == norm("Straße")
    assert norm(None) == norm("") == ""
