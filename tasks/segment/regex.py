"""Regular expressions over a batch's line texts, with RE2 through pyarrow: one call per pattern
over every text of the batch. pyarrow compiles the pattern on each call (about 3 ms for the date
pattern), so the segmenter is fed many pages at once (`tasks.pipeline` sends its children chunks
of pages, not single pages)."""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc


def match(texts: list[str], pattern: str) -> np.ndarray:
    """Whether each text holds a match of `pattern` (anywhere, like `re.search`)."""
    return pc.match_substring_regex(pa.array(texts, pa.string()), pattern).to_numpy(zero_copy_only=False)


def count(texts: list[str], pattern: str) -> np.ndarray:
    """Matches of `pattern` in each text, each search starting on the text left after the last
    match (a word boundary at its start always holds)."""
    return pc.count_substring_regex(pa.array(texts, pa.string()), pattern).to_numpy(zero_copy_only=False)


def replace(texts: list[str], pattern: str, replacement: str) -> list[str]:
    """Each text with every match of `pattern` replaced (a plain replacement, no group refs)."""
    return pc.replace_substring_regex(pa.array(texts, pa.string()), pattern, replacement).to_pylist()
