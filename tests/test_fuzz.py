"""Every parser under fuzzing, bounded for the suite (tests/fuzz_targets.py says what is drawn
and what must hold); `make fuzz` runs the same targets a million times."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from fuzz_targets import targets

TARGETS = {t.name: t for t in targets()}


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_fuzz_parser_raises_nothing_but_its_declared_errors(name):
    target = TARGETS[name]

    @settings(max_examples=60, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(target.strategy)
    def run(drawn):
        target.check(drawn)

    run()
