"""The benchmark generator: a large invented record, for `manage.py generate_bench_data`.

At scale 1: 4 processes, 200 rounds, 600 delegations, about 5,000 memberships, 400
people, 40 agenda issues per process with one published status per issue per round,
a few hundred positions, 12,500 sources and 50,000 published statements, each linked to
1–3 issues of its process and citing a source. The scale multiplies the counts (at
least one of each); the same seed writes the same record (names, dates, texts, links),
with fresh UUIDs and timestamps.

Everything goes through the bulk path of the services (`negotrack.bulk.create_records`),
with its history and change-log rows, in one transaction: a failed run leaves nothing.
The slug rules of the services are applied set-wise (`issues.demo.slugs`), against the
slugs already taken, instead of one query per record.

- `plan`: how many records of each kind a scale asks for;
- `words`: the invented world (`data/bench_words.json`) and the sentences built from it;
- `generator`: `generate()`, and the generator's phases in `setting` (processes, rounds,
  sources, parties, people, delegations) and `assessments` (agenda issues, statuses,
  positions, statements), over the helpers of `base`.

Names and foreign-language texts come from Faker, a development dependency: `base` (and
so `generator`) imports it; `plan` and `words` do not.
"""
