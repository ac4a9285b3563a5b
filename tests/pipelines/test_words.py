from pipelines.words import length_in_words


def test_spaced_scripts_count_their_words():
    assert length_in_words("Story continues on page 2") == 5
    assert length_in_words("") == 0


def test_unspaced_scripts_count_each_character():
    # Two \w+ runs, 21 characters: long enough to be a paragraph, not a caption or a page marker.
    assert length_in_words("日本語の健康ニュースです。睡眠と食事について。") == 21
    assert length_in_words("日本語 Page 2") == 5
