"""The build pipeline: raw articles -> the dataset (see dashboard/schema.py).

Modules, in the order a build runs them: ``run`` (the orchestration and ``build()``), ``article``
(one article's extraction, in worker processes), ``store`` (input fingerprints, the build cache of
a previous build, the atomic dataset writer), ``fingerprint`` (what decides reuse), ``cli`` (the
command line, ``python -m dashboard.build``).
"""
