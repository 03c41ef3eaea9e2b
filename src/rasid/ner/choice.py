"""The NER model of a run: `--ner-model PATH` (or $RASID_NER_MODEL), checked before any input is read.

    config = RunConfig.from_environment(ner_model=path)
    check_model(config)                 # a clear error now, not in the middle of a run
    pipeline = default_pipeline(config)  # the mentions stage tags with that model

A folder is either a Rasid model (MANIFEST.json, see rasid.ner.tagger) or a Hugging Face
token-classification model (config.json naming a model type, see rasid.ner.hf). Anything else
— a missing folder, a file, a folder that is neither, a model that does not load — is a
RasidError of one line that names the path, which the command line prints without a traceback.
"""
from __future__ import annotations

from pathlib import Path

from rasid.config import RunConfig
from rasid.errors import RasidError


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


def check_model(config: RunConfig) -> None:
    """Load the NER model `config` names, if any, or raise a RasidError of one line that says
    how the user named it (`--ner-model PATH` or `RASID_NER_MODEL=PATH`) and what is wrong."""
    if config.ner_model:
        open_model(config.ner_model, config.ner_model_where())
