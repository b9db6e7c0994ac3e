"""The learned segmenter's parts: features, the two passes, decoding and assembly, each checked
against a simpler reference or a hand-made case."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tasks.segment import segment, segment_pages
from tasks.segment.assemble import author_of
from tasks.segment.features import (
    FEATURES,
    PageInput,
    batch_context,
    batch_features,
    context_features,
    page_features,
)
from tasks.segment.labeller import Page, front_matter, label_page
from tasks.segment.labels import AUTH, AUTH_B, BODY, LABELS, TEXT, TEXT_B, TITLE
from tasks.segment.lines import split_lines
from tasks.segment.model import MODEL_PATH, LineModel, shipped
from tests.segment import pages


def test_the_shipped_model_matches_the_features_and_labels_of_the_code():
    model = LineModel.load(MODEL_PATH)
    assert model.first.mean.shape == (len(FEATURES),)
    assert model.log_trans.shape == (len(LABELS), len(LABELS))
    assert MODEL_PATH.stat().st_size < 2_000_000  # a small file in the package


@pytest.mark.parametrize(
    "header, name",
    [
        ("Jane Doe • 3 years ago", "Jane Doe"),
        ("Jane Doe says:", "Jane Doe"),
        ("Posted by: Jane Doe | May 3, 2021", "Jane Doe"),
        ("#4 Jane Doe 2021-03-03 12:00", "Jane Doe"),
        ("T. Fischer hat gesagt…", "T. Fischer"),
        ("Chiara Benedetti Mod • 3 years ago", "Chiara Benedetti"),
        ("**Jane** — 3 March 2021", "Jane"),
        ("@dave_99 commented on Mar 3, 2021", "dave_99"),
        ("Camille M.", "Camille M."),
        ("Anonymous said...", None),
        ("Гость", None),
        ("anonymous → BETTY • 27 October 2018, 4:31 pm", None),
    ],
)
def test_author_of_a_header_line(header, name):
    assert author_of(header) == name


def _pages(texts):
    return [PageInput(split_lines(t, md), md) for t, md in texts]


def test_batch_features_equal_page_by_page():
    texts = [(pages.WORDPRESS, False), (pages.BLOGGER_MD, True), ("One line only.", False), ("", False)]
    batch = batch_features(_pages(texts))
    single = [page_features(p.lines, p.markdown) for p in _pages(texts)]
    assert np.array_equal(batch.X, np.vstack(single))
    assert list(np.diff(batch.offsets)) == [len(s) for s in single]


@settings(max_examples=30, deadline=None)
@given(sizes=st.lists(st.integers(0, 40), min_size=1, max_size=6), seed=st.integers(0, 10_000))
def test_batch_context_and_decoding_equal_page_by_page(sizes, seed):
    rng = np.random.default_rng(seed)
    probs = [rng.dirichlet(np.ones(len(LABELS)) * 0.3, size=n).astype(np.float32) for n in sizes]
    shapes = [rng.integers(0, 4, size=n) for n in sizes]
    offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    stacked = np.vstack(probs) if sum(sizes) else np.zeros((0, len(LABELS)), dtype=np.float32)
    context = batch_context(stacked, np.concatenate(shapes).astype(np.int64), offsets)
    single = [context_features(p, s) for p, s in zip(probs, shapes, strict=True) if len(p)]
    assert np.allclose(context, np.vstack(single) if single else context)
    model = shipped()
    decoded = model.decode_batch(stacked, offsets)
    assert np.array_equal(decoded, np.concatenate([model.decode(p) for p in probs]).astype(np.int64))


@settings(max_examples=60, deadline=None)
@given(n=st.integers(2, 60), seed=st.integers(0, 10_000))
def test_decoding_keeps_one_record_template_per_page(n, seed):
    """Comments are headed by their author line or signed by it: a page never shows both an author
    line opening a record and an author line right after comment text."""
    probs = np.random.default_rng(seed).dirichlet(np.ones(len(LABELS)) * 0.2, size=n)
    labels = [int(x) for x in shipped().decode(probs)]
    headed = AUTH_B in labels
    signed = any(a in (TEXT, TEXT_B) and b == AUTH for a, b in zip(labels, labels[1:], strict=False))
    assert not (headed and signed)


def test_front_matter_keeps_line_numbers_and_gives_its_fields():
    text, meta = front_matter('---\ntitle: "A title"\ndate: 2021-03-04\n---\n# Heading\n\nText.\n')
    assert text.split("\n")[4] == "# Heading"
    assert meta == {"title": "A title", "date": "2021-03-04"}


def test_one_page_and_a_batch_give_the_same_segmentation():
    texts = [pages.WORDPRESS, pages.DISQUS, pages.BLOGGER_MD]
    batch = segment_pages([Page(t, markdown=t is pages.BLOGGER_MD) for t in texts])
    single = [segment(t, markdown=t is pages.BLOGGER_MD) for t in texts]
    assert batch == single


def test_labels_come_with_probabilities_and_reasons():
    page = label_page(pages.WORDPRESS, reasons=True)
    rows = list(page.explained())
    assert len(rows) == len(page.lines) > 10
    for _line, label, prob, why in rows:
        assert label in LABELS and 0.0 <= prob <= 1.0
        assert len(why) == 3 and all(isinstance(name, str) for name, _ in why)
    assert any(label == LABELS[TITLE] for _, label, _, _ in rows)
    assert any(label == LABELS[BODY] for _, label, _, _ in rows)
