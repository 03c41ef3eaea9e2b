"""The one thing pyproject.toml cannot say without an experimental table: the C extension.

The tagger's recurrences in C (src/rasid/ner/_kernels.c, loaded by rasid/ner/kernels.py) are
optional: a machine without a C compiler still installs Rasid and runs the same NumPy loops,
slower. No fused multiply-add, so the C loops give the NumPy versions' float32 bits.
"""
from setuptools import Extension, setup

setup(ext_modules=[Extension("rasid.ner._kernels", ["src/rasid/ner/_kernels.c"],
                             extra_compile_args=["-O2", "-ffp-contract=off"], optional=True)])
