"""bindref.core.similar against difflib.get_close_matches, which it must equal exactly."""

from __future__ import annotations

import difflib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bindref.core.similar import SimilarNames

# Few letters, so that names share many of them and scores tie often (the order of ties matters).
WORDS = st.text(alphabet="abcAB_é1", max_size=12)


@settings(max_examples=400, deadline=None)
@given(
    names=st.lists(WORDS, max_size=12),
    word=WORDS,
    n=st.integers(min_value=1, max_value=4),
    cutoff=st.sampled_from([0.0, 0.3, 0.6, 0.85, 1.0]),
)
def test_closest_is_get_close_matches(names: list[str], word: str, n: int, cutoff: float) -> None:
    assert SimilarNames(names).closest(word, n, cutoff) == difflib.get_close_matches(word, names, n, cutoff)


@pytest.mark.parametrize(
    ("names", "word", "expected"),
    [
        (["blob_input", "blob_output", "queue_trigger"], "blob_inptu", ["blob_input"]),
        (["BlobInput", "BlobOutput"], "TableInput", ["BlobInput"]),
        (["aaaa", "aaab"], "aaaaaa", ["aaaa", "aaab"]),  # a word repeating a letter more than any name
        ([], "blob_input", []),
        (["x"], "", []),
    ],
)
def test_closest_examples(names: list[str], word: str, expected: list[str]) -> None:
    assert SimilarNames(names).closest(word, n=3, cutoff=0.6) == expected
    assert difflib.get_close_matches(word, names, n=3, cutoff=0.6) == expected


@pytest.mark.parametrize(
    ("n", "cutoff", "refusal"), [(0, 0.6, "n must be > 0"), (1, -0.1, "cutoff"), (1, 1.5, "cutoff")]
)
def test_bad_arguments_are_refused_as_difflib_refuses_them(n: int, cutoff: float, refusal: str) -> None:
    with pytest.raises(ValueError, match=refusal):
        difflib.get_close_matches("a", ["a"], n, cutoff)
    with pytest.raises(ValueError, match=refusal):
        SimilarNames(["a"]).closest("a", n, cutoff)
