"""Tests for claimcheck._text: offset-preserving clean-up and squash()."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from strategies import FURNITURE, any_text, article_texts, mixed_text, sentences

from claimcheck._text import prepare, squash

_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029\t"


def _blanked(text: str, prepared: str) -> set[int]:
    return {k for k, (a, b) in enumerate(zip(text, prepared)) if a != b}


@given(st.one_of(any_text, mixed_text, article_texts()))
def test_prepare_preserves_length(text: str) -> None:
    """prepare(t).text has exactly len(t) characters for any string."""
    assert len(prepare(text).text) == len(text)


@given(st.one_of(any_text, mixed_text, article_texts()))
def test_prepare_only_replaces_characters_with_spaces(text: str) -> None:
    """Every character prepare() changes becomes a space; nothing else moves."""
    out = prepare(text).text
    for k in _blanked(text, out):
        assert out[k] == " ", (k, text[k], out[k])


@given(st.one_of(any_text, mixed_text, article_texts()))
def test_changes_are_line_breaks_or_inside_furniture(text: str) -> None:
    """A changed character is a line break, or lies inside a reported furniture range."""
    p = prepare(text)
    inside = {k for s, e, _ in p.furniture for k in range(s, e)}
    for k in _blanked(text, p.text):
        assert k in inside or text[k] in _BREAKS, (k, repr(text[k]))


@given(st.one_of(any_text, mixed_text))
def test_furniture_ranges_are_sorted_in_bounds_and_blank(text: str) -> None:
    """Furniture ranges are sorted, inside the text, non-overlapping, and blank in the output."""
    p = prepare(text)
    assert list(p.furniture) == sorted(p.furniture)
    last_end = 0
    for s, e, why in p.furniture:
        assert 0 <= last_end <= s < e <= len(text)
        assert why in {"url", "page furniture", "byline", "heading"}
        assert p.text[s:e].strip() == ""
        last_end = e


@given(st.lists(sentences(), min_size=1, max_size=6), st.sampled_from([" ", "\n", "\n\n", "\r\n"]))
def test_plain_sentences_keep_their_characters(sents: list[str], sep: str) -> None:
    """Ordinary sentences survive: only line breaks become spaces, every other character stays put."""
    text = sep.join(sents)
    p = prepare(text)
    assert p.furniture == ()
    # inside a paragraph line breaks become spaces; a break after a full stop stays
    assert p.text == (text if sep == "\n\n" else re.sub(r"[\r\n]", " ", text))


@given(st.lists(sentences(), min_size=1, max_size=4), st.sampled_from(FURNITURE))
def test_furniture_paragraph_blanked_sentences_kept(sents: list[str], furniture: str) -> None:
    """A URL, "Related article" or "Read more" paragraph is blanked; the sentences around it keep their offsets."""
    head, tail = sents[: len(sents) // 2], sents[len(sents) // 2:]
    parts = [" ".join(head)] if head else []
    parts += [furniture, " ".join(tail)]
    text = "\n\n".join(parts)
    p = prepare(text)
    at = text.index(furniture)
    assert p.text[at:at + len(furniture)].strip() == ""
    assert any(s <= at and at + len(furniture) <= e for s, e, _ in p.furniture)
    for sent in sents:
        k = text.index(sent)
        assert p.text[k:k + len(sent)] == sent


@pytest.mark.parametrize(
    ("line", "whys"),
    [
        ("https://t.me/youlistenedmayak/38300", {"url"}),
        ("https://example.org/a  www.example.org/b", {"url"}),
        ("Related article: Trump Claims \u2018Great Progress Made\u2019 During Putin-Witkoff Meeting",
         {"page furniture"}),
        ("Read more: Rescue Teams Race Against Time", {"page furniture"}),
        ("Advertisement", {"page furniture"}),
        ("Photo: Reuters", {"page furniture"}),
        ("Video | Rescuers pull survivors from the rubble", {"page furniture"}),
        ("\u00a9 2026 Northern Wire", {"page furniture"}),
        ("5 min read", {"page furniture"}),
        ("By Jane Doe", {"byline", "heading"}),
        ("By Marta Lindqvist, Reuters", {"byline", "heading"}),
        ("Donald Trump and Vladimir Putin to Meet in \u2018Coming Days,\u2019 Kremlin Says", {"heading"}),
    ],
)
def test_furniture_lines_are_blanked(line: str, whys: set[str]) -> None:
    """URL lines, "Related article: ...", bylines and headlines are blanked and reported with their reason."""
    body = "Rain fell on the capital on Monday, officials said."
    text = f"{line}\n\n{body}\n"
    p = prepare(text)
    assert p.text[: len(line)] == " " * len(line)
    assert [(s, e) for s, e, _ in p.furniture] == [(0, len(line))]
    assert p.furniture[0][2] in whys
    assert p.text[len(line) + 2: len(line) + 2 + len(body)] == body


def test_related_article_block_blanked_across_its_wrapped_lines() -> None:
    """A wrapped "Related article:" block is blanked on every line, as in the seed article."""
    text = ("Rain fell.\n\nRelated article: Trump Claims \u2018Great Progress Made\u2019 During\n"
            "Putin-Witkoff Meeting in Moscow\n\nSnow fell on Tuesday.")
    p = prepare(text)
    start = text.index("Related")
    end = text.index("Moscow") + len("Moscow")
    assert p.text[start:end].strip() == ""
    assert p.text.startswith("Rain fell.")
    assert p.text.endswith("Snow fell on Tuesday.")


def test_url_lines_inside_a_paragraph_are_blanked() -> None:
    """Bare URL lines in the middle of a block go; the text either side stays at its offsets."""
    text = "The ministry declined to comment,\nhttps://t.me/a/1\nwww.example.org/x\nredirecting questions."
    p = prepare(text)
    assert [why for _, _, why in p.furniture] == ["url", "url"]
    assert "http" not in p.text and "www" not in p.text
    assert p.text.startswith("The ministry declined to comment,")
    assert p.text.endswith("redirecting questions.")
    assert p.text.index("redirecting") == text.index("redirecting")


def test_hard_wrapped_paragraph_is_unwrapped() -> None:
    """Line breaks inside a paragraph become spaces, so a sentence reads on one line."""
    text = "However, Putin told reporters that a sit-down with his\nUkrainian counterpart was still far off."
    assert prepare(text).text == text.replace("\n", " ")


def test_paragraph_break_mid_sentence_is_joined() -> None:
    """A blank line that falls inside a sentence (text before it has no closing punctuation) is joined."""
    text = "The State Department declined to comment,\n\nredirecting questions to the White House."
    out = prepare(text).text
    assert "\n" not in out
    assert out.replace(" ", "") == text.replace("\n", "").replace(" ", "")


def test_paragraph_break_after_sentence_is_kept() -> None:
    """A blank line after a finished sentence stays a paragraph break."""
    text = "Rain fell on Monday.\n\nSnow fell on Tuesday."
    assert prepare(text).text == text


@pytest.mark.parametrize("sentence", [
    "Video footage showed the bridge collapsing into the river.",
    "Credit card debt rose 5% in May, the central bank said.",
    "Related talks will be held in Geneva next week, officials said.",
    "Watch officials said on Monday that the storm would pass by Friday.",
])
def test_sentence_starting_with_furniture_word_is_kept(sentence: str) -> None:
    """A paragraph that merely starts with "Video", "Credit", "Related"... is news, not furniture."""
    text = f"Rain fell on Monday.\n\n{sentence}"
    assert prepare(text).text == text


def test_wrapped_line_starting_with_by_name_is_kept() -> None:
    """A wrapped line "by Jane Doe, the spokeswoman." in the middle of a sentence is not a byline."""
    text = "The statement was signed\nby Jane Doe, the ministry spokeswoman.\nIt was short."
    assert prepare(text).text == text.replace("\n", " ")


@given(st.text(max_size=200))
def test_squash_has_no_runs_of_whitespace_or_edge_punctuation(text: str) -> None:
    """squash() never leaves double spaces, line breaks, or edge commas/quotes/spaces."""
    s = squash(text)
    assert "  " not in s
    assert not re.search(r"[\r\n\t]", s)
    if s:
        assert s[0] not in " ,;:\"'\u201c\u201d\u2018\u2019" and s[-1] not in " ,;:\"'\u201c\u201d\u2018\u2019"


@given(st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=20),
       st.text(alphabet=" \n\t,;:\"\u201c\u201d", max_size=5), st.text(alphabet=" \n\t,;:\"\u201c\u201d", max_size=5))
def test_squash_keeps_the_words(word: str, left: str, right: str) -> None:
    """squash() trims only edge punctuation and whitespace, never a letter or digit."""
    assert squash(left + word + right) == word


def test_squash_example() -> None:
    """squash() collapses inner whitespace and trims curly quotes and commas."""
    assert squash('  \u201cstill   far\noff,\u201d ') == "still far off"
