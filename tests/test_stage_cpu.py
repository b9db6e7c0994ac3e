"""The CPU seconds a batch reports per stage: its own thread's, and the segmenter children's steps."""

from __future__ import annotations

import pickle

from tasks.models import InputFile
from tasks.pipeline import process_batch
from tasks.rows import ChunkAnswers
from tests.conftest import SEED_EXAMPLE


def test_a_batch_reports_cpu_per_stage_including_the_segmenters_steps(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for name in ("a.txt", "b.txt"):
        (src / name).write_text(SEED_EXAMPLE.read_text(encoding="utf-8") + f"\n\n{name}\n", encoding="utf-8")
    files = [InputFile(str(p), p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(src.iterdir())]
    result = process_batch(files, {}, tmp_path / "wh", "run1", "part-0")
    assert result.counts["articles"] == 2
    for stage in ("read", "clean", "boilerplate", "segment", "validate", "dedup", "load"):
        assert stage in result.cpu and result.cpu[stage] >= 0, stage
    assert result.cpu["segmenter:segment"] > 0  # the children's work, reported with their answers
    assert {"segmenter:language", "segmenter:simhash"} <= set(result.cpu)
    assert all(v >= 0 for v in result.cpu.values())


def test_chunk_answers_keep_their_cpu_through_pickling():
    answers = ChunkAnswers([([], [])])
    answers.cpu = {"segment": 0.5}
    back = pickle.loads(pickle.dumps(answers))
    assert back == [([], [])] and back.cpu == {"segment": 0.5}
