"""Keeping what Great Expectations imports but our suites never use out of a process's memory.

GX imports every one of its core expectations when it starts, and one of them (the
KL-divergence expectation) imports altair and scipy.stats at module level: about 75 MB for a
chart library and a statistics package that the suites here never call. Binding those names to
stand-ins before GX starts keeps them out until something really uses them; then the stand-in
imports the real module and hands every attribute on to it, so the worst case is what happens
without it.

GX also imports SQLAlchemy when it is installed (Prefect's server needs it) to offer SQL data
sources; our suites validate pandas frames. `absent_while` makes it look uninstalled to GX's
start-up alone (~20 MB): GX then leaves its SQL features off, as it does where SQLAlchemy is
missing, and anything imported later finds the real package as usual.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import threading
import types
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

# imported by Great Expectations at start-up, used by none of the expectations in our suites
UNUSED_BY_OUR_SUITES = ("altair", "scipy.stats")
# optional for GX, used by no other code of a pipeline process (so nothing else can be importing
# it while GX starts in a background thread); not botocore: S3 reads import it from batch threads
OPTIONAL_FOR_GX = ("sqlalchemy",)


class DeferredModule(types.ModuleType):
    """Stands in `sys.modules` for a module until one of its attributes is asked for."""

    _lock = threading.RLock()

    def __init__(self, name: str, spec) -> None:
        super().__init__(name)
        self.__spec__ = spec  # what the import system reads of a module it finds in sys.modules
        self.__loader__ = spec.loader
        object.__setattr__(self, "_real", None)

    @property
    def loaded(self) -> bool:
        return object.__getattribute__(self, "_real") is not None

    def _load(self) -> types.ModuleType:
        with self._lock:
            real = object.__getattribute__(self, "_real")
            if real is None:
                if sys.modules.get(self.__name__) is self:
                    del sys.modules[self.__name__]  # so that the import below runs the module
                real = importlib.import_module(self.__name__)
                object.__setattr__(self, "_real", real)
            return real

    def __getattr__(self, attr: str) -> Any:  # called only for what the stand-in lacks
        return getattr(self._load(), attr)


def defer_imports(names: Iterable[str] = UNUSED_BY_OUR_SUITES) -> list[str]:
    """Bind each installed, not yet imported module of `names` to a stand-in; return those bound."""
    bound = []
    for name in names:
        if name in sys.modules:
            continue
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            continue
        if spec is None:
            continue
        sys.modules[name] = DeferredModule(name, spec)
        bound.append(name)
    return bound


@contextmanager
def absent_while(names: Iterable[str] = OPTIONAL_FOR_GX) -> Iterator[list[str]]:
    """Inside the block, importing any not yet imported module of `names` raises ImportError
    (a None entry in sys.modules); afterwards it imports as usual. Yields the names hidden."""
    hidden = [name for name in names if name not in sys.modules]
    for name in hidden:
        sys.modules[name] = None  # type: ignore[assignment]
    try:
        yield hidden
    finally:
        for name in hidden:
            if name in sys.modules and sys.modules[name] is None:
                del sys.modules[name]


def import_great_expectations() -> types.ModuleType:
    """`great_expectations`, imported without what our suites never use (and without analytics)."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "false")
    defer_imports()
    with absent_while():
        import great_expectations

    return great_expectations
