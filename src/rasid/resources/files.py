"""Where the package's data files are, and reading them raw: the layer under the catalogue
(rasid.resources.catalogue) and the lexicon checks (rasid.resources.checks).

A data folder chosen for the run (`use_data_folder`, which the CLI calls with $RASID_DATA
and `default_pipeline` with `RunConfig.data_dir`) makes files there take precedence, so a user can try a rebuilt lexicon without
reinstalling. The library itself never reads the environment.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from rasid.errors import RasidError

PACKAGE_DIR = Path(__file__).resolve().parent


class LexiconError(RasidError, ValueError):
    """A lexicon that breaks its file's rules: names the file and, for a bad row, its line and value."""


class _DataFolder:
    """The run's data folder: one setting of the process (which files to read), not state of
    any document. Lexicons already loaded are kept, so it is chosen before the first run."""
    folder: Path | None = None


def use_data_folder(folder: str | Path | None) -> None:
    """Read resources from `folder` first, where it has them (None: the shipped files only)."""
    _DataFolder.folder = Path(folder).expanduser() if folder else None


def data_folder() -> Path | None:
    """The run's data folder (`use_data_folder`), None when only the shipped files are read."""
    return _DataFolder.folder


def resource_path(name: str) -> Path:
    """The file `name` (e.g. `lexicons/months.tsv`), from the run's data folder if it has one."""
    override = _DataFolder.folder
    if override and (override / name).is_file():
        return override / name
    path = PACKAGE_DIR / name
    if not path.is_file():
        raise FileNotFoundError(f"rasid resource {name!r} not found at {path}")
    return path


def read_rows(path: Path) -> list[tuple[int, list[str]]]:
    """(line number, tab-separated cells) of a TSV file, without blank lines and `#` comments."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.strip() and not line.startswith("#"):
                rows.append((number, line.split("\t")))
    return rows


@lru_cache(maxsize=None)
def output_schema() -> dict:
    """The JSON Schema of `rasid extract` output (the contract of OUTPUT.md)."""
    with open(resource_path("schema/output.schema.json"), encoding="utf-8") as f:
        return json.load(f)


def vocabulary(name: str) -> tuple[str, ...]:
    """A closed vocabulary of the contract (e.g. `event_type`), read from the schema."""
    return tuple(v for v in output_schema()["$defs"][name]["enum"] if v is not None)
