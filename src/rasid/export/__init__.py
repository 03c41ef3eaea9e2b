"""Exports of the corpus layer: FollowTheMoney JSON lines, ACLED-style CSV, GeoJSON, claims CSV.

Each exporter is `write(view, out)`: `view` is a corpus index (rasid.store.corpus.CorpusIndex,
from a store or `memory_corpus`), `out` a text stream. Nothing here touches a file or a database
by itself; the CLI opens both (rasid.cli.corpus).
"""
from __future__ import annotations

from collections.abc import Callable
from typing import IO, Any

FORMATS = ("ftm", "acled", "geojson", "claims")


def exporter(fmt: str) -> Callable[[Any, IO[str]], int]:
    """The `write(view, out)` function of a format; it returns the number of records written."""
    if fmt == "ftm":
        try:
            from rasid.export.ftm import write
        except ImportError as e:  # an optional dependency (it needs PyICU, built against libicu)
            from rasid.errors import RasidError
            raise RasidError(f"the ftm export needs the followthemoney library ({e}); "
                             "install it with: pip install 'followthemoney>=4.11'") from e
    elif fmt == "acled":
        from rasid.export.acled import write
    elif fmt == "geojson":
        from rasid.export.geojson import write
    elif fmt == "claims":
        from rasid.export.claims import write
    else:
        raise ValueError(f"unknown export format {fmt!r}; expected one of {', '.join(FORMATS)}")
    return write
