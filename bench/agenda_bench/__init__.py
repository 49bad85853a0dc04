"""The benchmark behind `bench/run.py`, one job per module.

- `common`: paths, the municipality and versions the sets are built for, small helpers
- `policy_yaml`: writes generated policy data as YAML (`yaml` safe dumper)
- `generate`: the synthetic policy sets (1x, 10x, 100x) made from the real policy
- `project`: the snapshot of the code under test, and one project folder per size
- `measure`: runs and times the steps of one size (validate, build, baseline, rebuild)
- `workers`: the measurements that run inside a child process (diff, baseline pages, serve, profile)
- `report`: the table, the PASS/MISS targets and the machine information for the JSON

See bench/README.md for what each number means.
"""
