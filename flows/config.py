"""The project file, `scrapeline.toml`: where the warehouse is, what to load, the schedule and the
thresholds, so that no command needs them repeated.

`scrapeline init` writes one. Every command looks for it in the current folder and then in each
folder above (as git finds `.git`), or takes `--config PATH` / `$SCRAPELINE_CONFIG`. A command
line option overrides the file; the file overrides the built-in default. Relative paths in the
file are relative to the file's folder, so the project works from any folder below it.
"""

from __future__ import annotations

import json
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

CONFIG_NAME = "scrapeline.toml"
CONFIG_ENV = "SCRAPELINE_CONFIG"

# section -> key -> type; top-level keys under ""
KEYS: dict[str, dict[str, type | tuple[type, ...]]] = {
    "": {"warehouse": str, "sources": list},
    "run": {
        "max_mb": (int, float),
        "workers": int,
        "batch_files": int,
        "segment_seconds": (int, float),
        "segment_max_chars": int,
    },
    "thresholds": {"max_reject_rate": (int, float), "max_critical_rate": (int, float)},
    "schedule": {"cron": str, "name": str},
    "docs": {"port": int},
}


class ConfigError(ValueError):
    """The project file cannot be used: unreadable, not TOML, an unknown key or a wrong type."""


@dataclass
class Config:
    path: Path | None = None
    values: dict[str, dict[str, object]] = field(default_factory=dict)

    def get(self, section: str, key: str) -> object | None:
        return self.values.get(section, {}).get(key)

    def location(self, value: str) -> str:
        """A path from the file, relative to the file's folder (an s3:// URL as it is)."""
        value = os.path.expanduser(value)
        if self.path is None or value.startswith("s3://") or os.path.isabs(value):
            return value
        return str(self.path.parent / value)


def find_config(start: Path | None = None) -> Path | None:
    """`$SCRAPELINE_CONFIG`, else scrapeline.toml in `start` (the current folder) or a folder above."""
    if os.environ.get(CONFIG_ENV):
        return Path(os.environ[CONFIG_ENV])
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        if (candidate / CONFIG_NAME).is_file():
            return candidate / CONFIG_NAME
    return None


def load_config(path: Path | None) -> Config:
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None
    values: dict[str, dict[str, object]] = {"": {}}
    for key, value in data.items():
        if isinstance(value, dict):
            if key not in KEYS or key == "":
                raise ConfigError(
                    f"{path}: unknown section [{key}] (known: {', '.join(k for k in KEYS if k)})"
                )
            values[key] = {k: _checked(path, f"{key}.{k}", KEYS[key], k, v) for k, v in value.items()}
        else:
            values[""][key] = _checked(path, key, KEYS[""], key, value)
    sources = values[""].get("sources")
    if sources is not None and not all(isinstance(s, str) for s in sources):
        raise ConfigError(f"{path}: sources must be a list of paths, globs or s3:// URLs")
    return Config(path.resolve(), values)


def _checked(path: Path, name: str, known: dict, key: str, value: object) -> object:
    if key not in known:
        raise ConfigError(f"{path}: unknown key {name} (known here: {', '.join(sorted(known))})")
    if not isinstance(value, known[key]) or isinstance(value, bool):
        raise ConfigError(f"{path}: {name} = {value!r} has the wrong type")
    return value


def template(warehouse: str, sources: list[str], cron: str) -> str:
    """The text `scrapeline init` writes."""
    listed = ", ".join(_toml_str(s) for s in sources)
    return f"""# scrapeline project file. Every scrapeline command run in this folder, or in one below it,
# reads it; an option given on the command line wins over it. Paths are relative to this file.

warehouse = {_toml_str(warehouse)}   # a folder, or s3://bucket/prefix
sources = [{listed}]   # what `scrapeline run` and `scrapeline serve` load when given no SOURCE

[run]
max_mb = 20                  # inputs above this size are rejects
# workers = 2                # segmenter processes (default: one per core)
# batch_files = 1000         # scrapes per Prefect task

[thresholds]                 # a run above one ends Failed in Prefect (alert on it) and exits with 3
max_reject_rate = 0.5        # rejected inputs / inputs read: half the scrapes rejected is no normal run
# max_critical_rate = 0.05   # validated rows failing a critical expectation / rows validated

[schedule]                   # scrapeline serve
cron = {_toml_str(cron)}
name = "scrapeline-scheduled"

[docs]                       # scrapeline docs
port = 8765
"""


def _toml_str(text: str) -> str:
    """A TOML basic string: JSON's string escapes are TOML's."""
    return json.dumps(text, ensure_ascii=False)
