"""Benchmarks of dsfr-accordion against its peers and its floors (issues 9 and 19).

Run ``make bench`` (full) or ``make bench-quick``; results go to
``benchmarks/results.json`` and ``docs/benchmarks.md`` with charts under
``docs/images/benchmarks/``. Nothing here is imported by the library.
"""
