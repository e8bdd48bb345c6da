"""Quality of a built dataset against the gold annotations (data/gold): ``python -m dashboard.quality``."""
