"""What a run is configured with, read from the command line and the environment once, at the edge.

The library never reads the environment to decide what a stage does: the CLI (or a caller of
the Python API) builds one `RunConfig` and hands it to `default_pipeline(config)`, which loads
the resources it names and passes them to the stages.
"""
from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

#: The environment variable that names another NER model folder (`--ner-model` wins over it).
NER_MODEL_ENV = "RASID_NER_MODEL"
#: The environment variable that names a folder whose data files take precedence over the shipped ones.
DATA_ENV = "RASID_DATA"
#: The environment variable that names the folder for prebuilt tables (rasid.resources.prebuilt);
#: `off` keeps none. Unset: `$XDG_CACHE_HOME/rasid`, else `~/.cache/rasid`.
CACHE_ENV = "RASID_CACHE"


@dataclass(frozen=True)
class RunConfig:
    """The options of a run. `ner_model` is a folder (a Rasid or Hugging Face model); None is the
    shipped model. `ner_model_origin` says where the folder was named, for error messages.
    `data_dir` is a folder whose lexicons and models replace the shipped files of the same name.
    `cache_dir` is where tables built from the data files are kept between runs (None: nowhere)."""
    ner_model: str | None = None
    ner_model_origin: str = "--ner-model"
    data_dir: str | None = None
    cache_dir: str | None = None

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None,
                         ner_model: str | None = None) -> "RunConfig":
        """The configuration of a command: its options first, then the RASID_* variables."""
        environ = os.environ if environ is None else environ
        data_dir = environ.get(DATA_ENV) or None
        cache_dir = cache_folder(environ)
        if ner_model:
            return cls(ner_model=ner_model, data_dir=data_dir, cache_dir=cache_dir)
        named = environ.get(NER_MODEL_ENV) or None
        return cls(ner_model=named, ner_model_origin=NER_MODEL_ENV, data_dir=data_dir, cache_dir=cache_dir)

    def ner_model_where(self) -> str:
        """`--ner-model PATH` or `RASID_NER_MODEL=PATH`: how the user named the model."""
        joiner = "=" if self.ner_model_origin == NER_MODEL_ENV else " "
        return f"{self.ner_model_origin}{joiner}{self.ner_model}"


def cache_folder(environ: Mapping[str, str]) -> str | None:
    """The folder for prebuilt tables a command uses: $RASID_CACHE (`off`: none), else the
    user's cache folder."""
    named = environ.get(CACHE_ENV)
    if named is not None:
        return None if named.strip().lower() in ("", "off", "0", "no") else named
    base = environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "rasid")
