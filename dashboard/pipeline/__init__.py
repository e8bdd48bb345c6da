"""The build pipeline: raw articles -> the dataset (see dashboard/schema.py).

Modules, in the order a build runs them: ``run`` (the orchestration and ``build()``), ``inputs``
(the input files and their one fingerprint), ``cache`` (what a previous build lends this one),
``article`` (one article's extraction, in worker processes), ``writer`` (the atomic dataset
writer), beside ``tables`` (every table's role, intermediate columns and sort keys),
``fingerprint`` (what decides reuse), ``report`` (BuildSummary, BuildError) and ``cli`` (the
command line, ``python -m dashboard.build``). Imports go one way: run -> the others.
"""
