"""Small synthetic pages, written for the tests, in the layouts the segmenter must handle.

Kept in modules by topic; every page is an attribute of this package (`pages.WORDPRESS`).
"""

from __future__ import annotations

from types import ModuleType

from tests.segment.pages import layouts, more_layouts, systems

_MODULES: tuple[ModuleType, ...] = (systems, layouts, more_layouts)


def __getattr__(name: str) -> str:
    for module in _MODULES:
        if name.isupper() and hasattr(module, name):
            return getattr(module, name)
    raise AttributeError(f"no page {name!r} in tests.segment.pages")


def __dir__() -> list[str]:
    return sorted({n for m in _MODULES for n in dir(m) if n.isupper()})
