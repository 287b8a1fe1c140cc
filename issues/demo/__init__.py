"""The demo record and the benchmark generator, apart from the product.

`seed_demo` loads the demo record (the facts of seed-facts.md, kept as data in
`data/facts/`) with `loader.load_demo`; `generate_bench_data` writes a large invented
record with `bench`. Both write through the services, and nothing of the product imports
this package: only those two management commands (and the tests) do.
"""
