"""The build: raw articles -> the dataset (see dashboard/schema.py). Entry point: ``python -m dashboard.build``."""
