"""The NER model of a run: `--ner-model PATH` (or $RASID_NER_MODEL), checked before any input is read.

    with use_model(path, option="--ner-model"):
        ...  # the mentions stage and `tag_conll` tag with the model in `path`

A folder is either a Rasid model (MANIFEST.json, see rasid.ner.tagger) or a Hugging Face
token-classification model (config.json naming a model type, see rasid.ner.hf). Anything else
— a missing folder, a file, a folder that is neither, a model that does not load — is a
RasidError of one line that names the path, which the command line prints without a traceback.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from rasid.errors import RasidError

ENV = "RASID_NER_MODEL"


def open_model(path: str, where: str | None = None):
    """The tagger in folder `path`, loaded (and kept: later `load_tagger(path)` calls reuse it).
    `where` starts the error messages (default: `NER model PATH`)."""
    from rasid.ner.hf import is_hf_model
    from rasid.ner.tagger import ModelError, load_tagger
    where = where or f"NER model {path}"
    folder = Path(path).expanduser()
    if not folder.exists():
        raise RasidError(f"{where}: no such folder")
    if not folder.is_dir():
        raise RasidError(f"{where}: not a folder (give the folder that holds the model's files)")
    try:
        hf = is_hf_model(folder)
    except (OSError, ValueError) as exc:
        raise RasidError(f"{where}: unreadable config.json ({exc})") from None
    if not hf and not (folder / "MANIFEST.json").is_file():
        raise RasidError(f"{where}: neither a Rasid NER model (no MANIFEST.json) nor a Hugging Face "
                         "token-classification model (no config.json naming a model_type)")
    try:
        return load_tagger(str(folder.resolve()))
    except ModelError as exc:
        raise RasidError(f"{where}: {exc}") from None
    except (OSError, ValueError, KeyError) as exc:  # a malformed MANIFEST.json or config.json
        raise RasidError(f"{where}: cannot be loaded ({type(exc).__name__}: {exc})") from None


@contextmanager
def use_model(path: str | None, option: str = "--ner-model"):
    """Within the block, `load_tagger()` (hence the mentions stage and CoNLL tagging) gives the
    model in `path`; without a path, the one $RASID_NER_MODEL names, checked the same way; with
    neither, the shipped model. The environment is restored on leaving."""
    where = f"{option} {path}"
    if not path:
        path, where = os.environ.get(ENV), f"{ENV}={os.environ.get(ENV)}"
        if not path:
            yield
            return
    open_model(path, where)
    before = os.environ.get(ENV)
    os.environ[ENV] = str(Path(path).expanduser().resolve())
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(ENV, None)
        else:
            os.environ[ENV] = before
