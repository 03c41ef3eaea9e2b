"""One BLAS thread per `rasid` process unless the user set otherwise: imported by the command
before anything loads NumPy (the setting only has effect then).

The NER tagger multiplies matrices of one sentence at a time: more BLAS threads only spin,
doubling the CPU a run burns and taking the core a worker pool would use. The command is the
edge that may set the process's environment; the library never does.
"""
from __future__ import annotations

import os

for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
