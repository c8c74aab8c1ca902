"""Benchmarks: each module measures one stage against a baseline; results go in BENCHMARKS.md."""
